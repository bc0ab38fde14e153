"""
The Lotse's search service: find counselling near a place.

`search_offices()` is the one entry point; the HTML view, the JSON view and the tests call it with
validated parameters (see lotse_forms.LotseForm) and get a `LotseResult`. It

1. resolves the location: a postcode (in any script's digits), a place name (case, diacritics and umlaut
   spellings ignored, names in other scripts included), "PLZ place", coordinates from the browser, or a whole
   Bundesland; "Stadt-Stadtteil" names the place finds by their parts; ambiguous names give candidates,
   unknown ones close matches;
2. finds fixed offices within the radius by an indexed bounding-box query in the database and exact
   great-circle distances in Python, widening the radius when nothing is near;
3. finds mobile counselling whose service area (centre and radius, or postcode prefixes) covers the place,
   with its next consultation days;
4. loads the shown page's offices with everything the list displays in a fixed number of queries.

The number of queries does not depend on the number of offices.
"""

import datetime
import difflib
import enum
import math
import re
import unicodedata
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import F, Max, Prefetch, Q
from django.utils import timezone

from iqportal.cache import directory_cache_key
from landesnetzwerke.geo import EARTH_RADIUS_KM, bounding_box, haversine_km, in_germany
from landesnetzwerke.models import Beratungsstelle, Bundesland, Landesnetzwerk, Ortsname, Postleitzahl, Sprechtag
from landesnetzwerke.names import koelner_phonetik, normalize_name

BERLIN = ZoneInfo("Europe/Berlin")
RADIUS_CHOICES = (10, 25, 50, 100, 200)
DEFAULT_RADIUS_KM = 50
PAGE_SIZE = 10
MOBILE_ON_FIRST_PAGE = 20
NEXT_DAYS_SHOWN = 3
MAX_SERVICE_RADIUS_KM = 300  # Beratungsstelle.service_radius_km's validator
# The `weg` parameter (how the office counsels) and the office field it filters on.
COUNSELLING_WAYS = {"vor-ort": "in_person", "telefon": "by_phone", "video": "by_video", "email": "by_email"}
KINDS = (Beratungsstelle.Kind.FIXED.value, Beratungsstelle.Kind.MOBILE.value)

# ASCII digits only: normalize_query() turns every script's digits into these first.
PLZ_RE = re.compile(r"[0-9]{5}")
_PLZ_FIRST = re.compile(r"^([0-9]{5})(?:[ ,]+(.*))?$")
_PLZ_LAST = re.compile(r"^(.*?)[ ,]+([0-9]{5})$")
_SPACED_DIGITS = re.compile(r"(?<![0-9])[0-9]+(?: [0-9]+)+(?![0-9])")
EMPLOYER_TOPIC = "arbeitgeber"  # the topic of the employer contact finder (thema=arbeitgeber)

# A name shared by several places resolves to the biggest one only if it dominates clearly.
DOMINANT_FACTOR = 20
DOMINANT_MIN_POPULATION = 20000
MAX_CANDIDATES = 20
MAX_SUGGESTIONS = 6
SUGGESTION_CUTOFF = 0.72
SUGGESTION_POOL = 3000
# "Stadt-Stadtteil" ("München-Pasing", "Köln Ehrenfeld"), not known as a whole: the district if it lies within
# DISTRICT_KM of the town, else the town. A town name shared by several places means the only big city
# (Großstadt) among them, as only cities are written with their districts ("Frankfurt-Höchst").
MAX_NAME_PARTS = 6
DISTRICT_KM = 15
CITY_MIN_POPULATION = 100000


class Status(enum.StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


class LocationKind(enum.StrEnum):
    PLZ = "plz"
    PLACE = "place"
    POSITION = "position"
    LAND = "land"


@dataclass(frozen=True)
class Location:
    """Where the visitor searched: a point (postcode, place, position) or a whole Bundesland."""

    kind: LocationKind
    label: str
    bundesland: str
    latitude: float | None = None
    longitude: float | None = None
    plz: str = ""

    @property
    def bundesland_name(self):
        return Bundesland(self.bundesland).label if self.bundesland in Bundesland.values else ""

    @property
    def has_point(self):
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class PlaceCandidate:
    """A place (or postcode) the visitor may have meant; `query` is the search that picks it."""

    name: str
    bundesland: str
    plz: str
    population: int = 0

    @property
    def query(self):
        return f"{self.plz} {self.name}".strip()

    @property
    def bundesland_name(self):
        return Bundesland(self.bundesland).label if self.bundesland in Bundesland.values else ""


@dataclass
class FixedHit:
    office: Beratungsstelle
    distance_km: float | None  # None when listing a whole Bundesland


@dataclass
class MobileHit:
    office: Beratungsstelle
    distance_km: float | None  # from the centre of its service area
    by_plz: bool  # covers the place through a postcode prefix (else through its radius, or the Land)
    next_days: list = field(default_factory=list)


@dataclass
class LotseResult:
    status: Status
    query: str = ""
    location: Location | None = None
    candidates: list = field(default_factory=list)  # AMBIGUOUS: the places meant; NOT_FOUND: close matches
    other_places: list = field(default_factory=list)  # FOUND by a name that other, smaller places share
    fixed_total: int = 0
    mobile_total: int = 0
    page: Page | None = None  # the primary list's page: fixed offices, or mobile ones when art=mobil
    fixed: list = field(default_factory=list)  # FixedHit on this page
    mobile: list = field(default_factory=list)  # MobileHit on this page
    requested_radius_km: int = DEFAULT_RADIUS_KM
    radius_km: int | None = DEFAULT_RADIUS_KM  # None: the nearest offices anywhere (nothing within 200 km)
    widened: bool = False
    art: str = ""
    thema: str = ""
    land: str = ""  # the Land the offices were restricted to
    landesnetzwerk: Landesnetzwerk | None = None  # responsible for the place's Bundesland
    by_part_of_name: bool = False  # the name typed is unknown; the location is the town or district it names

    @property
    def nearest_anywhere(self):
        """Nothing within the widest radius: the nearest offices anywhere are shown."""
        return self.found and self.location.has_point and self.radius_km is None and self.fixed_total > 0

    @property
    def outside_land(self):
        """The place lies outside the Land the results are restricted to (e.g. ?land=BE&q=Hamburg)."""
        location = self.location
        return bool(
            self.found
            and self.land
            and location.kind != LocationKind.LAND
            and location.bundesland
            and location.bundesland != self.land
        )

    @property
    def land_name(self):
        return Bundesland(self.land).label if self.land in Bundesland.values else ""

    @property
    def for_employers(self):
        """The employer contact finder (thema=arbeitgeber): the page speaks to employers."""
        return self.thema == EMPLOYER_TOPIC

    @property
    def found(self):
        return self.status == Status.FOUND

    @property
    def total(self):
        return self.fixed_total + self.mobile_total

    @property
    def is_empty(self):
        return self.found and self.total == 0

    @property
    def mobile_paginated(self):
        return self.art == Beratungsstelle.Kind.MOBILE

    @property
    def mobile_truncated(self):
        return not self.mobile_paginated and self.mobile_total > len(self.mobile)

    @property
    def first_number(self):
        """The list number of the first fixed office on this page (numbers continue across pages)."""
        return self.page.start_index() if self.page is not None and not self.mobile_paginated else 1


def berlin_now():
    """The current time in Germany: opening hours and consultation days are local times there."""
    return timezone.localtime(timezone.now(), timezone=BERLIN)


def _ascii_digit(char):
    if char.isascii():
        return char
    digit = unicodedata.decimal(char, None)
    return char if digit is None else str(digit)


def _join_postcode(match):
    digits = match.group().replace(" ", "")
    return digits if len(digits) == 5 else match.group()


def normalize_query(text):
    """
    The visitor's query with whitespace collapsed, the decimal digits of every script (Arabic-Indic ١٠١١٥,
    Persian ۱۰۱۱۵, full-width １０１１５) as ASCII digits, and a postcode typed in groups ("10 115") joined.
    """
    text = "".join(_ascii_digit(char) for char in (text or ""))
    return _SPACED_DIGITS.sub(_join_postcode, " ".join(text.split()))


def parse_query(query):
    """Split "10115 Berlin", "Berlin 10115", "10115" or "Berlin" into (plz, name)."""
    query = normalize_query(query)
    match = _PLZ_FIRST.match(query)
    if match:
        return match.group(1), (match.group(2) or "").strip(" ,")
    match = _PLZ_LAST.match(query)
    if match:
        return match.group(2), match.group(1).strip(" ,")
    return "", query


# Location --------------------------------------------------------------------------------------------


def _candidate(ort):
    return PlaceCandidate(name=ort.name, bundesland=ort.bundesland, plz=ort.plz, population=ort.population)


def _place_location(ort):
    return Location(
        kind=LocationKind.PLACE,
        label=ort.name,
        bundesland=ort.bundesland,
        latitude=ort.latitude,
        longitude=ort.longitude,
        plz=ort.plz,
    )


def _places_named(keys):
    """
    {key: places} for these name keys: the distinct places that have the name (any script), biggest first,
    each with whether it is the place's own (German) name rather than one of its other names. One query.
    """
    places = {key: {} for key in keys}
    for name in Ortsname.objects.matching_any(keys).select_related("ort"):
        ort = places[name.key].setdefault(name.ort_id, name.ort)
        ort.named_so = getattr(ort, "named_so", False) or name.is_main
    return {key: sorted(found.values(), key=_biggest_first) for key, found in places.items()}


def _biggest_first(ort):
    return -ort.population, ort.name, ort.plz


def _name_splits(key):
    """("town", "district") keys of a name key, the longest town first: "a b c" gives ("a b", "c"), ("a", "b c")."""
    tokens = key.split()
    if not 1 < len(tokens) <= MAX_NAME_PARTS:
        return []
    return [(" ".join(tokens[:cut]), " ".join(tokens[cut:])) for cut in range(len(tokens) - 1, 0, -1)]


def _km(place, other):
    return haversine_km(place.latitude, place.longitude, other.latitude, other.longitude)


def _place_by_parts(splits, places_by_key):
    """
    The place meant by an unknown "Stadt-Stadtteil" name, or None: a district named by its second part that
    lies near a town named by its first part ("München-Pasing": Pasing), else that town when its name is clear
    ("Köln-Ehrenfeld": Köln; "Frankfurt-Höchst": Frankfurt am Main, the only big city of that name).
    """
    for town_key, district_key in splits:
        towns = places_by_key[town_key]
        if not towns:
            continue
        districts = {
            ort.pk: ort for ort in places_by_key[district_key] if any(_km(ort, town) <= DISTRICT_KM for town in towns)
        }
        if len(districts) == 1:
            return next(iter(districts.values()))
        town = towns[0] if len(towns) == 1 else _pick_place(towns)
        if town is None:
            cities = [ort for ort in towns if ort.population >= CITY_MIN_POPULATION]
            town = cities[0] if len(cities) == 1 else None
        if town is not None:
            return town
    return None


def _dominates(place, rivals):
    """A place clearly bigger than every rival: the one a visitor means by a name they share."""
    biggest_rival = max((rival.population for rival in rivals), default=0)
    return place.population >= DOMINANT_MIN_POPULATION and place.population >= DOMINANT_FACTOR * biggest_rival


def _pick_place(places):
    """The place meant by a name several places share, or None when the visitor must choose."""
    own = [place for place in places if place.named_so]
    if own:
        # The name is a place's own German name ("Kiel") and other places only have it as another name
        # ("Kehl", once called "Kiel"): the own name wins unless a far bigger place merely shares it.
        top = own[0]
        others = [place for place in places if place is not top]
        if (len(own) == 1 or _dominates(top, own[1:])) and top.population >= max(p.population for p in others):
            return top
    return places[0] if _dominates(places[0], places[1:]) else None


def _suggest_names(key):
    """Close matches for an unknown name: same sound (Kölner Phonetik) or same beginning, ranked by difflib."""
    if not key:
        return []
    phonetic = koelner_phonetik(key)
    condition = Q(key__startswith=key[:3])
    if phonetic:
        condition |= Q(phonetic=phonetic)
    rows = Ortsname.objects.filter(condition).values_list(
        "key", "ort__name", "ort__bundesland", "ort__plz", "ort__population"
    )[:SUGGESTION_POOL]
    scored = {}
    for name_key, name, land, plz, population in rows:
        ratio = difflib.SequenceMatcher(None, key, name_key).ratio()
        if ratio < SUGGESTION_CUTOFF:
            continue
        candidate = PlaceCandidate(name=name, bundesland=land, plz=plz, population=population)
        best = scored.get(candidate)
        if best is None or ratio > best:
            scored[candidate] = ratio
    ranked = sorted(scored.items(), key=lambda item: (-round(item[1], 2), -item[0].population, item[0].name))
    return [candidate for candidate, _ratio in ranked[:MAX_SUGGESTIONS]]


def _suggest_postcodes(plz):
    """Existing postcodes that share the longest possible beginning with an unknown one."""
    for length in (4, 3, 2):
        rows = list(Postleitzahl.objects.with_prefix(plz[:length])[:MAX_SUGGESTIONS])
        if rows:
            return [PlaceCandidate(name=row.place_name, bundesland=row.bundesland, plz=row.code) for row in rows]
    return []


def resolve_query(query):
    """
    (status, location, candidates, other_places, by_part_of_name) for a postcode and/or place name;
    by_part_of_name: the name is unknown, the location is the town or district its parts name.
    """
    plz, name = parse_query(query)
    if plz:
        row = Postleitzahl.objects.filter(code=plz).first()
        if row is not None:
            label = f"{row.code} {row.place_name}"
            key = normalize_name(name)
            if key and key != normalize_name(row.place_name):
                # "10969 Kreuzberg": keep the visitor's place name when such a place lies near the postcode.
                south, west, north, east = bounding_box(row.latitude, row.longitude, 25)
                named = Ortsname.objects.matching(key).filter(
                    ort__latitude__range=(south, north), ort__longitude__range=(west, east)
                )
                match = named.select_related("ort").first()
                if match is not None:
                    label = f"{row.code} {match.ort.name}"
            location = Location(
                kind=LocationKind.PLZ,
                label=label,
                bundesland=row.bundesland,
                latitude=row.latitude,
                longitude=row.longitude,
                plz=row.code,
            )
            return Status.FOUND, location, [], [], False
        if not name:
            return Status.NOT_FOUND, None, _suggest_postcodes(plz), [], False
    key = normalize_name(name)
    if not key:
        return Status.NOT_FOUND, None, [], [], False
    splits = _name_splits(key)
    places_by_key = _places_named({key, *(part for split in splits for part in split)})
    places = places_by_key[key]
    if not places:
        by_parts = _place_by_parts(splits, places_by_key)
        if by_parts is not None:
            return Status.FOUND, _place_location(by_parts), [], [], True
        return Status.NOT_FOUND, None, _suggest_names(key), [], False
    if len(places) == 1:
        return Status.FOUND, _place_location(places[0]), [], [], False
    meant = _pick_place(places)
    if meant is not None:
        others = [_candidate(ort) for ort in places if ort is not meant][:MAX_CANDIDATES]
        return Status.FOUND, _place_location(meant), [], others, False
    return Status.AMBIGUOUS, None, [_candidate(ort) for ort in places[:MAX_CANDIDATES]], [], False


def resolve_position(latitude, longitude):
    """The visitor's position (from the browser), labelled with the nearest postcode."""
    nearest = Postleitzahl.objects.nearest(latitude, longitude)
    if nearest is None:
        label = f"{latitude:.3f}, {longitude:.3f}"
        return Location(kind=LocationKind.POSITION, label=label, bundesland="", latitude=latitude, longitude=longitude)
    return Location(
        kind=LocationKind.POSITION,
        label=f"{nearest.code} {nearest.place_name}",
        bundesland=nearest.bundesland,
        latitude=latitude,
        longitude=longitude,
        plz=nearest.code,
    )


# Offices ---------------------------------------------------------------------------------------------


def _filtered(queryset, *, thema, sprache, weg, land):
    if thema:
        queryset = queryset.with_topic(thema)
    if sprache:
        queryset = queryset.speaking(sprache)
    if weg:
        queryset = queryset.counselling_by(COUNSELLING_WAYS[weg])
    if land:
        queryset = queryset.in_bundesland(land)
    return queryset


def _haversine_term(radius_km):
    """The haversine formula's inner term for a distance; the term grows with the distance."""
    return math.sin(radius_km / (2 * EARTH_RADIUS_KM)) ** 2


def _term_to_km(term):
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(term)))


def _nearest(rows, location, radius_km=None):
    """
    [(term, pk)] of (pk, latitude, longitude) rows within radius_km (all if None), nearest first.

    The exact great-circle distance, in the haversine form: sorting and the radius test use its inner
    term, which grows with the distance, so the arc sine is taken only for the offices shown.
    """
    limit = _haversine_term(radius_km) if radius_km is not None else 2.0
    hits = [(term, pk) for term, pk in _nearest_with(rows, location) if term <= limit]
    hits.sort()
    return hits


def _nearest_with(rows, location):
    """(term, pk, *rest) for (pk, latitude, longitude, *rest) rows, in the rows' order."""
    phi0, lambda0 = math.radians(location.latitude), math.radians(location.longitude)
    cos0 = math.cos(phi0)
    sin, cos, rad = math.sin, math.cos, math.radians
    for pk, latitude, longitude, *rest in rows:
        phi = rad(latitude)
        term = sin((phi - phi0) / 2) ** 2 + cos0 * cos(phi) * sin((rad(longitude) - lambda0) / 2) ** 2
        yield (term, pk, *rest)


def _fixed_near(base, location, radius_km):
    """[(term, pk)] of the fixed offices within radius_km, nearest first: one indexed bounding-box query."""
    box = bounding_box(location.latitude, location.longitude, radius_km)
    return _nearest(base.in_bbox(*box).order_by().values_list("pk", "latitude", "longitude"), location, radius_km)


def _fixed_hits(base, location, radius_km):
    """
    ([(pk, term)], radius used or None for 'anywhere', widened) with the automatic widening: widened when a
    larger radius of RADIUS_CHOICES found offices, radius None when only the nearest anywhere are left.
    """
    hits = _fixed_near(base, location, radius_km)
    if not hits:
        wider = [choice for choice in RADIUS_CHOICES if choice > radius_km]
        if wider:
            widest = _fixed_near(base, location, wider[-1])
            for choice in wider:
                limit = _haversine_term(choice)
                within = [hit for hit in widest if hit[0] <= limit]
                if within:
                    return [(pk, term) for term, pk in within], choice, True
        # Nothing within the widest radius: the nearest anywhere (radius None, LotseResult.nearest_anywhere).
        anywhere = _nearest(base.order_by().values_list("pk", "latitude", "longitude"), location)
        return [(pk, term) for term, pk in anywhere], None, False
    return [(pk, term) for term, pk in hits], radius_km, False


class _LandRows:
    """
    A Land's offices by place and name, as the (pk, None, ...) rows of the result lists; counted and sliced
    in the database (a Land may have thousands of offices), so that only the shown page is fetched.
    """

    def __init__(self, queryset, width):
        self.queryset = queryset.order_by("city", "name", "pk").values_list("pk", flat=True)
        self.padding = (None, False)[: width - 1]

    def count(self):
        return self.queryset.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("_LandRows supports slices only")
        return [(pk, *self.padding) for pk in self.queryset[index]]


def _count(rows):
    return rows.count() if isinstance(rows, _LandRows) else len(rows)


def _widest_service_radius():
    """The largest service radius of any mobile office, cached until the directory changes (iqportal.cache)."""
    key = directory_cache_key("lotse", "widest-service-radius")
    widest = cache.get(key)
    if widest is None:
        widest = Beratungsstelle.objects.mobile().aggregate(widest=Max("service_radius_km"))["widest"] or 0
        widest = min(widest, MAX_SERVICE_RADIUS_KM)
        cache.set(key, widest, timeout=3600)
    return widest


def _mobile_hits(base, location):
    """
    [(pk, term, by_plz)] of the mobile offices whose service area covers the location (within its radius of
    its centre, or a postcode prefix of the place): one bounding-box query (plus the widest radius, cached).
    """
    lat, lon, plz = location.latitude, location.longitude, location.plz
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
    queryset = base
    if plz and PLZ_RE.fullmatch(plz):
        # "26, 27" serves 26345: a listed prefix is a beginning of the postcode (one regex test, on lists only).
        prefixes = "|".join(plz[:length] for length in range(1, len(plz) + 1))
        condition |= Q(service_plz_prefixes__gt="", service_plz_prefixes__regex=rf"(^|[^0-9])({prefixes})([^0-9]|$)")
    rows = (
        queryset.filter(condition)
        .order_by()
        .values_list("pk", "latitude", "longitude", "service_radius_km", "service_plz_prefixes")
    )
    hits = []
    limits = {}
    for term, pk, radius, prefixes in _nearest_with(rows, location):
        by_plz = bool(plz) and any(
            plz.startswith(prefix.strip()) for prefix in prefixes.split(",") if prefix.strip().isdigit()
        )
        if radius is not None and radius not in limits:
            limits[radius] = _haversine_term(radius)
        if by_plz or (radius is not None and term <= limits[radius]):
            hits.append((pk, term, by_plz))
    return hits


def _load_offices(pks, today, now_time):
    """The offices to show, with network, topics, languages and upcoming consultation days: 5 queries."""
    if not pks:
        return {}
    upcoming = Sprechtag.objects.filter(date__gte=today).order_by("date", "starts")
    offices = (
        Beratungsstelle.objects.filter(pk__in=pks)
        .for_lotse_list()
        .prefetch_related(Prefetch("sprechtage", queryset=upcoming, to_attr="upcoming_days"))
    )
    loaded = {}
    for office in offices:
        office.upcoming_days = [day for day in office.upcoming_days if day.date > today or day.ends > now_time][
            :NEXT_DAYS_SHOWN
        ]
        loaded[office.pk] = office
    return loaded


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
    the results to that Land. Filters: `thema` (topic slug), `sprache` (ISO 639 code), `art` ("fest" or
    "mobil"), `weg` (a COUNSELLING_WAYS key). `page` beyond the last page gives the last page.
    The parameters must be validated (lotse_forms.LotseForm does); invalid ones raise ValueError.
    """
    if radius_km not in RADIUS_CHOICES:
        raise ValueError(f"radius_km must be one of {RADIUS_CHOICES}")
    if art and art not in KINDS:
        raise ValueError(f"art must be one of {KINDS}")
    if weg and weg not in COUNSELLING_WAYS:
        raise ValueError(f"weg must be one of {tuple(COUNSELLING_WAYS)}")
    if land and land not in Bundesland.values:
        raise ValueError("land must be a Bundesland code")
    now = timezone.localtime(now or timezone.now(), timezone=BERLIN)
    result = LotseResult(
        status=Status.FOUND,
        query=query,
        requested_radius_km=radius_km,
        radius_km=radius_km,
        art=art,
        thema=thema,
        land=land,
    )

    if latitude is not None and longitude is not None:
        if not in_germany(latitude, longitude):
            raise ValueError("the position is outside Germany")
        result.location = resolve_position(latitude, longitude)
    elif query:
        result.status, result.location, candidates, others, result.by_part_of_name = resolve_query(query)
        result.candidates, result.other_places = candidates, others
        if result.status != Status.FOUND:
            return result
    elif land:
        result.location = Location(kind=LocationKind.LAND, label=Bundesland(land).label, bundesland=land)
        result.radius_km = None
    else:
        raise ValueError("give a query, a position or a land")
    location = result.location

    filters = {"thema": thema, "sprache": sprache, "weg": weg, "land": land}
    fixed, mobile = [], []
    if art != Beratungsstelle.Kind.MOBILE:
        base = _filtered(Beratungsstelle.objects.published().fixed(), **filters)
        if location.has_point:
            fixed, result.radius_km, result.widened = _fixed_hits(base, location, radius_km)
        else:
            fixed = _LandRows(base, width=2)
    if art != Beratungsstelle.Kind.FIXED:
        base = _filtered(Beratungsstelle.objects.published().mobile(), **filters)
        if location.has_point:
            mobile = _mobile_hits(base, location)
            # Postcode matches first, then by distance from the centre of the service area.
            mobile.sort(key=lambda hit: (not hit[2], hit[1], hit[0]))
        else:
            mobile = _LandRows(base, width=3)

    # The primary list is paginated; mobile counselling is shown beside page 1 of the fixed offices.
    if art == Beratungsstelle.Kind.MOBILE:
        result.page = Paginator(mobile, PAGE_SIZE).get_page(page)
        result.mobile_total = result.page.paginator.count
        shown_fixed, shown_mobile = [], list(result.page.object_list)
    else:
        result.page = Paginator(fixed, PAGE_SIZE).get_page(page)
        result.fixed_total = result.page.paginator.count
        result.mobile_total = _count(mobile)
        shown_fixed = list(result.page.object_list)
        shown_mobile = list(mobile[:MOBILE_ON_FIRST_PAGE]) if result.page.number == 1 else []

    offices = _load_offices([pk for pk, _d in shown_fixed] + [hit[0] for hit in shown_mobile], now.date(), now.time())
    result.fixed = [
        FixedHit(offices[pk], _term_to_km(term) if term is not None else None)
        for pk, term in shown_fixed
        if pk in offices
    ]
    result.mobile = [
        MobileHit(offices[pk], _term_to_km(term) if term is not None else None, by_plz, offices[pk].upcoming_days)
        for pk, term, by_plz in shown_mobile
        if pk in offices
    ]

    if location.bundesland:
        result.landesnetzwerk = Landesnetzwerk.objects.filter(bundesland=location.bundesland).first()
    return result
