"""
The Lotse's search service: find counselling near a place.

`search_offices()` is the one entry point; the HTML view, the JSON view and the tests call it with validated
parameters (forms.LotseForm validates the query string) and get a `LotseResult`. It is a short pipeline:

1. `_locate`: where to search (places.resolve_query, places.resolve_position, or a whole Bundesland);
2. `_find_fixed`: the fixed offices within the radius, by an indexed bounding-box query in the database and exact
   great-circle distances in Python, widening the radius when nothing is near;
3. `_find_mobile`: the mobile counselling whose service area (centre and radius, or postcode prefixes) covers
   the place;
4. `_paginate`: the shown page of the primary list (fixed offices, or mobile ones with art=mobil);
5. `_load_offices`: the shown offices with what the list displays, their upcoming consultation days included.

The number of queries does not depend on the number of offices.
"""

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.core.validators import MaxValueValidator
from django.db.models import F, Max, Q, QuerySet

from iqportal.cache import directory_cache_key
from landesnetzwerke.clock import german_time
from landesnetzwerke.geo import EARTH_RADIUS_KM, bounding_box, in_germany
from landesnetzwerke.lotse.places import (
    PLZ_RE,
    Location,
    PlaceCandidate,
    Resolution,
    Status,
    bundesland_name,
    land_location,
    resolve_position,
    resolve_query,
)
from landesnetzwerke.models import Beratungsstelle, BeratungsstelleQuerySet, Bundesland, Landesnetzwerk, Sprechtag
from landesnetzwerke.models.offices import OfficeKind

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
    office: Beratungsstelle
    distance_km: float | None  # None when listing a whole Bundesland
    number: int  # in the list and on the map; numbers continue across pages


@dataclass
class MobileHit:
    office: Beratungsstelle
    distance_km: float | None  # from the centre of its service area
    by_plz: bool  # covers the place through a postcode prefix (else through its radius, or the Land)
    next_days: list[Sprechtag] = field(default_factory=list)


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

    @property
    def first_number(self) -> int:
        """The list number of the first fixed office on this page (numbers continue across pages)."""
        return self.page.start_index() if self.page is not None and not self.mobile_paginated else 1


# Matches: the offices found, before they are loaded ------------------------------------------------------


@dataclass(frozen=True, order=True)
class Match:
    """An office that matches, by its key, and how near it is (ordered by distance, then key)."""

    term: float | None  # the haversine formula's inner term of its distance; None in a Land's list
    pk: int
    by_plz: bool = False  # mobile: covers the place through a postcode prefix

    @property
    def distance_km(self) -> float | None:
        return _term_to_km(self.term) if self.term is not None else None


# A kind's matches: nearest first, or, for a whole Land, the offices' keys by place and name as a QuerySet: counted
# and sliced in the database, as a Land may have thousands of offices.
Matches = list[Match] | QuerySet[Beratungsstelle, int]


def _haversine_term(radius_km: float) -> float:
    """The haversine formula's inner term for a distance; the term grows with the distance."""
    return math.sin(radius_km / (2 * EARTH_RADIUS_KM)) ** 2


def _term_to_km(term: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(term)))


def _terms(rows: Iterable[tuple[Any, ...]], lat: float, lon: float) -> Iterable[tuple[float, int, tuple[Any, ...]]]:
    """
    (term, pk, rest) for (pk, latitude, longitude, *rest) rows, in the rows' order: the exact great-circle
    distance from (lat, lon) in the haversine form. Sorting and radius tests use its inner term, which grows with
    the distance, so the arc sine is taken only for the offices shown.
    """
    phi0, lambda0 = math.radians(lat), math.radians(lon)
    cos0 = math.cos(phi0)
    sin, cos, rad = math.sin, math.cos, math.radians
    for pk, latitude, longitude, *rest in rows:
        phi = rad(latitude)
        term = sin((phi - phi0) / 2) ** 2 + cos0 * cos(phi) * sin((rad(longitude) - lambda0) / 2) ** 2
        yield term, pk, tuple(rest)


def _nearest(offices: BeratungsstelleQuerySet, lat: float, lon: float, radius_km: float | None = None) -> list[Match]:
    """The offices within radius_km of (lat, lon) (all if None), nearest first."""
    limit = _haversine_term(radius_km) if radius_km is not None else 2.0
    rows = offices.order_by().values_list("pk", "latitude", "longitude")
    return sorted(Match(term, pk) for term, pk, _rest in _terms(rows, lat, lon) if term <= limit)


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
        return resolve_query(query)
    if land:
        return Resolution(Status.FOUND, land_location(land))
    raise ValueError("give a query, a position or a land")


@dataclass(frozen=True)
class FixedMatches:
    matches: Matches
    radius_km: int | None  # the radius searched; None: a whole Land, or the nearest anywhere
    widened: bool = False  # nothing was within the radius asked for, a larger one of RADIUS_CHOICES found offices


def _by_place_and_name(queryset: BeratungsstelleQuerySet) -> QuerySet[Beratungsstelle, int]:
    return queryset.order_by("city", "name", "pk").values_list("pk", flat=True)


def _find_fixed(offices: BeratungsstelleQuerySet, location: Location, radius_km: int) -> FixedMatches:
    """
    The fixed offices within radius_km, nearest first (one indexed bounding-box query), widened to the next radius
    of RADIUS_CHOICES that finds any, else the nearest anywhere; a whole Land's by place and name.
    """
    lat, lon = location.latitude, location.longitude
    if lat is None or lon is None:
        return FixedMatches(_by_place_and_name(offices), radius_km=None)

    def near(radius: int) -> list[Match]:
        return _nearest(offices.in_bbox(*bounding_box(lat, lon, radius)), lat, lon, radius)

    matches = near(radius_km)
    if matches:
        return FixedMatches(matches, radius_km)
    wider = [choice for choice in RADIUS_CHOICES if choice > radius_km]
    if wider:
        widest = near(wider[-1])
        for choice in wider:
            limit = _haversine_term(choice)
            within = [match for match in widest if match.term is not None and match.term <= limit]
            if within:
                return FixedMatches(within, choice, widened=True)
    # Nothing within the widest radius: the nearest anywhere (LotseResult.nearest_anywhere).
    return FixedMatches(_nearest(offices, lat, lon), radius_km=None)


def max_service_radius_km() -> int:
    """The largest service radius an office may have: the limit of Beratungsstelle.service_radius_km's validators."""
    validators = Beratungsstelle._meta.get_field("service_radius_km").validators
    return min(int(validator.limit_value) for validator in validators if isinstance(validator, MaxValueValidator))


def _widest_service_radius() -> int:
    """The largest service radius of any mobile office, cached until the directory changes (iqportal.cache)."""
    key = directory_cache_key("lotse", "widest-service-radius")
    widest = cache.get(key)
    if widest is None:
        widest = Beratungsstelle.objects.mobile().aggregate(widest=Max("service_radius_km"))["widest"] or 0
        widest = min(widest, max_service_radius_km())
        cache.set(key, widest, timeout=3600)
    return int(widest)


def _covers_by_plz(plz: str, prefixes: str) -> bool:
    """Whether a listed postcode prefix ("26, 27") is a beginning of the postcode."""
    return bool(plz) and any(
        plz.startswith(prefix.strip()) for prefix in prefixes.split(",") if prefix.strip().isdigit()
    )


def _find_mobile(offices: BeratungsstelleQuerySet, location: Location) -> Matches:
    """
    The mobile offices whose service area covers the location (within its radius of its centre, or a postcode
    prefix of the place), postcode matches first, then by distance from the centre: one bounding-box query (plus
    the widest radius, cached). A whole Land's by place and name.
    """
    lat, lon, plz = location.latitude, location.longitude, location.plz
    if lat is None or lon is None:
        return _by_place_and_name(offices)
    # The box around the place that any service area covering it must reach into: as wide as the largest
    # radius in use, so that the index on latitude narrows the rows a lot.
    south, west, north, east = bounding_box(lat, lon, _widest_service_radius())
    # Longitude degrees are shortest at the northern edge of that box: dividing by them over-estimates the
    # extent of a service area, so no office that covers the place is left out.
    km_per_lon_degree = 111.32 * math.cos(math.radians(min(89.0, max(abs(south), abs(north)))))
    # The sargable box (office_geo_idx), narrowed by each office's own radius.
    condition = Q(
        service_radius_km__isnull=False,
        latitude__gte=south,
        latitude__lte=north,
        longitude__gte=west,
        longitude__lte=east,
    ) & Q(
        latitude__gte=lat - F("service_radius_km") / 111.0,
        latitude__lte=lat + F("service_radius_km") / 111.0,
        longitude__gte=lon - F("service_radius_km") / km_per_lon_degree,
        longitude__lte=lon + F("service_radius_km") / km_per_lon_degree,
    )
    if plz and PLZ_RE.fullmatch(plz):
        # "26, 27" serves 26345: a listed prefix is a beginning of the postcode (one regex test, on lists only).
        prefixes = "|".join(plz[:length] for length in range(1, len(plz) + 1))
        condition |= Q(service_plz_prefixes__gt="", service_plz_prefixes__regex=rf"(^|[^0-9])({prefixes})([^0-9]|$)")
    rows = (
        offices.filter(condition)
        .order_by()
        .values_list("pk", "latitude", "longitude", "service_radius_km", "service_plz_prefixes")
    )
    matches = []
    limits: dict[int, float] = {}
    for term, pk, (radius, prefixes) in _terms(rows, lat, lon):
        by_plz = _covers_by_plz(plz, prefixes)
        if radius is not None and radius not in limits:
            limits[radius] = _haversine_term(radius)
        if by_plz or (radius is not None and term <= limits[radius]):
            matches.append(Match(term, pk, by_plz=by_plz))
    matches.sort(key=lambda match: (not match.by_plz, match.term, match.pk))
    return matches


def _count(matches: Matches) -> int:
    return matches.count() if isinstance(matches, QuerySet) else len(matches)


def _as_matches(rows: Iterable[Match | int]) -> list[Match]:
    """A page of matches; a Land's come from the database as keys, without a distance."""
    return [row if isinstance(row, Match) else Match(None, row) for row in rows]


@dataclass(frozen=True)
class Shown:
    """The page of the primary list, and the matches of each kind shown with it."""

    page: Page[Any]
    fixed: list[Match]
    mobile: list[Match]
    fixed_total: int
    mobile_total: int


def _paginate(fixed: Matches, mobile: Matches, *, mobile_primary: bool, number: int) -> Shown:
    """
    The primary list is paginated (fixed offices, or mobile ones with art=mobil); mobile counselling is shown
    beside page 1 of the fixed offices. A page beyond the last gives the last page.
    """
    if mobile_primary:
        page = Paginator(mobile, PAGE_SIZE).get_page(number)
        return Shown(page, [], _as_matches(page.object_list), 0, page.paginator.count)
    page = Paginator(fixed, PAGE_SIZE).get_page(number)
    beside = _as_matches(mobile[:MOBILE_ON_FIRST_PAGE]) if page.number == 1 else []
    return Shown(page, _as_matches(page.object_list), beside, page.paginator.count, _count(mobile))


def _load_offices(matches: list[Match], now: datetime.datetime) -> dict[int, Beratungsstelle]:
    """The offices to show, with what the lists display (for_lists) and their upcoming consultation days."""
    if not matches:
        return {}
    offices = Beratungsstelle.objects.filter(pk__in=[match.pk for match in matches]).for_lists(now=now)
    return {office.pk: office for office in offices}


def _hits(
    shown: Shown, offices: dict[int, Beratungsstelle], *, first_number: int
) -> tuple[list[FixedHit], list[MobileHit]]:
    """The shown matches with their loaded offices (an office unpublished meanwhile is left out)."""
    fixed = [match for match in shown.fixed if match.pk in offices]
    mobile = [match for match in shown.mobile if match.pk in offices]
    return (
        [FixedHit(offices[m.pk], m.distance_km, number) for number, m in enumerate(fixed, start=first_number)],
        [
            MobileHit(offices[m.pk], m.distance_km, m.by_plz, offices[m.pk].upcoming_days[:NEXT_DAYS_SHOWN])
            for m in mobile
        ],
    )


def _responsible_network(location: Location) -> Landesnetzwerk | None:
    """The Landesnetzwerk of the location's Bundesland (none for a position outside any postcode area)."""
    if not location.bundesland:
        return None
    return Landesnetzwerk.objects.filter(bundesland=location.bundesland).first()


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

    if result.lists_fixed:
        fixed = _find_fixed(filters.offices(Beratungsstelle.Kind.FIXED), location, radius_km)
    else:
        fixed = FixedMatches([], radius_km if location.has_point else None)
    mobile = _find_mobile(filters.offices(Beratungsstelle.Kind.MOBILE), location) if result.lists_mobile else []
    shown = _paginate(fixed.matches, mobile, mobile_primary=not result.lists_fixed, number=page)

    result.radius_km, result.widened = fixed.radius_km, fixed.widened
    result.page, result.fixed_total, result.mobile_total = shown.page, shown.fixed_total, shown.mobile_total
    offices = _load_offices(shown.fixed + shown.mobile, german_time(now))
    result.fixed, result.mobile = _hits(shown, offices, first_number=result.first_number)
    result.landesnetzwerk = _responsible_network(location)
    return result
