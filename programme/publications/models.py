"""
Publications of the programme: IQ konkret (the magazine), Fact Sheets, Themendossiers, Good Practice sheets and
reports, each a PDF with a page of its own.

`Publikation` is the grouper (what is the same in every language and version: type, year, Handlungsschwerpunkt,
the owning Landesnetzwerk or Fachstelle, the URL slug); `PublikationContent` is versioned with
djangocms-versioning, one draft/published series per language (title, teaser, description, the file with its
size and page count, the cover and its alt text). The file belongs to the version, so a corrected PDF goes
through draft, preview and publish like a corrected text.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from filer.fields.file import FilerFileField
from filer.fields.image import FilerImageField

from fachstellen.models import Fachstelle
from iqportal.templatetags.bidi_tags import list_separator_for
from landesnetzwerke.languages import COUNSELLING_LANGUAGES
from landesnetzwerke.ownership import NetworkOwned, NetworkOwnedQuerySet
from programme.news.models import Schwerpunkt
from programme.publications.pdf import read_filer_file

FIRST_YEAR = 2005  # the network IQ exists since 2005
LAST_YEAR = 2100
# Languages a file may be written in: the counselling languages (ISO 639 code → English name, translated on display).
FILE_LANGUAGES = {code: name for code, name, _native in COUNSELLING_LANGUAGES}
MISSING_ALT_TEXT = _("Describe the cover in a few words, for people who cannot see it.")


def file_and_cover_errors(file: Any, cover: Any, cover_alt_text: str) -> dict[str, ValidationError]:
    """What is wrong with a version's file and cover (by field name): no readable PDF, a cover without alt text."""
    errors = {}
    if file is not None:
        try:
            read_filer_file(file)
        except ValidationError as error:
            errors["file"] = error
    if cover is not None and not (cover_alt_text or cover.default_alt_text):
        errors["cover_alt_text"] = ValidationError(MISSING_ALT_TEXT, code="required")
    return errors


class Publikation(NetworkOwned):
    """A publication, in every language and version: what it is, when it appeared, who published it."""

    class Typ(models.TextChoices):
        IQ_KONKRET = "iq-konkret", _("IQ konkret (magazine)")
        FACT_SHEET = "fact-sheet", _("Fact Sheet")
        THEMENDOSSIER = "themendossier", _("Topic dossier")
        GOOD_PRACTICE = "good-practice", _("Good Practice")
        BERICHT = "bericht", _("Report")

    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The last part of the address, the same in every language.")
    )
    typ = models.CharField(_("type"), max_length=20, choices=Typ.choices, db_index=True)
    jahr = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)], db_index=True
    )
    schwerpunkt = models.CharField(
        _("Handlungsschwerpunkt"),
        max_length=40,
        choices=Schwerpunkt.Term.choices,  # the same five terms as the news' tags (the same URL values)
        blank=True,
        help_text=_("The field of action the publication is about; empty if it covers the whole programme."),
    )
    fachstelle = models.ForeignKey(
        Fachstelle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publikationen",
        verbose_name=_("Fachstelle"),
        help_text=_("The Fachstelle that published it, if any (then leave the Landesnetzwerk empty)."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NetworkOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-jahr", "-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jahr__gte=FIRST_YEAR, jahr__lte=LAST_YEAR), name="publikation_jahr_in_range"
            ),
            models.CheckConstraint(
                condition=models.Q(landesnetzwerk__isnull=True) | models.Q(fachstelle__isnull=True),
                name="publikation_network_or_fachstelle",
            ),
        ]

    def __str__(self) -> str:
        # The admin names items that have only drafts so far: admin_manager sees drafts, `objects` does not.
        content = PublikationContent.admin_manager.filter(publikation=self).latest_content().first()
        return content.title if content else self.slug

    def clean(self) -> None:
        super().clean()
        if self.landesnetzwerk_id and self.fachstelle_id:
            raise ValidationError(
                {"fachstelle": _("A publication comes from a Landesnetzwerk or a Fachstelle, not from both.")}
            )

    @property
    def publisher(self) -> Any:
        """The Landesnetzwerk or Fachstelle that published it (None: the central office)."""
        return self.landesnetzwerk or self.fachstelle


class FileLanguagesField(models.JSONField):
    """The languages a file is written in: a list of ISO 639 codes from FILE_LANGUAGES, picked from check boxes."""

    def formfield(self, **kwargs: Any) -> forms.Field:
        return forms.MultipleChoiceField(
            choices=[(code, _(name)) for code, name in FILE_LANGUAGES.items()],
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value: Any, model_instance: Any) -> None:
        super().validate(value, model_instance)
        unknown = [code for code in value or () if code not in FILE_LANGUAGES]
        if unknown or (not self.blank and not value):
            raise ValidationError(_("Choose the languages of the file from the list."), code="invalid_choice")


class PublikationContentQuerySet(models.QuerySet):
    def in_language(self, language: str) -> PublikationContentQuerySet:
        return self.filter(language=language)

    def newest_first(self) -> PublikationContentQuerySet:
        return self.order_by("-publikation__jahr", "-publikation__created", "-publikation_id")

    def for_display(self) -> PublikationContentQuerySet:
        """With everything a list item or the page shows, in the same query."""
        return self.select_related(
            "publikation", "publikation__landesnetzwerk", "publikation__fachstelle", "file", "cover"
        )

    def filtered(self, *, typ: str = "", thema: str = "", jahr: int | None = None) -> PublikationContentQuerySet:
        """The publications of a type, a Handlungsschwerpunkt and a year (each optional, already validated)."""
        queryset = self
        if typ:
            queryset = queryset.filter(publikation__typ=typ)
        if thema:
            queryset = queryset.filter(publikation__schwerpunkt=thema)
        if jahr:
            queryset = queryset.filter(publikation__jahr=jahr)
        return queryset

    def years(self) -> list[int]:
        """The years these publications appeared in, newest first."""
        return list(self.order_by("-publikation__jahr").values_list("publikation__jahr", flat=True).distinct())


class PublikationContent(models.Model):
    """One version of a publication in one language."""

    publikation = models.ForeignKey(
        Publikation, on_delete=models.CASCADE, related_name="contents", verbose_name=_("publication")
    )
    language = models.CharField(
        _("language"), max_length=15, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE, db_index=True
    )
    title = models.CharField(_("title"), max_length=200)
    teaser = models.TextField(
        _("teaser"), max_length=400, help_text=_("One or two sentences for the list of publications.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Shown on the publication's page."))
    file = FilerFileField(
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("file (PDF)"),
        help_text=_("The publication as a PDF. Its size and number of pages are read from the file."),
    )
    file_languages = FileLanguagesField(
        _("languages of the file"), default=list, help_text=_("The languages the PDF is written in.")
    )
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), editable=False, null=True)
    page_count = models.PositiveIntegerField(_("pages"), editable=False, null=True)
    cover = FilerImageField(
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover image"),
    )
    cover_alt_text = models.CharField(
        _("alternative text of the cover"),
        max_length=300,
        blank=True,
        help_text=_("What the cover shows, for people who cannot see it. Empty: the image's own alternative text."),
    )

    objects = PublikationContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication version")
        verbose_name_plural = _("publication versions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("publications:detail", kwargs={"slug": self.publikation.slug})

    @classmethod
    def seen_by_editor(cls, user: Any) -> PublikationContentQuerySet:
        """
        What `user` sees in the toolbar's edit and preview modes (e.g. the preview of the publications page): the
        latest version, a draft too, of the publications `user` may edit, and the published version of the others.
        """
        editable = Publikation.objects.editable_by(user)
        latest = cls.admin_manager.filter(publikation__in=editable).latest_content().values("pk")
        published = cls.objects.exclude(publikation__in=editable).values("pk")
        return PublikationContentQuerySet(cls).filter(models.Q(pk__in=latest) | models.Q(pk__in=published))

    def get_template(self) -> str:
        return "publications/detail.html"

    def has_placeholder_view_permission(self, user: Any) -> bool:
        """The toolbar's preview of a version (a draft too): only for the editors who may edit the publication."""
        opts = self._meta
        viewer = user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )
        return viewer and self.publikation.can_be_edited_by(user)

    def clean(self) -> None:
        super().clean()
        errors = file_and_cover_errors(
            self.file if self.file_id else None, self.cover if self.cover_id else None, self.cover_alt_text
        )
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.file_id and (self.file_size is None or self._file_changed()):
            self.store_file_facts()
        super().save(*args, **kwargs)

    def _file_changed(self) -> bool:
        if self.pk is None:
            return True
        return not type(self)._base_manager.filter(pk=self.pk, file_id=self.file_id).exists()

    def store_file_facts(self) -> None:
        """Reads size and page count from the file (ValidationError if it is no readable PDF)."""
        facts = read_filer_file(self.file)
        self.file_size, self.page_count = facts.size, facts.pages

    @property
    def cover_alt(self) -> str:
        if not self.cover_id:
            return ""
        return self.cover_alt_text or self.cover.default_alt_text or ""

    @property
    def file_hreflang(self) -> str:
        """The language of the file for the download link's hreflang, when it is written in one language only."""
        return self.file_languages[0] if len(self.file_languages) == 1 else ""

    @property
    def file_language_names(self) -> list[str]:
        """The languages of the file, named in the active language."""
        return [gettext(FILE_LANGUAGES[code]) for code in self.file_languages if code in FILE_LANGUAGES]

    @property
    def file_facts(self) -> str:
        """“PDF, 2.3 MB, 12 pages” in the active language."""
        parts = ["PDF"]
        if self.file_size:
            parts.append(filesizeformat(self.file_size))
        if self.page_count:
            parts.append(ngettext("%(count)s page", "%(count)s pages", self.page_count) % {"count": self.page_count})
        return list_separator_for().join(parts)
