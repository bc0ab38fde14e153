"""
The project database: the programme's sub-projects (Teilprojekte), versioned with djangocms-versioning.

A ``Teilprojekt`` (the grouper) holds the facts that are the same in every language: its Landesnetzwerk, Träger,
Handlungsschwerpunkt, target groups, the gazetteer places where it works, its running time, contact, funding
line and external ID. They are one row of the import file and one record of the open data, and they do not go
through drafts: a change is saved at once, guarded by the record's `version` (optimistic locking, as offices)
and listed in its history. A ``TeilprojektContent`` (versioned, one draft/published series per language) holds
the texts: title, summary, description and the contact's role. A project is public while it has a published
content in at least one language; visitors read the published content of their language, else of the fallback
languages (settings.CONTENT_FALLBACKS).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from iqportal.locking import VersionedModel
from landesnetzwerke.models import Bundesland, Landesnetzwerk, Ort
from landesnetzwerke.ownership import NetworkOwned, NetworkOwnedQuerySet
from programme.news.models import Schwerpunkt

# The programme's five Handlungsschwerpunkte: the values news items are tagged with (programme.news), one list for
# the site, so that `schwerpunkt=<slug>` means the same on every page. A project has one, stored as its value.
FieldOfAction = Schwerpunkt.Term


class TargetGroup(models.TextChoices):
    IMMIGRANTS = "eingewanderte", _("Immigrants with foreign qualifications")
    REFUGEES = "gefluechtete", _("Refugees")
    WOMEN = "frauen", _("Women")
    GRADUATES = "akademiker", _("University graduates")
    HEALTH = "gesundheitsberufe", _("Health professions")
    EMPLOYERS = "arbeitgeber", _("Employers and companies")
    LABOUR_MARKET = "arbeitsmarktakteure", _("Job centres, employment agencies and administrations")


class FundingLine(models.TextChoices):
    """The programme's two funding guidelines: federal funds, and the European Social Fund with federal funds."""

    FEDERAL = "bund", _("IQ programme: federal funds (BMAS)")
    ESF = "esf", _("IQ programme: European Social Fund (ESF) and BMAS")


class ChoiceListField(models.JSONField):
    """A list of choice values (stored as a JSON list); the admin offers them as checkboxes."""

    def __init__(self, *args: Any, item_choices: list[tuple[str, Any]] | None = None, **kwargs: Any) -> None:
        self.item_choices = list(item_choices or [])
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        super().validate(value, model_instance)
        known = {code for code, _label in self.item_choices}
        if not isinstance(value, list) or any(item not in known for item in value):
            raise ValidationError(_("Choose values from the list."), code="invalid_choice")

    def formfield(self, form_class: Any = None, choices_form_class: Any = None, **kwargs: Any) -> forms.Field:
        return forms.TypedMultipleChoiceField(
            choices=self.item_choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


@dataclass(frozen=True)
class Contact:
    """A project's contact, with the names the directory's contact templates use (phone, email, website)."""

    name: str
    phone: str
    email: str
    website: str


def _running_on(day: datetime.date) -> models.Q:
    return models.Q(starts_on__lte=day) & (models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=day))


class TeilprojektQuerySet(NetworkOwnedQuerySet):
    def published(self) -> TeilprojektQuerySet:
        """Projects with a published content in at least one language (what visitors may see)."""
        return self.filter(pk__in=TeilprojektContent.objects.values("teilprojekt_id"))

    def running_on(self, day: datetime.date) -> TeilprojektQuerySet:
        return self.filter(_running_on(day))

    def not_running_on(self, day: datetime.date) -> TeilprojektQuerySet:
        return self.exclude(_running_on(day))

    def in_field_of_action(self, value: str) -> TeilprojektQuerySet:
        return self.filter(field_of_action=value)

    def of_network_slug(self, slug: str) -> TeilprojektQuerySet:
        return self.filter(landesnetzwerk__slug=slug)

    def matching_words(self, words: list[str]) -> TeilprojektQuerySet:
        """Projects whose published texts, Träger or places contain every word (folded as texts.search_words)."""
        queryset = self
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def samples(self) -> TeilprojektQuerySet:
        return self.filter(is_sample=True)

    def for_lists(self) -> TeilprojektQuerySet:
        """What lists and the open data show of each project: its network and its places."""
        return self.select_related("landesnetzwerk").prefetch_related("places")


class Teilprojekt(VersionedModel, NetworkOwned):  # type: ignore[django-manager-missing]
    landesnetzwerk = models.ForeignKey(
        Landesnetzwerk,
        on_delete=models.PROTECT,
        related_name="teilprojekte",
        verbose_name=_("Landesnetzwerk"),
        help_text=_("The network the project belongs to. Its editors may change it."),
    )
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The last part of the project page's address. Empty: made from the title."),
    )
    source_id = models.CharField(
        _("external ID"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stable ID from the data source; an import with the same ID updates this project."),
    )
    traeger = models.CharField(_("organisation (Träger)"), max_length=200)
    field_of_action = models.CharField(
        _("Handlungsschwerpunkt"), max_length=30, choices=FieldOfAction.choices, db_index=True
    )
    target_groups = ChoiceListField(_("target groups"), item_choices=TargetGroup.choices, blank=True)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty: open-ended."))
    funding = models.CharField(_("funding line"), max_length=10, choices=FundingLine.choices)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    # The published texts (every language), the Träger and the places' names as search words (texts.py); kept
    # current by signals.py. Drafts never get in here.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = TeilprojektQuerySet.as_manager()  # type: ignore[misc]  # NetworkOwned's, with the projects' filters

    # Set by a Prefetch("contents", queryset=TeilprojektContent.objects.all(), to_attr="published").
    published: list[TeilprojektContent]

    class Meta:
        verbose_name = _("sub-project (Teilprojekt)")
        verbose_name_plural = _("sub-projects (Teilprojekte)")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="teilprojekt_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(field_of_action__in=FieldOfAction.values), name="teilprojekt_field_of_action"
            ),
            models.CheckConstraint(condition=models.Q(funding__in=FundingLine.values), name="teilprojekt_funding"),
        ]

    def __str__(self) -> str:
        content = latest_content(self)
        return content.title if content is not None else _("Project %(id)s") % {"id": self.pk}

    def clean(self) -> None:
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot be before the start.")})
        if self.slug and self.slug.isdigit():
            raise ValidationError({"slug": _("The address needs at least one letter (digits alone are an ID).")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.source_id:
            self.source_id = None  # blank IDs must not collide in the unique index
        super().save(*args, **kwargs)

    @property
    def contact(self) -> Contact:
        return Contact(name=self.contact_name, phone=self.contact_phone, email=self.contact_email, website=self.website)

    def is_running_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", kwargs={"key": self.slug or str(self.pk)})


class Projektort(models.Model):
    """
    A place where a project works: a gazetteer place (landesnetzwerke.models.Ort) as it was when the place was given,
    copied rather than referenced, because the gazetteer is reference data that `load_gazetteer` replaces (its rows
    are numbered anew) and that backups leave out; a project's places must survive both.
    """

    teilprojekt = models.ForeignKey(
        Teilprojekt, on_delete=models.CASCADE, related_name="places", verbose_name=_("sub-project")
    )
    name = models.CharField(_("name"), max_length=200)
    plz = models.CharField(_("postcode"), max_length=5, blank=True)
    bundesland = models.CharField(_("federal state"), max_length=2, choices=Bundesland.choices)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])
    geonameid = models.PositiveIntegerField(_("GeoNames ID"), null=True, blank=True)

    class Meta:
        verbose_name = _("place where it works")
        verbose_name_plural = _("places where it works")
        ordering = ["name", "plz"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="projektort_geo_idx")]
        constraints = [
            models.UniqueConstraint(fields=["teilprojekt", "plz", "name"], name="projektort_once_per_project"),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90), name="projektort_latitude_range"
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180), name="projektort_longitude_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plz} {self.name}".strip()

    @classmethod
    def of(cls, place: Ort, project: Teilprojekt | None = None) -> Projektort:
        """A project's copy of a gazetteer place."""
        return cls(
            teilprojekt=project,
            name=place.name,
            plz=place.plz,
            bundesland=place.bundesland,
            latitude=place.latitude,
            longitude=place.longitude,
            geonameid=place.geonameid,
        )


def set_places(project: Teilprojekt, places: list[Ort]) -> None:
    """The project's places are these gazetteer places (kept where they stay, the others replaced)."""
    wanted = {(place.plz, place.name): place for place in places}
    current = {(place.plz, place.name): place for place in project.places.all()}
    stale = [place.pk for key, place in current.items() if key not in wanted]
    if stale:
        Projektort.objects.filter(pk__in=stale).delete()
    for key, place in wanted.items():
        if key not in current:
            Projektort.of(place, project).save()
    getattr(project, "_prefetched_objects_cache", {}).pop("places", None)


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    """A free slug made from the title ("projekt-…" when it would be only digits, which would read as an ID)."""
    base = slugify(title)[:100].strip("-") or "projekt"
    if base.isdigit():
        base = f"projekt-{base}"
    taken = set(Teilprojekt.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def latest_content(project: Teilprojekt, language: str = settings.LANGUAGE_CODE) -> TeilprojektContent | None:
    """The newest content (draft or published) in `language`, else in any language; for the admin and names."""
    contents = TeilprojektContent.admin_manager.filter(teilprojekt=project).latest_content()
    return contents.filter(language=language).first() or contents.first()


class TeilprojektContent(models.Model):  # type: ignore[django-manager-missing]
    """The texts of a project in one language; versioned (draft, published, earlier versions)."""

    teilprojekt = models.ForeignKey(
        Teilprojekt, on_delete=models.CASCADE, related_name="contents", verbose_name=_("sub-project")
    )
    # One of settings.LANGUAGES (checked by the admin's language tabs and the import); no choices here, so that a
    # new site language needs no migration (as django CMS's PageContent).
    language = models.CharField(_("language"), max_length=15, default=settings.LANGUAGE_CODE)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(
        _("summary"), max_length=600, blank=True, help_text=_("One or two sentences, shown in the search results.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Paragraphs separated by a blank line."))
    contact_role = models.CharField(
        _("role of the contact person"), max_length=150, blank=True, help_text=_("For example “project lead”.")
    )

    class Meta:
        verbose_name = _("sub-project text")
        verbose_name_plural = _("sub-project texts")
        indexes = [models.Index(fields=["teilprojekt", "language"], name="teilprojekt_content_lang_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return self.teilprojekt.get_absolute_url()

    def has_placeholder_view_permission(self, user: Any) -> bool:
        """The toolbar's preview of a draft: only for the editors who may edit the project."""
        opts = self._meta
        viewer = user.has_perm(f"{opts.app_label}.view_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )
        return viewer and self.teilprojekt.can_be_edited_by(user)


def project_url(project: Teilprojekt) -> str:
    """The project page's path in the active language, or "" while no page carries the projects' apphook."""
    try:
        return project.get_absolute_url()
    except NoReverseMatch:
        return ""
