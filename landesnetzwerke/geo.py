"""
Plain geometry on WGS 84 coordinates: great-circle distances, bounding boxes and Germany's extent.

The models, the gazetteer build and the Lotse import these; nothing here touches the database.
"""

import math

EARTH_RADIUS_KM = 6371.0088
# Germany's extent with a small margin (south, west, north, east): where the Lotse accepts coordinates.
GERMANY_BOUNDS = (47.2, 5.8, 55.1, 15.1)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS 84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def haversine_term(distance_km: float) -> float:
    """
    The haversine formula's inner term for a great-circle distance: sin²(d / 2R). It grows with the distance, so
    radius tests and rankings can compare terms (the database computes them: landesnetzwerke.models.spatial) and
    take the arc sine only for the distances shown.
    """
    return math.sin(min(distance_km, math.pi * EARTH_RADIUS_KM) / (2 * EARTH_RADIUS_KM)) ** 2


def term_to_km(term: float) -> float:
    """The great-circle distance of a haversine term (the inverse of haversine_term)."""
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(max(term, 0.0))))


def bounding_box(latitude: float, longitude: float, radius_km: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a box that contains the circle of `radius_km` around the point."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    # The circle is widest in longitude at the latitude nearest the pole.
    widest = min(89.0, abs(latitude) + dlat)
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * math.cos(math.radians(widest))))
    return latitude - dlat, longitude - dlon, latitude + dlat, longitude + dlon


def in_germany(latitude: float, longitude: float) -> bool:
    south, west, north, east = GERMANY_BOUNDS
    return south <= latitude <= north and west <= longitude <= east
