"""
Sample news and events as data, and the loader both use.

Each app keeps its samples in `<app>/demo_content/`: `items.yaml` (the items: what is the same in every language,
keyed by slug) and `texts/<language>.yaml` (per item slug: title, teaser and, where written, the body as HTML). A
translator adds a language by adding its text file; items without a text in a language simply lack that language.

`load_samples()` is idempotent: it creates the items and language versions that are missing (published, authored
by the system user) and leaves everything that exists as editors left it; an item whose sample flag an editor has
switched off is never touched. `refresh=True` writes the demo values of the items still marked as sample data again
and publishes their texts as new versions (older versions stay in the history).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from cms.api import add_plugin
from django.conf import settings
from django.db import transaction
from djangocms_versioning import constants as versioning
from djangocms_versioning.models import Version

from programme.editorial.content import EditorialContent

TEXT_FIELDS = ("title", "teaser")


class SampleDataError(ValueError):
    """A sample file names what does not exist or lacks what the loader needs."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True)
class SampleTexts:
    title: str
    teaser: str
    body: str = ""  # HTML; empty: the detail page shows a fallback language's body


class SampleSet:
    """The sample files of one content type (a folder with items.yaml and texts/)."""

    def __init__(self, folder: Path):
        self.folder = folder

    @cache  # noqa: B019 - one SampleSet per app, for the process's life
    def items(self) -> list[dict[str, Any]]:
        with (self.folder / "items.yaml").open(encoding="utf-8") as file:
            items = (yaml.safe_load(file) or {}).get("items") or []
        slugs = [item.get("slug") for item in items]
        if not all(slugs) or len(set(slugs)) != len(slugs):
            raise SampleDataError(f"{self.folder}/items.yaml: every item needs its own slug.")
        return items

    def languages(self) -> list[str]:
        """The site's languages (default first) that have a text file."""
        codes = [code for code, _name in settings.LANGUAGES if (self.folder / "texts" / f"{code}.yaml").exists()]
        return sorted(codes, key=lambda code: code != settings.LANGUAGE_CODE)

    @cache  # noqa: B019
    def texts(self, language: str) -> dict[str, SampleTexts]:
        path = self.folder / "texts" / f"{language}.yaml"
        with path.open(encoding="utf-8") as file:
            raw = yaml.safe_load(file) or {}
        slugs = {item["slug"] for item in self.items()}
        unknown = sorted(set(raw) - slugs)
        if unknown:
            raise SampleDataError(f"{path}: texts for items that items.yaml does not have: {unknown}")
        texts = {}
        for slug, entry in raw.items():
            missing = [name for name in TEXT_FIELDS if not str((entry or {}).get(name) or "").strip()]
            if missing:
                raise SampleDataError(f"{path}: {slug} lacks {', '.join(missing)}")
            texts[slug] = SampleTexts(
                title=" ".join(entry["title"].split()),
                teaser=" ".join(entry["teaser"].split()),
                body=(entry.get("body") or "").strip(),
            )
        return texts

    def missing_texts(self, language: str) -> list[str]:
        """The item slugs that the language's text file lacks."""
        texts = self.texts(language)
        return [item["slug"] for item in self.items() if item["slug"] not in texts]


@dataclass(frozen=True)
class ContentType:
    """How the loader writes one content type: its models and how an item's shared fields come from its spec."""

    samples: SampleSet
    grouper_model: Any
    content_model: type[EditorialContent]
    grouper_values: Callable[[dict[str, Any]], dict[str, Any]]  # spec → field values (foreign keys resolved)
    grouper_relations: Callable[[dict[str, Any]], dict[str, list[Any]]]  # spec → many-to-many values
    content_values: Callable[[dict[str, Any], SampleTexts], dict[str, Any]] = lambda spec, texts: {}


@transaction.atomic
def load_samples(kind: ContentType, *, user: Any, refresh: bool = False) -> LoadReport:
    report = LoadReport()
    languages = kind.samples.languages()
    texts = {language: kind.samples.texts(language) for language in languages}
    existing = {item.slug: item for item in kind.grouper_model.objects.filter(slug__in=_slugs(kind))}
    for spec in kind.samples.items():
        item = existing.get(spec["slug"])
        if item is not None and not item.is_sample:
            report.unchanged += 1  # an editor has taken it over
            continue
        if item is None:
            item = _save_item(kind, kind.grouper_model(slug=spec["slug"], is_sample=True), spec)
        elif refresh:
            _save_item(kind, item, spec)
        for language in languages:
            text = texts[language].get(spec["slug"])
            if text is None:
                continue
            label = f"{spec['slug']} [{language}]"
            contents = kind.content_model.admin_manager.filter(**{kind.content_model.grouper_field: item})
            if not contents.filter(language=language).exists():
                _publish_new(kind, item, spec, language, text, user)
                report.created.append(label)
            elif refresh:
                _publish_refresh(kind, contents.filter(language=language), spec, language, text, user)
                report.refreshed.append(label)
            else:
                report.unchanged += 1
    return report


def _slugs(kind: ContentType) -> list[str]:
    return [spec["slug"] for spec in kind.samples.items()]


def _save_item(kind: ContentType, item: Any, spec: dict[str, Any]) -> Any:
    for name, value in kind.grouper_values(spec).items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    for name, values in kind.grouper_relations(spec).items():
        getattr(item, name).set(values)
    return item


def _publish_new(kind: ContentType, item: Any, spec: dict, language: str, text: SampleTexts, user: Any) -> None:
    values = {kind.content_model.grouper_field: item, "language": language, **_content_fields(kind, spec, text)}
    content = kind.content_model.objects.with_user(user).create(**values)
    _write_body(content, language, text)
    Version.objects.get_for_content(content).publish(user)


def _publish_refresh(kind: ContentType, contents: Any, spec: dict, language: str, text: SampleTexts, user: Any):
    draft = contents.filter(versions__state=versioning.DRAFT).first()
    if draft is None:
        latest = Version.objects.filter_by_content_grouping_values(contents.latest("pk")).latest("pk")
        draft = latest.copy(user).content
    for name, value in _content_fields(kind, spec, text).items():
        setattr(draft, name, value)
    draft.save()
    body = draft.body
    existing = list(body.get_plugins(language).filter(parent__isnull=True))
    if existing:
        body.delete_plugins(existing)
    _write_body(draft, language, text)
    Version.objects.get_for_content(draft).publish(user)


def _content_fields(kind: ContentType, spec: dict, text: SampleTexts) -> dict[str, Any]:
    return {"title": text.title, "teaser": text.teaser, **kind.content_values(spec, text)}


def _write_body(content: EditorialContent, language: str, text: SampleTexts) -> None:
    if text.body:
        add_plugin(content.body, "TextPlugin", language, body=text.body)
