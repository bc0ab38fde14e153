"""
The programme's regional structure: Landesnetzwerke and their counselling offices (Beratungsstellen).

Coordinates are numeric (WGS 84 degrees) and range-checked in the database. Descriptive texts are
translated with django-parler; names, addresses and contacts are not translated.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from iqportal.locking import VersionedModel
from landesnetzwerke.clock import german_time
from landesnetzwerke.geo import haversine_term
from landesnetzwerke.lotse.links import lotse_url
from landesnetzwerke.models import spatial

plz_validator = RegexValidator(r"^\d{5}$", _("A postcode (PLZ) has exactly five digits."))
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # C0 (CR, LF, NUL, tab …), DEL, C1, U+2028/9


def validate_one_line(value):
    """
    One-line fields (names, addresses, contacts) refuse line breaks, tabs and other control characters: they
    would end a line in a vCard, a CSV file or a log, or hide text in the admin.
    """
    if CONTROL_CHARACTERS.search(str(value)):
        raise ValidationError(
            _("Write this on one line: line breaks, tabs and other control characters are not allowed here."),
            code="control_characters",
        )


ONE_LINE = [validate_one_line]


class Bundesland(models.TextChoices):
    BW = "BW", "Baden-Württemberg"
    BY = "BY", "Bayern"
    BE = "BE", "Berlin"
    BB = "BB", "Brandenburg"
    HB = "HB", "Bremen"
    HH = "HH", "Hamburg"
    HE = "HE", "Hessen"
    MV = "MV", "Mecklenburg-Vorpommern"
    NI = "NI", "Niedersachsen"
    NW = "NW", "Nordrhein-Westfalen"
    RP = "RP", "Rheinland-Pfalz"
    SL = "SL", "Saarland"
    SN = "SN", "Sachsen"
    ST = "ST", "Sachsen-Anhalt"
    SH = "SH", "Schleswig-Holstein"
    TH = "TH", "Thüringen"


# GeoNames first-level administrative codes of Germany → Bundesland code (used by the geodata loaders).
GEONAMES_ADMIN1 = {
    "01": "BW",
    "02": "BY",
    "03": "HB",
    "04": "HH",
    "05": "HE",
    "06": "NI",
    "07": "NW",
    "08": "RP",
    "09": "SL",
    "10": "SH",
    "11": "BB",
    "12": "MV",
    "13": "SN",
    "14": "ST",
    "15": "TH",
    "16": "BE",
}


EDIT_ALL_NETWORKS_PERMISSION = "landesnetzwerke.edit_all_networks"


def can_edit_all_networks(user):
    """Central editors (and superusers) may edit the offices of every Landesnetzwerk."""
    return bool(user and user.is_active and user.has_perm(EDIT_ALL_NETWORKS_PERMISSION))


class LandesnetzwerkQuerySet(TranslatableQuerySet):
    def with_office_counts(self):
        """Annotates fixed_count and mobile_count: the network's published offices of each kind."""
        published = models.Q(beratungsstellen__published=True)
        fixed = published & models.Q(beratungsstellen__kind=OfficeKind.FIXED)
        mobile = published & models.Q(beratungsstellen__kind=OfficeKind.MOBILE)
        return self.annotate(
            fixed_count=models.Count("beratungsstellen", filter=fixed),
            mobile_count=models.Count("beratungsstellen", filter=mobile),
        )

    def editable_by(self, user):
        """The networks whose offices `user` may edit: all for central editors, else via the editor groups."""
        if can_edit_all_networks(user):
            return self
        if not (user and user.is_active and user.is_authenticated):
            return self.none()
        return self.filter(editor_group__in=user.groups.all())


class LandesnetzwerkManager(TranslatableManager.from_queryset(LandesnetzwerkQuerySet)):
    pass


class Landesnetzwerk(VersionedModel, TranslatableModel):
    name = models.CharField(_("name"), max_length=200, validators=ONE_LINE)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    bundesland = models.CharField(_("federal state"), max_length=2, choices=Bundesland.choices, unique=True)
    coordination = models.CharField(_("coordinating organisation"), max_length=300, blank=True, validators=ONE_LINE)
    website = models.URLField(_("website"), blank=True, validators=ONE_LINE)
    email = models.EmailField(_("e-mail"), blank=True, validators=ONE_LINE)
    phone = models.CharField(_("phone"), max_length=50, blank=True, validators=ONE_LINE)
    street = models.CharField(_("street and number"), max_length=200, blank=True, validators=ONE_LINE)
    plz = models.CharField(_("postcode"), max_length=5, blank=True, validators=[plz_validator])
    city = models.CharField(_("city"), max_length=100, blank=True, validators=ONE_LINE)
    is_sample = models.BooleanField(
        _("contact details are sample data"),
        default=False,
        help_text=_("Marked as sample data on the site until real contact details are entered."),
    )
    editor_group = models.OneToOneField(
        "auth.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="landesnetzwerk",
        verbose_name=_("editor group"),
        help_text=_("Members of this group may edit this network's counselling offices (and only those)."),
    )
    translations = TranslatedFields(
        description=models.TextField(_("description"), blank=True),
    )

    objects = LandesnetzwerkManager()

    class Meta:
        verbose_name = _("Landesnetzwerk")
        verbose_name_plural = _("Landesnetzwerke")
        ordering = ["bundesland"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("landesnetzwerke:detail", kwargs={"slug": self.slug})

    def lotse_search_url(self):
        """The Lotse prefilled for this network's Bundesland, or None while no page carries the Lotse apphook."""
        url = lotse_url("search")
        return f"{url}?land={self.bundesland}" if url is not None else None


class Thema(TranslatableModel):
    """A counselling topic, e.g. recognition counselling. `slug` is the Lotse's `thema` value."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=150),
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class Sprache(models.Model):
    """A language spoken in counselling, by its ISO 639 code; the name shown is translated by gettext."""

    code = models.CharField(_("ISO 639 code"), max_length=8, primary_key=True)
    name_en = models.CharField(_("English name"), max_length=100)
    name_local = models.CharField(_("name in the language itself"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        from django.utils.translation import gettext

        return gettext(self.name_en)


class BeratungsstelleQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(published=True)

    def fixed(self):
        return self.filter(kind=Beratungsstelle.Kind.FIXED)

    def mobile(self):
        return self.filter(kind=Beratungsstelle.Kind.MOBILE)

    def in_bundesland(self, code):
        return self.filter(bundesland=code)

    def in_bbox(self, south, west, north, east):
        return self.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)

    # The Lotse's geography (models.spatial): ranked and counted by the database, on its indexes.
    def by_distance(self, latitude, longitude):
        """All of them, nearest to the point first (great-circle), annotated with their `distance_term`."""
        return self.annotate(distance_term=spatial.distance_term(latitude, longitude)).order_by("distance_term", "pk")

    def near(self, latitude, longitude, radius_km):
        """Those within radius_km of the point (great-circle), nearest first, annotated with `distance_term`."""
        return (
            self.filter(spatial.in_box(latitude, longitude, radius_km))
            .by_distance(latitude, longitude)
            .filter(distance_term__lte=haversine_term(radius_km))
        )

    def serving(self, latitude, longitude, plz, *, widest_radius_km):
        """
        Mobile counselling whose service area covers the place: the place lies within the office's service radius
        of its location, or the office lists a beginning of the place's postcode (`by_plz`). Those by postcode
        first, then by distance from the office (`distance_term`). `widest_radius_km()` gives a radius no service
        area is wider than (a bounding box for office_geo_idx; PostgreSQL's GiST index needs none).
        """
        reach = spatial.service_reach_term()
        by_radius = models.Q(service_radius_km__isnull=False) & models.Q(distance_term__lte=reach)
        if connections[self.db].vendor == "postgresql":
            by_radius &= models.Q(spatial.ServiceDiscBoxContains(latitude, longitude))
        else:
            by_radius &= spatial.in_box(latitude, longitude, widest_radius_km())
        return (
            self.annotate(distance_term=spatial.distance_term(latitude, longitude), by_plz=spatial.ServesPostcode(plz))
            .filter(by_radius | models.Q(spatial.ServesPostcode(plz)))
            .order_by(models.F("by_plz").desc(), "distance_term", "pk")
        )

    def by_place_and_name(self):
        """In the order of a Land's list: by place, then name."""
        return self.order_by("city", "name", "pk")

    # The Lotse's filters (landesnetzwerke.lotse.search).
    def with_topic(self, slug):
        # The topic's key as a subquery the database runs once, so that each office is looked up in the link
        # table's (office, topic) index by both columns, not joined with all its topics (the Lotse's topic filter
        # among thousands of offices near a place).
        topic = Thema.objects.filter(slug=slug).order_by().values("pk")[:1]
        return self.filter(topics=models.Subquery(topic))

    def speaking(self, code):
        return self.filter(languages__code=code)

    def counselling_by(self, mode):
        """Offices that counsel in this way; `mode` is a COUNSELLING_MODES code (in_person, by_phone, ...)."""
        if mode not in {code for code, _label in COUNSELLING_MODES}:
            raise ValueError(f"unknown counselling mode {mode!r}")
        return self.filter(**{mode: True})

    def editable_by(self, user):
        """The offices `user` may see and change in the admin: all for central editors, else their networks'."""
        if can_edit_all_networks(user):
            return self
        if not (user and user.is_active and user.is_authenticated):
            return self.none()
        return self.filter(landesnetzwerk__editor_group__in=user.groups.all())

    def samples(self):
        return self.filter(is_sample=True)

    # What is shown of each office, in a fixed number of queries whatever the number of offices.
    def for_lists(self, now=None):
        """
        What office lists show (the Lotse's results, the network pages, the open data): network, topics (slugs,
        no translations) and languages; with `now`, the upcoming consultation days as `upcoming_days`.
        """
        queryset = self.select_related("landesnetzwerk").prefetch_related("topics", "languages")
        return queryset.with_upcoming_days(now) if now is not None else queryset

    def with_details(self, now=None):
        """
        Everything about an office (the office page, the admin's export, the import, the demo loader): network,
        translations, topics with their names, languages, opening hours and all consultation days; with `now`,
        only the upcoming consultation days, as `upcoming_days`.
        """
        queryset = self.select_related("landesnetzwerk").prefetch_related(
            "translations", "topics__translations", "languages", "opening_hours"
        )
        return queryset.with_upcoming_days(now) if now is not None else queryset.prefetch_related("consultation_days")

    def with_upcoming_days(self, now):
        """The consultation days that have not ended at `now` (German time), in order, as `upcoming_days`."""
        upcoming = Sprechtag.objects.upcoming(now)
        return self.prefetch_related(models.Prefetch("consultation_days", queryset=upcoming, to_attr="upcoming_days"))


class BeratungsstelleManager(TranslatableManager.from_queryset(BeratungsstelleQuerySet)):
    pass


COUNSELLING_MODES = [
    ("in_person", _("in person")),
    ("by_phone", _("by phone")),
    ("by_video", _("by video")),
    ("by_email", _("by e-mail")),
]


class OfficeKind(models.TextChoices):
    """Beratungsstelle.Kind: its values are the `kind` column, the open data's `kind` and the Lotse's `art`."""

    FIXED = "fest", _("fixed office")
    MOBILE = "mobil", _("mobile counselling")


class Beratungsstelle(VersionedModel, TranslatableModel):
    """A counselling office: fixed (with an address) or mobile (with a service area and consultation days)."""

    Kind = OfficeKind

    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices, default=Kind.FIXED, db_index=True)
    landesnetzwerk = models.ForeignKey(
        Landesnetzwerk, on_delete=models.PROTECT, related_name="beratungsstellen", verbose_name=_("Landesnetzwerk")
    )
    name = models.CharField(_("name"), max_length=200, validators=ONE_LINE)
    traeger = models.CharField(_("organisation (Träger)"), max_length=200, blank=True, validators=ONE_LINE)
    street = models.CharField(_("street and number"), max_length=200, blank=True, validators=ONE_LINE)
    plz = models.CharField(_("postcode"), max_length=5, validators=[plz_validator])
    city = models.CharField(_("city"), max_length=100, validators=ONE_LINE)
    bundesland = models.CharField(_("federal state"), max_length=2, choices=Bundesland.choices, db_index=True)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])
    phone = models.CharField(_("phone"), max_length=50, blank=True, validators=ONE_LINE)
    email = models.EmailField(_("e-mail"), blank=True, validators=ONE_LINE)
    website = models.URLField(_("website"), blank=True, validators=ONE_LINE)
    topics = models.ManyToManyField(Thema, related_name="beratungsstellen", blank=True, verbose_name=_("topics"))
    languages = models.ManyToManyField(
        Sprache, related_name="beratungsstellen", blank=True, verbose_name=_("languages spoken")
    )
    # How the office counsels.
    in_person = models.BooleanField(_("in person"), default=True)
    by_phone = models.BooleanField(_("by phone"), default=True)
    by_video = models.BooleanField(_("by video"), default=False)
    by_email = models.BooleanField(_("by e-mail"), default=True)
    wheelchair_accessible = models.BooleanField(_("step-free access"), default=False)
    # Mobile counselling: the area it serves, as a centre (latitude/longitude above) and a radius,
    # and/or a list of PLZ prefixes such as "26, 27".
    service_radius_km = models.PositiveSmallIntegerField(
        _("service radius (km)"), null=True, blank=True, validators=[MaxValueValidator(300)]
    )
    service_plz_prefixes = models.CharField(
        _("served postcode regions"),
        max_length=300,
        blank=True,
        validators=ONE_LINE,
        help_text=_("Comma-separated PLZ prefixes, e.g. 26, 27 (mobile counselling only)."),
    )
    published = models.BooleanField(_("published"), default=True, db_index=True)
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Address and contact details are invented sample data, marked as such on the site."),
    )
    source_id = models.CharField(
        _("external ID"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        validators=ONE_LINE,
        help_text=_("Stable ID from the data source; an import with the same ID updates this office."),
    )
    translations = TranslatedFields(
        description=models.TextField(_("description"), blank=True),
        accessibility=models.TextField(_("accessibility of the premises"), blank=True),
        directions=models.TextField(_("how to get there"), blank=True),
    )

    objects = BeratungsstelleManager()

    class Meta:
        verbose_name = _("counselling office")
        verbose_name_plural = _("counselling offices")
        ordering = ["name"]
        permissions = [("edit_all_networks", _("Can edit the counselling offices of every Landesnetzwerk"))]
        indexes = [
            # The Lotse's bounding boxes, and its Land lists by place and name: of the published offices (the
            # queries say "published" as the condition does, so that SQLite uses them too), ending with the key, so
            # that the database answers from the index alone (models.spatial; PostgreSQL has two more for mobile
            # counselling, made by migration 0006).
            models.Index(
                fields=["kind", "latitude", "longitude", "id"],
                condition=models.Q(published=True),
                name="office_geo_idx",
            ),
            models.Index(
                fields=["kind", "bundesland", "city", "name", "id"],
                condition=models.Q(published=True),
                name="office_land_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90), name="office_latitude_range"
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180), name="office_longitude_range"
            ),
            models.CheckConstraint(condition=models.Q(kind__in=OfficeKind.values), name="office_kind_valid"),
        ]

    def __str__(self):
        return self.name

    # Set by BeratungsstelleQuerySet.with_upcoming_days().
    upcoming_days: list["Sprechtag"]

    def get_absolute_url(self):
        url = lotse_url("office", pk=self.pk)
        if url is None:
            raise NoReverseMatch("no published page carries the Lotse apphook")
        return url

    def clean(self):
        """What the fields cannot check alone: the network's Land, and what each kind of office needs."""
        super().clean()
        errors = {}
        if self.landesnetzwerk_id and self.bundesland and self.landesnetzwerk.bundesland != self.bundesland:
            errors["bundesland"] = _(
                "The office lies in %(office_land)s, but %(network)s is the network of %(network_land)s. "
                "Choose the network of the office's federal state."
            ) % {
                "office_land": self.get_bundesland_display(),
                "network": self.landesnetzwerk,
                "network_land": self.landesnetzwerk.get_bundesland_display(),
            }
        if self.service_plz_prefixes and not all(
            part.isascii() and part.isdigit() and len(part) <= 5 for part in self.plz_prefix_list
        ):
            errors["service_plz_prefixes"] = _("Give postcode beginnings of 1 to 5 digits, separated by commas.")
        if self.kind == self.Kind.MOBILE and self.service_radius_km is None and not self.plz_prefix_list:
            errors["service_radius_km"] = _(
                "Mobile counselling needs a service area: a radius around its location, postcode regions, or both."
            )
        if self.kind == self.Kind.FIXED and not self.street.strip():
            errors["street"] = _("A fixed office needs its street address, so that visitors can find it.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # VersionedModel.save counts the version up: a save based on an older version is refused (iqportal.locking).
        if not self.source_id:
            self.source_id = None  # blank IDs must not collide in the unique index
        super().save(*args, **kwargs)

    @property
    def is_mobile(self):
        return self.kind == self.Kind.MOBILE

    @property
    def counselling_modes(self):
        """The ways this office counsels, as stable codes (in_person, by_phone, by_video, by_email)."""
        return [code for code, _label in COUNSELLING_MODES if getattr(self, code)]

    @property
    def counselling_mode_labels(self):
        return [label for code, label in COUNSELLING_MODES if getattr(self, code)]

    @property
    def plz_prefix_list(self):
        return [part.strip() for part in self.service_plz_prefixes.split(",") if part.strip()]


class Oeffnungszeit(models.Model):
    """One opening slot of a fixed office; several slots a day are allowed."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    beratungsstelle = models.ForeignKey(Beratungsstelle, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("to"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=models.Q(opens__lt=models.F("closes")), name="opening_before_closing"),
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="opening_weekday_range"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class SprechtagQuerySet(models.QuerySet):
    def upcoming(self, now: datetime.datetime):
        """The consultation days that have not ended at `now` (German time: they are local times), in order."""
        local = german_time(now)
        today = models.Q(date=local.date(), ends__gt=local.time())
        return self.filter(models.Q(date__gt=local.date()) | today).order_by("date", "starts")


class Sprechtag(models.Model):
    """A consultation day of mobile counselling: when and where it takes place."""

    beratungsstelle = models.ForeignKey(Beratungsstelle, on_delete=models.CASCADE, related_name="consultation_days")
    date = models.DateField(_("date"), db_index=True)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("to"))
    place = models.CharField(_("place"), max_length=200, validators=ONE_LINE)
    address = models.CharField(_("address"), max_length=300, blank=True, validators=ONE_LINE)

    objects = SprechtagQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation day")
        verbose_name_plural = _("consultation days")
        ordering = ["date", "starts"]
        constraints = [
            models.CheckConstraint(condition=models.Q(starts__lt=models.F("ends")), name="sprechtag_start_before_end"),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.starts:%H:%M}–{self.ends:%H:%M}, {self.place}"
