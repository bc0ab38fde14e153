"""
The sample publications, idempotently: `publications.yaml` (what is the same in every language) and
`texts/<language>.yaml` (title, teaser, description) in demo_content/, a generated PDF and cover for each.

A second run creates only what is missing (a publication, or a language version of one); publications that exist
are the editors', and one whose sample flag an editor switched off is never touched. `refresh=True` deletes the
publications still marked as sample data, with their files, and creates them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from djangocms_versioning.models import Version
from filer.models import File, Folder, Image

from fachstellen.models import Fachstelle
from iqportal.cache import invalidate_directory_caches
from landesnetzwerke.models import Landesnetzwerk
from programme.news.models import Schwerpunkt
from programme.page_builder import get_system_user
from programme.publications.models import Publikation, PublikationContent
from programme.publications.sample_files import sample_cover, sample_pdf

DEMO_DIR = Path(__file__).with_name("demo_content")
FOLDER_NAME = "Publikationen (Beispieldaten)"
TEXT_FIELDS = {"title", "teaser", "description"}


class SampleDataError(ValueError):
    """A demo_content file describes something the loader cannot create."""


@dataclass(frozen=True)
class SampleSpec:
    slug: str
    typ: str
    jahr: int
    file_languages: tuple[str, ...]
    pages: int
    schwerpunkt: str = ""
    landesnetzwerk: str = ""
    fachstelle: str = ""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)  # "slug [language]"
    removed: int = 0


@cache
def sample_specs() -> tuple[SampleSpec, ...]:
    data = yaml.safe_load((DEMO_DIR / "publications.yaml").read_text(encoding="utf-8"))
    known = {item.name for item in fields(SampleSpec)}
    specs = []
    for entry in data["publications"]:
        unknown = set(entry) - known
        if unknown:
            raise SampleDataError(f"publications.yaml: {entry.get('slug')!r} has unknown keys {sorted(unknown)}.")
        spec = SampleSpec(**{**entry, "file_languages": tuple(entry["file_languages"])})
        if spec.typ not in Publikation.Typ.values or (
            spec.schwerpunkt and spec.schwerpunkt not in Schwerpunkt.Term.values
        ):
            raise SampleDataError(f"publications.yaml: {spec.slug!r} has an unknown typ or schwerpunkt.")
        specs.append(spec)
    return tuple(specs)


@cache
def sample_texts(language: str) -> dict[str, dict[str, str]]:
    """slug → texts in `language` ({} when the language has no text file)."""
    path = DEMO_DIR / "texts" / f"{language}.yaml"
    if not path.exists():
        return {}
    texts = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    slugs = {spec.slug for spec in sample_specs()}
    for slug, entry in texts.items():
        if slug not in slugs or not {"title", "teaser"} <= set(entry) or set(entry) - TEXT_FIELDS:
            raise SampleDataError(f"texts/{language}.yaml: {slug!r} is unknown or lacks title/teaser.")
    return texts


def load_publications(*, refresh: bool = False) -> LoadReport:
    user = get_system_user()
    report = LoadReport()
    languages = [code for code, _name in settings.LANGUAGES if sample_texts(code)]
    with transaction.atomic():
        if refresh:
            report.removed = remove_sample_publications()
        existing = set(PublikationContent.admin_manager.values_list("publikation__slug", "language"))
        for spec in sample_specs():
            missing = [
                code for code in languages if spec.slug in sample_texts(code) and (spec.slug, code) not in existing
            ]
            if not missing:
                continue
            publication = Publikation.objects.filter(slug=spec.slug).first() or _create_publication(spec)
            if not publication.is_sample:
                continue  # an editor has taken it over
            pdf, cover = _files_of(publication) or _create_files(spec)
            for code in missing:
                _create_version(publication, spec, code, pdf, cover, user)
                report.created.append(f"{spec.slug} [{code}]")
    invalidate_directory_caches()
    return report


def remove_sample_publications() -> int:
    """Deletes the publications still marked as sample data, their versions and their files; returns how many."""
    with transaction.atomic():
        samples = Publikation.objects.filter(is_sample=True)
        contents = PublikationContent.admin_manager.filter(publikation__in=samples)
        file_ids = set(contents.values_list("file_id", flat=True)) | set(contents.values_list("cover_id", flat=True))
        count = samples.count()
        contents.delete()  # with their versions (versioning's GenericRelation)
        samples.delete()
        still_used = PublikationContent.admin_manager.filter(file_id__in=file_ids).values_list("file_id", flat=True)
        still_used_covers = PublikationContent.admin_manager.filter(cover_id__in=file_ids).values_list(
            "cover_id", flat=True
        )
        for file in File.objects.filter(pk__in=file_ids - set(still_used) - set(still_used_covers) - {None}):
            file.delete()
    return count


def _create_publication(spec: SampleSpec) -> Publikation:
    return Publikation.objects.create(
        slug=spec.slug,
        typ=spec.typ,
        jahr=spec.jahr,
        schwerpunkt=spec.schwerpunkt,
        landesnetzwerk=Landesnetzwerk.objects.get(slug=spec.landesnetzwerk) if spec.landesnetzwerk else None,
        fachstelle=Fachstelle.objects.get(slug=spec.fachstelle) if spec.fachstelle else None,
        is_sample=True,
    )


def _files_of(publication: Publikation) -> tuple[File, Image | None] | None:
    """The PDF and cover a publication's other language versions show (one file for every language)."""
    other = PublikationContent.admin_manager.filter(publikation=publication).select_related("file", "cover").first()
    return (other.file, other.cover) if other is not None else None


def _create_files(spec: SampleSpec) -> tuple[File, Image]:
    folder, _created = Folder.objects.get_or_create(name=FOLDER_NAME, parent=None)
    title = sample_texts(settings.LANGUAGE_CODE).get(spec.slug, {}).get("title", spec.slug)
    with translation.override(settings.LANGUAGE_CODE):
        kind_label = str(Publikation.Typ(spec.typ).label)
    data = sample_pdf(title=title, kind=kind_label, year=spec.jahr, pages=spec.pages)
    pdf = File.objects.create(
        folder=folder,
        file=ContentFile(data, name=f"{spec.slug}.pdf"),
        original_filename=f"{spec.slug}.pdf",
        name=title,
        is_public=True,
    )
    cover = Image.objects.create(
        folder=folder,
        file=ContentFile(sample_cover(kind_label=kind_label, kind=spec.typ, year=spec.jahr), name=f"{spec.slug}.png"),
        original_filename=f"{spec.slug}.png",
        name=title,
        default_alt_text=f"Titelseite: {title}",
        is_public=True,
    )
    return pdf, cover


def _create_version(publication, spec: SampleSpec, language: str, pdf, cover, user) -> PublikationContent:
    texts = sample_texts(language)[spec.slug]
    with translation.override(language):
        # Translators: the alternative text of a sample publication's cover image.
        alt_text = gettext("Cover of “%(title)s”") % {"title": texts["title"]}
    content = PublikationContent.objects.with_user(user).create(
        publikation=publication,
        language=language,
        title=texts["title"],
        teaser=texts["teaser"],
        description=texts.get("description", ""),
        file=pdf,
        file_languages=list(spec.file_languages),
        cover=cover,
        cover_alt_text=alt_text,
    )
    Version.objects.get_for_content(content).publish(user)
    return content
