"""
Place resolution: what the visitor typed (or where the browser says they are) as a `Location` in Germany.

`resolve_query()` takes a postcode (in any script's digits), a place name (case, diacritics and umlaut spellings
ignored, names in other scripts included), "PLZ place", or "Stadt-Stadtteil" (a name the gazetteer does not know
as a whole: the place its parts name) and returns a `Resolution`: the location found, or the places an ambiguous
name may mean, or close matches for an unknown one. `resolve_position()` labels coordinates with the nearest
postcode. Everything is read from the gazetteer tables (landesnetzwerke.models.gazetteer) in a few indexed queries.
"""

import difflib
import enum
import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q

from landesnetzwerke.geo import bounding_box, haversine_km
from landesnetzwerke.models import Bundesland, Ort, Ortsname, Postleitzahl
from landesnetzwerke.names import koelner_phonetik, normalize_name

# ASCII digits only: normalize_query() turns every script's digits into these first.
PLZ_RE = re.compile(r"[0-9]{5}")
_PLZ_FIRST = re.compile(r"^([0-9]{5})(?:[ ,]+(.*))?$")
_PLZ_LAST = re.compile(r"^(.*?)[ ,]+([0-9]{5})$")
_SPACED_DIGITS = re.compile(r"(?<![0-9])[0-9]+(?: [0-9]+)+(?![0-9])")

# A name shared by several places resolves to the biggest one only if it dominates clearly.
DOMINANT_FACTOR = 20
DOMINANT_MIN_POPULATION = 20000
MAX_CANDIDATES = 20
MAX_SUGGESTIONS = 6
SUGGESTION_CUTOFF = 0.72
SUGGESTION_POOL = 3000
# "10969 Kreuzberg": the visitor's place name is kept in the label when such a place lies this near the postcode.
NAMED_PLACE_NEAR_PLZ_KM = 25
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


def bundesland_name(code: str) -> str:
    """The Bundesland's name for its code, "" for no or an unknown code."""
    return Bundesland(code).label if code in Bundesland.values else ""


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
    def bundesland_name(self) -> str:
        return bundesland_name(self.bundesland)

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_land(self) -> bool:
        return self.kind == LocationKind.LAND

    @property
    def is_position(self) -> bool:
        return self.kind == LocationKind.POSITION


@dataclass(frozen=True)
class PlaceCandidate:
    """A place (or postcode) the visitor may have meant; `query` is the search that picks it."""

    name: str
    bundesland: str
    plz: str
    population: int = 0

    @property
    def query(self) -> str:
        return f"{self.plz} {self.name}".strip()

    @property
    def bundesland_name(self) -> str:
        return bundesland_name(self.bundesland)


@dataclass(frozen=True)
class Resolution:
    """What a query names: a location (FOUND), the places it may mean (AMBIGUOUS), or close matches (NOT_FOUND)."""

    status: Status
    location: Location | None = None
    # AMBIGUOUS: the places the name may mean; NOT_FOUND: close matches of an unknown name or postcode.
    candidates: list[PlaceCandidate] = field(default_factory=list)
    # FOUND by a name that other, smaller places share.
    other_places: list[PlaceCandidate] = field(default_factory=list)
    # FOUND for an unknown name: the location is the town or district its parts name.
    by_part_of_name: bool = False

    @property
    def found(self) -> bool:
        return self.status == Status.FOUND


def _ascii_digit(char: str) -> str:
    if char.isascii():
        return char
    digit = unicodedata.decimal(char, None)
    return char if digit is None else str(digit)


def _join_postcode(match: re.Match[str]) -> str:
    digits = match.group().replace(" ", "")
    return digits if len(digits) == 5 else match.group()


def normalize_query(text: str | None) -> str:
    """
    The visitor's query with whitespace collapsed, the decimal digits of every script (Arabic-Indic ١٠١١٥,
    Persian ۱۰۱۱۵, full-width １０１１５) as ASCII digits, and a postcode typed in groups ("10 115") joined.
    """
    text = "".join(_ascii_digit(char) for char in (text or ""))
    return _SPACED_DIGITS.sub(_join_postcode, " ".join(text.split()))


def parse_query(query: str | None) -> tuple[str, str]:
    """Split "10115 Berlin", "Berlin 10115", "10115" or "Berlin" into (plz, name)."""
    query = normalize_query(query)
    match = _PLZ_FIRST.match(query)
    if match:
        return match.group(1), (match.group(2) or "").strip(" ,")
    match = _PLZ_LAST.match(query)
    if match:
        return match.group(2), match.group(1).strip(" ,")
    return "", query


# Places by name ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Named:
    """A place a name key finds, and whether the name is the place's own (German) one rather than another name."""

    place: Ort
    own_name: bool

    @property
    def population(self) -> int:
        return self.place.population


def _candidate(place: Ort) -> PlaceCandidate:
    return PlaceCandidate(name=place.name, bundesland=place.bundesland, plz=place.plz, population=place.population)


def _place_location(place: Ort) -> Location:
    return Location(LocationKind.PLACE, place.name, place.bundesland, place.latitude, place.longitude, place.plz)


def _places_named(keys: set[str]) -> dict[str, list[_Named]]:
    """{key: places} for these name keys: the distinct places with the name (any script), biggest first. One query."""
    found: dict[str, dict[int, _Named]] = {key: {} for key in keys}
    for name in Ortsname.objects.matching_any(keys).select_related("ort"):
        known = found[name.key].get(name.ort_id)
        found[name.key][name.ort_id] = _Named(name.ort, own_name=name.is_main or (known is not None and known.own_name))
    return {key: sorted(named.values(), key=_biggest_first) for key, named in found.items()}


def _biggest_first(named: _Named) -> tuple[int, str, str]:
    return -named.population, named.place.name, named.place.plz


def _name_splits(key: str) -> list[tuple[str, str]]:
    """("town", "district") keys of a name key, the longest town first: "a b c" gives ("a b", "c"), ("a", "b c")."""
    tokens = key.split()
    if not 1 < len(tokens) <= MAX_NAME_PARTS:
        return []
    return [(" ".join(tokens[:cut]), " ".join(tokens[cut:])) for cut in range(len(tokens) - 1, 0, -1)]


def _km(named: _Named, other: _Named) -> float:
    return haversine_km(named.place.latitude, named.place.longitude, other.place.latitude, other.place.longitude)


def _place_by_parts(splits: list[tuple[str, str]], places_by_key: dict[str, list[_Named]]) -> Ort | None:
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
            named.place.pk: named
            for named in places_by_key[district_key]
            if any(_km(named, town) <= DISTRICT_KM for town in towns)
        }
        if len(districts) == 1:
            return next(iter(districts.values())).place
        town = towns[0] if len(towns) == 1 else _pick_place(towns)
        if town is None:
            cities = [named for named in towns if named.population >= CITY_MIN_POPULATION]
            town = cities[0] if len(cities) == 1 else None
        if town is not None:
            return town.place
    return None


def _dominates(named: _Named, rivals: list[_Named]) -> bool:
    """A place clearly bigger than every rival: the one a visitor means by a name they share."""
    biggest_rival = max((rival.population for rival in rivals), default=0)
    return named.population >= DOMINANT_MIN_POPULATION and named.population >= DOMINANT_FACTOR * biggest_rival


def _pick_place(places: list[_Named]) -> _Named | None:
    """The place meant by a name several places share, or None when the visitor must choose."""
    own = [named for named in places if named.own_name]
    if own:
        # The name is a place's own German name ("Kiel") and other places only have it as another name
        # ("Kehl", once called "Kiel"): the own name wins unless a far bigger place merely shares it.
        top = own[0]
        others = [named for named in places if named is not top]
        if (len(own) == 1 or _dominates(top, own[1:])) and top.population >= max(n.population for n in others):
            return top
    return places[0] if _dominates(places[0], places[1:]) else None


# Suggestions ----------------------------------------------------------------------------------------------


def _suggest_names(key: str) -> list[PlaceCandidate]:
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
    scored: dict[PlaceCandidate, float] = {}
    for name_key, name, land, plz, population in rows:
        ratio = difflib.SequenceMatcher(None, key, name_key).ratio()
        if ratio < SUGGESTION_CUTOFF:
            continue
        candidate = PlaceCandidate(name=name, bundesland=land, plz=plz, population=population)
        scored[candidate] = max(ratio, scored.get(candidate, 0.0))
    ranked = sorted(scored.items(), key=lambda item: (-round(item[1], 2), -item[0].population, item[0].name))
    return [candidate for candidate, _ratio in ranked[:MAX_SUGGESTIONS]]


def _suggest_postcodes(plz: str) -> list[PlaceCandidate]:
    """Existing postcodes that share the longest possible beginning with an unknown one."""
    for length in (4, 3, 2):
        rows = list(Postleitzahl.objects.with_prefix(plz[:length])[:MAX_SUGGESTIONS])
        if rows:
            return [PlaceCandidate(name=row.place_name, bundesland=row.bundesland, plz=row.code) for row in rows]
    return []


# Resolution -----------------------------------------------------------------------------------------------


def _postcode_location(row: Postleitzahl, name: str) -> Location:
    """The postcode's centre, labelled "PLZ place" with the visitor's place name where it lies near the postcode."""
    label = f"{row.code} {row.place_name}"
    key = normalize_name(name)
    if key and key != normalize_name(row.place_name):
        # "10969 Kreuzberg": keep the visitor's place name when such a place lies near the postcode.
        south, west, north, east = bounding_box(row.latitude, row.longitude, NAMED_PLACE_NEAR_PLZ_KM)
        named = Ortsname.objects.matching(key).filter(
            ort__latitude__range=(south, north), ort__longitude__range=(west, east)
        )
        match = named.select_related("ort").first()
        if match is not None:
            label = f"{row.code} {match.ort.name}"
    return Location(LocationKind.PLZ, label, row.bundesland, row.latitude, row.longitude, row.code)


def _resolve_name(key: str) -> Resolution:
    splits = _name_splits(key)
    places_by_key = _places_named({key, *(part for split in splits for part in split)})
    places = places_by_key[key]
    if not places:
        by_parts = _place_by_parts(splits, places_by_key)
        if by_parts is not None:
            return Resolution(Status.FOUND, _place_location(by_parts), by_part_of_name=True)
        return Resolution(Status.NOT_FOUND, candidates=_suggest_names(key))
    if len(places) == 1:
        return Resolution(Status.FOUND, _place_location(places[0].place))
    meant = _pick_place(places)
    if meant is not None:
        others = [_candidate(named.place) for named in places if named is not meant][:MAX_CANDIDATES]
        return Resolution(Status.FOUND, _place_location(meant.place), other_places=others)
    return Resolution(Status.AMBIGUOUS, candidates=[_candidate(named.place) for named in places[:MAX_CANDIDATES]])


def resolve_query(query: str) -> Resolution:
    """The location a postcode and/or place name names, or the places the visitor may mean."""
    plz, name = parse_query(query)
    if plz:
        row = Postleitzahl.objects.filter(code=plz).first()
        if row is not None:
            return Resolution(Status.FOUND, _postcode_location(row, name))
        if not name:
            return Resolution(Status.NOT_FOUND, candidates=_suggest_postcodes(plz))
    key = normalize_name(name)
    if not key:
        return Resolution(Status.NOT_FOUND)
    return _resolve_name(key)


def resolve_position(latitude: float, longitude: float) -> Location:
    """The visitor's position (from the browser), labelled with the nearest postcode."""
    nearest = Postleitzahl.objects.nearest(latitude, longitude)
    if nearest is None:
        return Location(LocationKind.POSITION, f"{latitude:.3f}, {longitude:.3f}", "", latitude, longitude)
    label = f"{nearest.code} {nearest.place_name}"
    return Location(LocationKind.POSITION, label, nearest.bundesland, latitude, longitude, nearest.code)


def land_location(code: str) -> Location:
    """A whole Bundesland (its code), as searched from a Landesnetzwerk's page."""
    return Location(kind=LocationKind.LAND, label=Bundesland(code).label, bundesland=code)
