"""
The Lotse's search service: find counselling near a place.

`search_offices()` is the one entry point; the HTML view, the JSON view and the tests call it with validated
parameters (forms.LotseForm validates the query string) and get a `LotseResult`. It is a short pipeline:

1. `_locate`: where to search (places.resolve_query, places.resolve_position, or a whole Bundesland);
2. `_find_fixed`: the shown page of the fixed offices within the radius, nearest first, and how many there are,
   widening the radius when nothing is near;
3. `_find_mobile`: the mobile counselling whose service area (centre and radius, or postcode prefixes) covers
   the place, those by postcode first, and how many there are;
4. `_upcoming_days` and `_hits`: the shown matches with the next consultation days of the mobile ones; the offices
   themselves are read when first needed (ShownOffices), which the HTML page, whose result cards come from the
   cache, rarely does.

The database ranks, counts and pages the offices (BeratungsstelleQuerySet.near, .serving, .by_place_and_name: one
query per kind, a window function counting the matches beside the page), so no step reads more than the shown
offices into Python, and the number of queries does not depend on the number of offices. What every search reads
and only a directory change alters (the responsible network, the widest service radius) comes from the cache.
"""

import datetime
import functools
import hashlib
import math
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.core.validators import MaxValueValidator
from django.db.models import Count, Max, Min, QuerySet, Window
from django.utils.functional import SimpleLazyObject

from iqportal.cache import cached_for_directory
from landesnetzwerke.clock import german_time
from landesnetzwerke.geo import haversine_term, in_germany, term_to_km
from landesnetzwerke.lotse.places import (
    Location,
    PlaceCandidate,
    Resolution,
    Status,
    bundesland_name,
    land_location,
    parse_query,
    resolve_position,
    resolve_query,
)
from landesnetzwerke.models import Beratungsstelle, BeratungsstelleQuerySet, Bundesland, Landesnetzwerk, Sprechtag
from landesnetzwerke.models.offices import OfficeKind
from landesnetzwerke.names import normalize_name

RADIUS_CHOICES = (10, 25, 50, 100, 200)
DEFAULT_RADIUS_KM = 50
PAGE_SIZE = 10
MOBILE_ON_FIRST_PAGE = 20
NEXT_DAYS_SHOWN = 3
# The `art` parameter: the kinds of office (Beratungsstelle.Kind's values), empty for both.
KINDS = tuple(Beratungsstelle.Kind.values)
# The `weg` parameter (how the office counsels) and the office field it filters on (models.COUNSELLING_MODES).
COUNSELLING_WAYS = {"vor-ort": "in_person", "telefon": "by_phone", "video": "by_video", "email": "by_email"}
EMPLOYER_TOPIC = "arbeitgeber"  # the topic of the employer contact finder (thema=arbeitgeber)


@dataclass
class FixedHit:
    office: Beratungsstelle  # read with the page's other offices when first needed (ShownOffices)
    distance_km: float | None  # None when listing a whole Bundesland
    number: int  # in the list and on the map; numbers continue across pages
    key: int | None = None  # the office's, as the ranking gave it (office_id reads it without reading the office)
    position: tuple[float, float] | None = None  # (latitude, longitude) as the ranking gave them

    kind = Beratungsstelle.Kind.FIXED
    is_mobile = False

    @property
    def office_id(self) -> int:
        return self.key if self.key is not None else self.office.pk

    @property
    def coordinates(self) -> tuple[float, float]:
        return self.position or (self.office.latitude, self.office.longitude)


@dataclass
class MobileHit:
    office: Beratungsstelle  # read with the page's other offices when first needed (ShownOffices)
    distance_km: float | None  # from the centre of its service area
    by_plz: bool  # covers the place through a postcode prefix (else through its radius, or the Land)
    next_days: list[Sprechtag] = field(default_factory=list)
    key: int | None = None  # the office's, as the ranking gave it (office_id reads it without reading the office)

    kind = Beratungsstelle.Kind.MOBILE
    is_mobile = True

    @property
    def office_id(self) -> int:
        return self.key if self.key is not None else self.office.pk


class ShownOffices:
    """
    The offices of a result page by key, read from the database in one query when one of them is first needed: the
    HTML page takes what its cards show from the cache (cards.py) and reads offices only for the cards the cache
    does not hold; the JSON search reads them all. An office deleted since the search ranked it is None. Mobile
    offices get the consultation days the search read (`upcoming_days`).
    """

    def __init__(self, pks: list[int], days: dict[int, list[Sprechtag]]) -> None:
        self._pks, self._days = pks, days
        self._offices: dict[int, Beratungsstelle] | None = None

    def get(self, pk: int) -> Beratungsstelle | None:
        if self._offices is None:
            self._offices = {office.pk: office for office in Beratungsstelle.objects.filter(pk__in=self._pks)}
            for office in self._offices.values():
                if office.is_mobile:
                    office.upcoming_days = self._days.get(office.pk, [])
        return self._offices.get(pk)

    def lazy(self, pk: int) -> Beratungsstelle:
        """The office as an object that reads it (with the others) on first use."""
        return cast(Beratungsstelle, SimpleLazyObject(functools.partial(self.get, pk)))


@dataclass
class LotseResult:
    status: Status
    query: str = ""
    location: Location | None = None
    candidates: list[PlaceCandidate] = field(default_factory=list)  # AMBIGUOUS: the places meant; NOT_FOUND: close
    other_places: list[PlaceCandidate] = field(default_factory=list)  # FOUND by a name smaller places share
    by_part_of_name: bool = False  # the name typed is unknown; the location is the town or district it names
    fixed_total: int = 0
    mobile_total: int = 0
    page: Page[Any] | None = None  # the primary list's page: fixed offices, or mobile ones when art=mobil
    fixed: list[FixedHit] = field(default_factory=list)  # on this page
    mobile: list[MobileHit] = field(default_factory=list)  # on this page
    requested_radius_km: int = DEFAULT_RADIUS_KM
    radius_km: int | None = DEFAULT_RADIUS_KM  # None: a whole Land, or the nearest anywhere (nothing within 200 km)
    widened: bool = False
    art: str = ""
    thema: str = ""
    land: str = ""  # the Land the offices were restricted to
    landesnetzwerk: Landesnetzwerk | None = None  # responsible for the place's Bundesland

    @property
    def found(self) -> bool:
        return self.status == Status.FOUND

    @property
    def has_point(self) -> bool:
        return self.location is not None and self.location.has_point

    @property
    def nearest_anywhere(self) -> bool:
        """Nothing within the widest radius: the nearest offices anywhere are shown."""
        return self.found and self.has_point and self.radius_km is None and self.fixed_total > 0

    @property
    def outside_land(self) -> bool:
        """The place lies outside the Land the results are restricted to (e.g. ?land=BE&q=Hamburg)."""
        location = self.location
        return bool(
            self.found
            and self.land
            and location is not None
            and not location.is_land
            and location.bundesland
            and location.bundesland != self.land
        )

    @property
    def land_name(self) -> str:
        return bundesland_name(self.land)

    @property
    def for_employers(self) -> bool:
        """The employer contact finder (thema=arbeitgeber): the page speaks to employers."""
        return self.thema == EMPLOYER_TOPIC

    @property
    def lists_fixed(self) -> bool:
        """Fixed offices were searched (art is not mobil)."""
        return self.art != Beratungsstelle.Kind.MOBILE

    @property
    def lists_mobile(self) -> bool:
        """Mobile counselling was searched (art is not fest)."""
        return self.art != Beratungsstelle.Kind.FIXED

    @property
    def total(self) -> int:
        return self.fixed_total + self.mobile_total

    @property
    def is_empty(self) -> bool:
        return self.found and self.total == 0

    @property
    def mobile_paginated(self) -> bool:
        return not self.lists_fixed

    @property
    def mobile_truncated(self) -> bool:
        return not self.mobile_paginated and self.mobile_total > len(self.mobile)

    offices: ShownOffices | None = field(default=None, repr=False)

    def office(self, pk: int) -> Beratungsstelle | None:
        """One of the shown offices, read from the database (with the others) the first time one is needed."""
        return self.offices.get(pk) if self.offices is not None else None

    def load_offices(self) -> list[Beratungsstelle]:
        """The shown offices, read from the database; hits whose office was deleted since are left out."""
        self.fixed = [hit for hit in self.fixed if self.office(hit.office_id) is not None]
        self.mobile = [hit for hit in self.mobile if self.office(hit.office_id) is not None]
        hits: list[FixedHit | MobileHit] = [*self.fixed, *self.mobile]
        return [cast(Beratungsstelle, self.office(hit.office_id)) for hit in hits]

    @property
    def first_number(self) -> int:
        """The list number of the first fixed office on this page (numbers continue across pages)."""
        return self.page.start_index() if self.page is not None and not self.mobile_paginated else 1


# Matches: the offices found, before they are loaded ------------------------------------------------------


@dataclass(frozen=True, order=True)
class Match:
    """An office that matches, by its key, and how near it is."""

    term: float | None  # the haversine formula's inner term of its distance (geo.haversine_term); None in a Land
    pk: int
    by_plz: bool = False  # mobile: covers the place through a postcode prefix
    position: tuple[float, float] | None = field(default=None, compare=False)  # (latitude, longitude), if ranked by

    @property
    def distance_km(self) -> float | None:
        return term_to_km(self.term) if self.term is not None else None


@dataclass(frozen=True)
class Ranked:
    """One page of a kind's matches, in the database's order, and how many match in all."""

    matches: list[Match]
    total: int
    number: int = 1  # the page shown: a page beyond the last gives the last
    per_page: int = PAGE_SIZE

    def page(self) -> Page[Any]:
        """The page as Django's paginator gives it (the template's pagination reads it)."""
        offset = (self.number - 1) * self.per_page
        matches = _PageOfMatches(self.total, offset, self.matches)
        return Paginator(matches, self.per_page).page(self.number)  # type: ignore[arg-type]  # len, count, slices


class _PageOfMatches:
    """A paginator's object_list that holds one page of the matches and knows how many there are in all."""

    def __init__(self, total: int, offset: int, matches: list[Match]) -> None:
        self.total, self.offset, self.matches = total, offset, matches

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index: slice) -> list[Match]:
        if not isinstance(index, slice) or (index.start or 0) != self.offset:
            raise IndexError("only the fetched page of matches is held")
        return self.matches[: None if index.stop is None else index.stop - self.offset]


def _fetch(ordered: QuerySet[Beratungsstelle], fields: tuple[str, ...], offset: int, limit: int) -> list[Any]:
    """One slice of the ordered matches, each row with the number of all matches last (a window function)."""
    counted = ordered.annotate(matches_total=Window(Count("pk")))
    return list(counted.values_list(*fields, "matches_total")[offset : offset + limit])


def _rank(ordered: QuerySet[Beratungsstelle], *, number: int, per_page: int, fields: tuple[str, ...]) -> Ranked:
    """
    Page `number` of the ordered matches and their total, in one query (two more for a page beyond the last,
    which gives the last page). `fields`: "pk", then "distance_term" and "by_plz" where the queryset has them.
    per_page 0: only the total.
    """
    if per_page == 0:
        return Ranked([], ordered.count(), 1, PAGE_SIZE)
    rows = _fetch(ordered, fields, (number - 1) * per_page, per_page)
    if not rows and number > 1:
        total = ordered.count()
        number = max(1, math.ceil(total / per_page))
        rows = _fetch(ordered, fields, (number - 1) * per_page, per_page) if total else []
    total = rows[0][-1] if rows else 0
    return Ranked([_match(fields, row) for row in rows], total, number, per_page)


def _match(fields: tuple[str, ...], row: tuple[Any, ...]) -> Match:
    values = dict(zip(fields, row, strict=False))
    position = (values["latitude"], values["longitude"]) if "latitude" in values else None
    return Match(values.get("distance_term"), values["pk"], bool(values.get("by_plz", False)), position)


NONE = Ranked([], 0)  # a kind not searched for (art)
# What the ranking reads of each office: the Land lists only keys (their index gives no more), the searches near a
# place also the coordinates (in their index too) for the map.
PLACE_ORDER = ("pk",)
DISTANCE_ORDER = ("pk", "distance_term", "latitude", "longitude")
SERVICE_AREA_ORDER = ("pk", "distance_term", "by_plz")


# Steps ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """The search's filters: topic slug, language code, way of counselling (a COUNSELLING_WAYS key), Land code."""

    thema: str = ""
    sprache: str = ""
    weg: str = ""
    land: str = ""

    def check(self) -> None:
        if self.weg and self.weg not in COUNSELLING_WAYS:
            raise ValueError(f"weg must be one of {tuple(COUNSELLING_WAYS)}")
        if self.land and self.land not in Bundesland.values:
            raise ValueError("land must be a Bundesland code")

    def offices(self, kind: OfficeKind) -> BeratungsstelleQuerySet:
        """The published offices of this kind that pass the filters."""
        queryset = Beratungsstelle.objects.published().filter(kind=kind)
        if self.thema:
            queryset = queryset.with_topic(self.thema)
        if self.sprache:
            queryset = queryset.speaking(self.sprache)
        if self.weg:
            queryset = queryset.counselling_by(COUNSELLING_WAYS[self.weg])
        if self.land:
            queryset = queryset.in_bundesland(self.land)
        return queryset


def _locate(query: str, latitude: float | None, longitude: float | None, land: str) -> Resolution:
    """Where to search: the position (it wins), else the place typed, else the whole Land."""
    if latitude is not None and longitude is not None:
        if not in_germany(latitude, longitude):
            raise ValueError("the position is outside Germany")
        return Resolution(Status.FOUND, resolve_position(latitude, longitude))
    if query:
        # The gazetteer decides what a query names: the same for every search of it, so kept with the directory's
        # version (loading the gazetteer starts a new one).
        plz, name = parse_query(query)
        key = hashlib.sha256(f"{plz}:{normalize_name(name)}".encode()).hexdigest()
        return cached_for_directory(f"lotse:place:{key}", lambda: resolve_query(query))
    if land:
        return Resolution(Status.FOUND, land_location(land))
    raise ValueError("give a query, a position or a land")


@dataclass(frozen=True)
class FixedMatches:
    ranked: Ranked
    radius_km: int | None  # the radius searched; None: a whole Land, or the nearest anywhere
    widened: bool = False  # nothing was within the radius asked for, a larger one of RADIUS_CHOICES found offices


def _find_fixed(offices: BeratungsstelleQuerySet, location: Location, radius_km: int, number: int) -> FixedMatches:
    """
    Page `number` of the fixed offices within radius_km, nearest first, widened to the next radius of RADIUS_CHOICES
    that finds any (one query more to find the nearest office within the widest), else the nearest anywhere; a whole
    Land's by place and name.
    """
    lat, lon = location.latitude, location.longitude
    if lat is None or lon is None:
        return FixedMatches(
            _rank(offices.by_place_and_name(), number=number, per_page=PAGE_SIZE, fields=PLACE_ORDER), None
        )

    def rank(ordered: BeratungsstelleQuerySet) -> Ranked:
        return _rank(ordered, number=number, per_page=PAGE_SIZE, fields=DISTANCE_ORDER)

    ranked = rank(offices.near(lat, lon, radius_km))
    if ranked.total:
        return FixedMatches(ranked, radius_km)
    wider = [choice for choice in RADIUS_CHOICES if choice > radius_km]
    if wider:
        nearest = offices.near(lat, lon, wider[-1]).aggregate(term=Min("distance_term"))["term"]
        if nearest is not None:
            choice = next(choice for choice in wider if nearest <= haversine_term(choice))
            return FixedMatches(rank(offices.near(lat, lon, choice)), choice, widened=True)
    # Nothing within the widest radius: the nearest anywhere (LotseResult.nearest_anywhere).
    return FixedMatches(rank(offices.by_distance(lat, lon)), radius_km=None)


def max_service_radius_km() -> int:
    """The largest service radius an office may have: the limit of Beratungsstelle.service_radius_km's validators."""
    validators = Beratungsstelle._meta.get_field("service_radius_km").validators
    return min(int(validator.limit_value) for validator in validators if isinstance(validator, MaxValueValidator))


def widest_service_radius_km() -> int:
    """The largest service radius of any mobile office, cached until the directory changes (iqportal.cache)."""

    def build() -> int:
        widest = Beratungsstelle.objects.mobile().aggregate(widest=Max("service_radius_km"))["widest"] or 0
        return min(int(widest), max_service_radius_km())

    return cached_for_directory("lotse:widest-service-radius", build)


def _find_mobile(offices: BeratungsstelleQuerySet, location: Location, *, number: int, per_page: int) -> Ranked:
    """
    Page `number` of the mobile offices whose service area covers the location (within its radius of its centre,
    or a postcode prefix of the place), postcode matches first, then by distance from the centre; a whole Land's by
    place and name. per_page 0: only how many there are.
    """
    lat, lon = location.latitude, location.longitude
    if lat is None or lon is None:
        return _rank(offices.by_place_and_name(), number=number, per_page=per_page, fields=PLACE_ORDER)
    serving = offices.serving(lat, lon, location.plz, widest_radius_km=widest_service_radius_km)
    return _rank(serving, number=number, per_page=per_page, fields=SERVICE_AREA_ORDER)


def _upcoming_days(mobile: list[Match], now: datetime.datetime) -> dict[int, list[Sprechtag]]:
    """The consultation days of these mobile offices that have not ended at `now`, in order: one query."""
    days: dict[int, list[Sprechtag]] = {match.pk: [] for match in mobile}
    if days:
        for day in Sprechtag.objects.upcoming(now).filter(beratungsstelle_id__in=list(days)):
            days[day.beratungsstelle_id].append(day)
    return days


def _hits(
    fixed: list[Match], mobile: list[Match], offices: ShownOffices, days: dict[int, list[Sprechtag]], *, first: int
) -> tuple[list[FixedHit], list[MobileHit]]:
    """The shown matches, their offices read when first needed (ShownOffices), mobile ones with their next days."""
    return (
        [
            FixedHit(offices.lazy(m.pk), m.distance_km, number, key=m.pk, position=m.position)
            for number, m in enumerate(fixed, start=first)
        ],
        [
            MobileHit(offices.lazy(m.pk), m.distance_km, m.by_plz, days[m.pk][:NEXT_DAYS_SHOWN], key=m.pk)
            for m in mobile
        ],
    )


def _responsible_network(location: Location) -> Landesnetzwerk | None:
    """The Landesnetzwerk of the location's Bundesland (none for a position outside any postcode area)."""
    if not location.bundesland:
        return None
    land = location.bundesland
    return cached_for_directory(f"lotse:network:{land}", Landesnetzwerk.objects.filter(bundesland=land).first)


def _check(*, radius_km: int, art: str, filters: Filters) -> None:
    if radius_km not in RADIUS_CHOICES:
        raise ValueError(f"radius_km must be one of {RADIUS_CHOICES}")
    if art and art not in KINDS:
        raise ValueError(f"art must be one of {KINDS}")
    filters.check()


def search_offices(
    *,
    query: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    land: str = "",
    radius_km: int = DEFAULT_RADIUS_KM,
    thema: str = "",
    sprache: str = "",
    art: str = "",
    weg: str = "",
    page: int = 1,
    now: datetime.datetime | None = None,
) -> LotseResult:
    """
    Counselling for a place. Give `query` (postcode, place name or both), or `latitude`/`longitude`
    (inside Germany), or only `land` (a Bundesland code: that Land's offices). With a place, `land` restricts
    the results to that Land. Filters: `thema` (topic slug), `sprache` (ISO 639 code), `art` (one of KINDS),
    `weg` (a COUNSELLING_WAYS key). `page` beyond the last page gives the last page.
    The parameters must be validated (forms.LotseForm does); invalid ones raise ValueError.
    """
    filters = Filters(thema=thema, sprache=sprache, weg=weg, land=land)
    _check(radius_km=radius_km, art=art, filters=filters)
    resolution = _locate(query, latitude, longitude, land)
    result = LotseResult(
        status=resolution.status,
        query=query,
        location=resolution.location,
        candidates=resolution.candidates,
        other_places=resolution.other_places,
        by_part_of_name=resolution.by_part_of_name,
        requested_radius_km=radius_km,
        radius_km=radius_km,
        art=art,
        thema=thema,
        land=land,
    )
    location = resolution.location
    if location is None:
        return result

    mobile_offices = filters.offices(Beratungsstelle.Kind.MOBILE)
    if result.lists_fixed:
        found = _find_fixed(filters.offices(Beratungsstelle.Kind.FIXED), location, radius_km, page)
        fixed = primary = found.ranked
        result.radius_km, result.widened = found.radius_km, found.widened
        # Mobile counselling beside page 1 of the fixed offices; on the other pages it is only counted.
        beside = MOBILE_ON_FIRST_PAGE if fixed.number == 1 else 0
        mobile = _find_mobile(mobile_offices, location, number=1, per_page=beside) if result.lists_mobile else NONE
    else:  # art=mobil: mobile counselling is the paginated list
        result.radius_km = radius_km if location.has_point else None
        fixed, mobile = NONE, _find_mobile(mobile_offices, location, number=page, per_page=PAGE_SIZE)
        primary = mobile

    result.page = primary.page()
    result.fixed_total, result.mobile_total = fixed.total, mobile.total
    days = _upcoming_days(mobile.matches, german_time(now))
    result.offices = ShownOffices([match.pk for match in fixed.matches + mobile.matches], days)
    result.fixed, result.mobile = _hits(fixed.matches, mobile.matches, result.offices, days, first=result.first_number)
    result.landesnetzwerk = _responsible_network(location)
    return result
