"""
Events ("Termine"): an `Event` (its slug, start and end, online link or place with the gazetteer's coordinates,
organiser, audiences, registration and languages: the same in every language) and its versioned texts per language,
`EventContent` (title, teaser and a body edited with the pages' text editor).

Start and end are aware datetimes; editors enter them, and visitors see them, in German time (Europe/Berlin).
"Upcoming" means not yet ended at the time of the request.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.clock import german_time
from landesnetzwerke.lotse.places import resolve_query
from landesnetzwerke.models import Sprache
from landesnetzwerke.models.offices import plz_validator
from programme.editorial.content import EditorialContent, EditorialItem, Vocabulary, item_url, reserved_slugs


class Zielgruppe(Vocabulary):
    """Whom an event is for (`zielgruppe=<slug>`); an event may be for several."""

    class Term(models.TextChoices):
        ZUGEWANDERTE = "zugewanderte", _("Migrants")
        ARBEITGEBER = "arbeitgeber", _("Employers")
        FACHPUBLIKUM = "fachpublikum", _("Professionals")

    class Meta(Vocabulary.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Attendance(models.TextChoices):
    ONLINE = "online", _("Online")
    ON_SITE = "vor-ort", _("On site")
    HYBRID = "hybrid", _("On site and online")


class Event(EditorialItem):
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        validators=[reserved_slugs("archiv", "termine")],
        help_text=_("The event's address in every language: /termine/<slug>/. Lower-case letters, digits, hyphens."),
    )
    starts_at = models.DateTimeField(_("start"), help_text=_("German time (Europe/Berlin)."))
    ends_at = models.DateTimeField(_("end"), help_text=_("German time (Europe/Berlin). After the start."))
    attendance = models.CharField(
        _("takes place"), max_length=10, choices=Attendance.choices, default=Attendance.ON_SITE
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("Where participants join (online and hybrid events).")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("For example “Rathaus, Saal 2”."))
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    plz = models.CharField(_("postcode"), max_length=5, blank=True, validators=[plz_validator])
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    zielgruppen = models.ManyToManyField(Zielgruppe, related_name="events", verbose_name=_("audiences"))
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_email = models.EmailField(_("registration e-mail"), blank=True)
    sprachen = models.ManyToManyField(
        Sprache, blank=True, related_name="events", verbose_name=_("languages of the event")
    )

    class Meta(EditorialItem.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            *EditorialItem.Meta.constraints,
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="event_coordinates",
            ),
        ]
        indexes = [models.Index(fields=["ends_at"], name="event_ends_idx")]

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.message_dict)
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.is_online and not self.online_url:
            errors["online_url"] = _("An online event needs the link where participants join.")
        if self.is_on_site:
            if not (self.plz or self.city):
                errors["city"] = _("An event on site needs its place: the postcode and/or the city.")
            elif "plz" not in errors:
                error = self.locate()
                if error:
                    errors["city" if not self.plz else "plz"] = error
        else:
            self.latitude = self.longitude = None
        if errors:
            raise ValidationError(errors)

    def locate(self):
        """Takes the coordinates from the gazetteer (postcode, else place name); returns an error message or None."""
        resolution = resolve_query(f"{self.plz} {self.city}".strip())
        if not resolution.found or resolution.location is None or not resolution.location.has_point:
            if resolution.candidates and not self.plz:
                return _("Several places have this name: add the postcode.")
            return _("This postcode or place is not in the gazetteer. Check the spelling.")
        self.latitude, self.longitude = resolution.location.latitude, resolution.location.longitude
        return None

    @property
    def is_online(self):
        return self.attendance in (Attendance.ONLINE, Attendance.HYBRID)

    @property
    def is_on_site(self):
        return self.attendance in (Attendance.ON_SITE, Attendance.HYBRID)

    @property
    def place_line(self):
        """The place in one line: "Rathaus, Saal 2, Markt 1, 30159 Hannover" ("" for online events)."""
        if not self.is_on_site:
            return ""
        town = f"{self.plz} {self.city}".strip()
        return ", ".join(part for part in (self.venue, self.street, town) if part)

    @property
    def local_start(self) -> datetime.datetime:
        return german_time(self.starts_at)

    @property
    def local_end(self) -> datetime.datetime:
        return german_time(self.ends_at)

    @property
    def is_one_day(self):
        return self.local_start.date() == self.local_end.date()

    def has_ended(self, now=None):
        return self.ends_at <= (now or german_time())

    @property
    def organiser_name(self):
        return self.publisher_name

    def get_absolute_url(self, language=None):
        return item_url("events:detail", language, slug=self.slug)

    def get_ics_url(self, language=None):
        return item_url("events:ics", language, slug=self.slug)


class EventContentQuerySet(models.QuerySet):
    def for_lists(self):
        return self.select_related("event__landesnetzwerk", "event__fachstelle").prefetch_related(
            "event__zielgruppen", "event__sprachen"
        )

    def upcoming(self, now):
        """Not yet ended at `now`, the soonest first."""
        return self.filter(event__ends_at__gt=now).order_by("event__starts_at", "event_id")

    def past(self, now):
        """Ended before `now`, the latest first."""
        return self.filter(event__ends_at__lte=now).order_by("-event__starts_at", "-event_id")

    def of_network(self, network):
        return self.filter(event__landesnetzwerk=network)

    def for_audience(self, zielgruppe):
        return self.filter(event__zielgruppen=zielgruppe)


class EventContent(EditorialContent):
    """An event's texts in one language; one draft/published series per language (djangocms-versioning)."""

    grouper_field = "event"
    template_name = "events/detail.html"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="contents", verbose_name=_("event"))

    objects = EventContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("event text")
        verbose_name_plural = _("event texts")
