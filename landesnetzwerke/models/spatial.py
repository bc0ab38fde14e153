"""
Great-circle distances and service areas in SQL, so that the Lotse's search ranks, counts and pages offices in the
database (BeratungsstelleQuerySet.near, .by_distance and .serving), never all offices in Python.

- `distance_term(lat, lon)`: the haversine formula's inner term from a point to the office's coordinates,
  sin²(Δφ/2) + cos φ0 · cos φ · sin²(Δλ/2) (geo.haversine_term, geo.term_to_km). It grows with the distance:
  radius tests compare it with haversine_term(radius), rankings order by it, and only the shown offices' terms
  become kilometres. Both databases compute it with their own math functions (PostgreSQL; SQLite 3.35+, or
  Django's Python fallbacks where SQLite was built without them), so both give the same results.
- `ServesPostcode(plz)`: the office lists a beginning of the postcode among its service_plz_prefixes ("26, 27"
  serves 26345).
- `ServiceDiscBoxContains(lat, lon)` (PostgreSQL only): the box around a mobile office's service area contains
  the point. Its SQL is the expression of the GiST index office_service_disc_gist (migration 0010 of this app), so
  that finding the offices whose area covers a place costs as many index entries as there are such offices,
  whatever the radii.

The indexes: office_geo_idx (published, kind, latitude, longitude) narrows a bounding box on both databases; on
PostgreSQL, office_fixed_near_pg covers the fixed offices' box scans (an index-only scan) and two more indexes serve
mobile counselling: office_service_disc_gist (service areas by radius) and office_service_plz_gin (by postcode).
"""

import math

from django.db.models import BooleanField, F, FloatField, Func, Q

from landesnetzwerke.geo import EARTH_RADIUS_KM, bounding_box

# How the prefix lists are read: without blanks (spaces, tabs, line breaks), split at commas.
_BLANKS = (" ", "\t", "\n", "\r")


class DistanceTerm(Func):
    """
    The haversine term from (latitude, longitude) to each office (see geo.haversine_term); it grows with the
    distance. One node with its own SQL: the ORM resolves, copies and compares it on every query, and a tree of
    functions cost more to handle than the database took to compute it.
    """

    output_field = FloatField()
    template = (
        "(POWER(SIN(RADIANS({lat} - %s) / 2), 2) + %s * COS(RADIANS({lat})) * POWER(SIN(RADIANS({lon} - %s) / 2), 2))"
    )

    def __init__(self, latitude: float, longitude: float) -> None:
        self.point = (float(latitude), float(longitude))
        super().__init__(F("latitude"), F("longitude"))

    def as_sql(self, compiler, connection, **extra_context):
        (lat, lat_params), (lon, lon_params) = (compiler.compile(column) for column in self.source_expressions)
        latitude, longitude = self.point
        sql = self.template.format(lat=lat, lon=lon)
        return sql, [*lat_params, latitude, math.cos(math.radians(latitude)), *lat_params, *lon_params, longitude]


def distance_term(latitude: float, longitude: float) -> DistanceTerm:
    return DistanceTerm(latitude, longitude)


class ServiceReachTerm(Func):
    """The haversine term of each mobile office's own service radius: a place is covered where its distance_term is
    at most this."""

    output_field = FloatField()

    def __init__(self) -> None:
        super().__init__(F("service_radius_km"))

    def as_sql(self, compiler, connection, **extra_context):
        radius, params = compiler.compile(self.source_expressions[0])
        return f"POWER(SIN(CAST({radius} AS REAL) / %s), 2)", [*params, 2 * EARTH_RADIUS_KM]

    def as_postgresql(self, compiler, connection, **extra_context):
        radius, params = compiler.compile(self.source_expressions[0])
        return f"POWER(SIN({radius}::float8 / %s), 2)", [*params, 2 * EARTH_RADIUS_KM]


def service_reach_term() -> ServiceReachTerm:
    return ServiceReachTerm()


def in_box(latitude: float, longitude: float, radius_km: float) -> Q:
    """Offices inside the bounding box of the circle (geo.bounding_box): a range scan of office_geo_idx."""
    south, west, north, east = bounding_box(latitude, longitude, radius_km)
    return Q(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)


class ServesPostcode(Func):
    """
    True where the office's service_plz_prefixes list a beginning of `plz` (the list read without blanks, split at
    commas; a malformed or empty postcode is served by no list). PostgreSQL compares arrays, as its GIN index
    office_service_plz_gin does; other databases look for ",<beginning>," in ",<list>,".
    """

    output_field = BooleanField()

    def __init__(self, plz: str) -> None:
        plz = plz or ""
        self.beginnings = [plz[:length] for length in range(1, 6)] if len(plz) == 5 and plz.isdigit() else []
        super().__init__(F("service_plz_prefixes"))

    def _prefixes(self, compiler):
        """The list without blanks (one REPLACE for each: the same expression as the GIN index's)."""
        sql, params = compiler.compile(self.source_expressions[0])
        for blank in _BLANKS:
            sql, params = f"REPLACE({sql}, %s, '')", [*params, blank]
        return sql, params

    def as_sql(self, compiler, connection, **extra_context):
        if not self.beginnings:
            return "(1 = 0)", []
        prefixes_sql, prefixes_params = self._prefixes(compiler)
        tests = " OR ".join([f"(',' || {prefixes_sql} || ',') LIKE %s"] * len(self.beginnings))
        params = [param for beginning in self.beginnings for param in (*prefixes_params, f"%,{beginning},%")]
        return f"({tests})", params

    def as_postgresql(self, compiler, connection, **extra_context):
        if not self.beginnings:
            return "(1 = 0)", []
        prefixes_sql, prefixes_params = self._prefixes(compiler)
        return f"(string_to_array({prefixes_sql}, ',') && %s::text[])", [*prefixes_params, self.beginnings]


# The box around a mobile office's service area (its disc of service_radius_km around its coordinates), in the
# form of geo.bounding_box. The GiST index office_service_disc_gist indexes exactly this expression.
SERVICE_DISC_BOX_SQL = (
    "box("
    "point({lon} - degrees({radius}::float8 / 6371.0088) / cos(radians(least(89.0::float8, abs({lat})"
    " + degrees({radius}::float8 / 6371.0088)))), {lat} - degrees({radius}::float8 / 6371.0088)), "
    "point({lon} + degrees({radius}::float8 / 6371.0088) / cos(radians(least(89.0::float8, abs({lat})"
    " + degrees({radius}::float8 / 6371.0088)))), {lat} + degrees({radius}::float8 / 6371.0088)))"
)


class ServiceDiscBoxContains(Func):
    """PostgreSQL: the box around each office's service area contains the point (see SERVICE_DISC_BOX_SQL); an exact
    test of the distance follows it (BeratungsstelleQuerySet.serving)."""

    output_field = BooleanField()

    def __init__(self, latitude: float, longitude: float) -> None:
        self.point = (float(longitude), float(latitude))
        super().__init__(F("latitude"), F("longitude"), F("service_radius_km"))

    def as_sql(self, compiler, connection, **extra_context):
        raise NotImplementedError("ServiceDiscBoxContains is for PostgreSQL's GiST index only")

    def as_postgresql(self, compiler, connection, **extra_context):
        (lat, lat_params), (lon, lon_params), (radius, radius_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        if lat_params or lon_params or radius_params:
            raise ValueError("the service area's columns compile without parameters")
        box = SERVICE_DISC_BOX_SQL.format(lat=lat, lon=lon, radius=radius)
        # A box of no extent around the point: GiST's box operator class compares boxes with boxes.
        return f"({box} @> box(point(%s, %s), point(%s, %s)))", [*self.point, *self.point]
