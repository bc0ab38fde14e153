"""
The Lotse's map: an SVG drawn on the server, with Germany's border, the searched place and the fixed
offices of the result page, numbered as in the list, and a small overview of Germany in a corner that no
marker lies in (the map grows northwards when every corner is taken). No tiles, no script, no request to another
host.

Germany's outline (landesnetzwerke/lotse/data/germany_outline.json, 4.5 KB) was derived once from Natural Earth's
1:50m countries (public domain) as shipped by the npm package world-atlas 2.0.2 (ISC licence), simplified
with Douglas-Peucker at 0.02 degrees.
"""

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from landesnetzwerke.lotse.search import LotseResult

OUTLINE_FILE = Path(__file__).resolve().parent / "data" / "germany_outline.json"
MAP_WIDTH = 320
MIN_SPAN_KM = 40  # the smallest area shown, so that a single office still has some context
PADDING = 0.12  # of the span, on each side
KM_PER_DEGREE = 111.2
SCALE_STEPS_KM = (1, 2, 5, 10, 20, 50, 100, 200, 500)


@cache
def germany_rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Germany's border as rings of (longitude, latitude); read once per process (a few KB)."""
    with OUTLINE_FILE.open(encoding="utf-8") as handle:
        return tuple(tuple((lon, lat) for lon, lat in ring) for ring in json.load(handle)["rings"])


def _num(value: float) -> str:
    """SVG numbers as text: never localised (a German decimal comma would break the drawing)."""
    return f"{value:.1f}"


@dataclass
class Marker:
    x: str
    y: str
    number: int
    office_id: int


@dataclass
class MapData:
    width: int
    height: int
    outline_path: str
    markers: list[Marker] = field(default_factory=list)
    place: str = ""  # the searched place's marker: the points of a diamond
    place_label: str = ""
    scale_km: int = 0
    scale_px: float = 0.0
    # An overview of all Germany in a corner that no marker lies under, with the shown area marked. The inset's
    # own coordinates start at (inset_x, inset_y); the area's are relative to that corner.
    inset_path: str = ""
    inset_x: str = ""
    inset_y: str = ""
    inset_width: str = ""
    inset_height: str = ""
    area_x: str = ""
    area_y: str = ""
    area_width: str = ""
    area_height: str = ""

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def scale_y(self) -> str:
        return str(self.height - 14)

    @property
    def scale_x2(self) -> str:
        return _num(12 + self.scale_px)

    @property
    def inset_transform(self) -> str:
        return f"translate({self.inset_x} {self.inset_y})"

    @property
    def inset_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the overview map in the map's pixels."""
        left, top = float(self.inset_x), float(self.inset_y)
        return left, top, left + float(self.inset_width), top + float(self.inset_height)


class _Projection:
    """Equirectangular, with longitude scaled by the cosine of the middle latitude, into pixels."""

    def __init__(self, south: float, west: float, north: float, east: float, width: int) -> None:
        self.north, self.west = north, west
        self.kx = math.cos(math.radians((south + north) / 2))
        self.scale = width / ((east - west) * self.kx)
        self.width = width
        self.height = round((north - south) * self.scale)

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale

    def path(self, ring: tuple[tuple[float, float], ...]) -> str:
        """A closed SVG path through a ring of (longitude, latitude): the projection of each point, formatted as
        _num does, in one pass (Germany's border has some 300 points, drawn for every map)."""
        west, north, kx, scale = self.west, self.north, self.kx, self.scale
        points = " L".join(f"{(lon - west) * kx * scale:.1f} {(north - lat) * scale:.1f}" for lon, lat in ring)
        return f"M{points} Z"


def _bounds(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    lats = [lat for lat, _lon in points]
    lons = [lon for _lat, lon in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    mid_lat = (south + north) / 2
    kx = math.cos(math.radians(mid_lat))
    min_span = MIN_SPAN_KM / KM_PER_DEGREE
    lat_span = max(north - south, min_span)
    lon_span = max(east - west, min_span / kx)
    # Not taller than wide: a phone shows the map above the list.
    lat_span = max(lat_span, 0.6 * lon_span * kx)
    lon_span = max(lon_span, lat_span / kx / 1.4)
    mid_lon = (west + east) / 2
    lat_pad, lon_pad = lat_span * PADDING, lon_span * PADDING
    return (
        mid_lat - lat_span / 2 - lat_pad,
        mid_lon - lon_span / 2 - lon_pad,
        mid_lat + lat_span / 2 + lat_pad,
        mid_lon + lon_span / 2 + lon_pad,
    )


INSET_WIDTH = 72
INSET_MARGIN = 6  # between the overview map and the map's edge
GERMANY_EXTENT = (47.2, 5.8, 55.1, 15.1)
OFFICE_RADIUS = 10  # an office's circle (_map.html), without its 2 px outline
PLACE_SIZE = 14  # half the diagonal of the searched place's diamond
CLEARANCE = 4  # outline plus a little air between a marker and the overview map
Shape = tuple[float, float, float]  # a marker's centre (x, y) and half its size, in the map's pixels


def _outline_path(project: _Projection) -> str:
    return " ".join(project.path(ring) for ring in germany_rings())


@cache
def _inset() -> tuple[_Projection, str]:
    """The overview map's projection and outline (in its own coordinates): the same for every search, so drawn
    once per process."""
    inset = _Projection(*GERMANY_EXTENT, INSET_WIDTH)
    return inset, _outline_path(inset)


def _inset_corners(width: int, height: int, inset_height: int) -> list[tuple[float, float]]:
    """Where the overview may go, in order of preference: top right, top left, bottom right (the scale bar
    takes the bottom left)."""
    right = width - INSET_WIDTH - INSET_MARGIN
    bottom = height - inset_height - INSET_MARGIN
    corners: list[tuple[float, float]] = [(right, INSET_MARGIN), (INSET_MARGIN, INSET_MARGIN)]
    if bottom >= INSET_MARGIN:
        corners.append((right, bottom))
    return corners


def _overlap(shapes: list[Shape], left: float, top: float, inset_height: int) -> float:
    """How far (in px) the lowest of `shapes` (x, y, half size) reaches into the box at (left, top); 0 if none."""
    right, bottom = left + INSET_WIDTH, top + inset_height
    reach = 0.0
    for x, y, half in shapes:
        half += CLEARANCE
        if x + half > left and x - half < right and y + half > top and y - half < bottom:
            reach = max(reach, bottom - (y - half))
    return reach


def _place_inset(
    south: float, west: float, north: float, east: float, shapes_of: Callable[[_Projection], list[Shape]]
) -> tuple[_Projection, tuple[float, float]]:
    """
    The projection and the overview's corner such that no marker lies under the overview: the first free corner,
    else the map grows northwards (taller, about the same scale) until the top right corner is free.
    `shapes_of(project)` gives the markers as (x, y, half size) in the map's pixels.
    """
    inset, _path = _inset()
    for _attempt in range(6):
        project = _Projection(south, west, north, east, MAP_WIDTH)
        shapes = shapes_of(project)
        corners = _inset_corners(project.width, project.height, inset.height)
        for left, top in corners:
            if not _overlap(shapes, left, top, inset.height):
                return project, (left, top)
        reach = _overlap(shapes, *corners[0], inset.height)
        north += (reach + 1) / project.scale
    return project, corners[0]  # not reached in practice: each round frees the top right corner


def result_map(result: LotseResult | None) -> MapData | None:
    """MapData for a LotseResult (the place and the fixed offices on its page), or None if nothing to show."""
    if result is None or not result.found:
        return None
    location = result.location
    hits = result.fixed
    points = [hit.coordinates for hit in hits]
    place_point = None
    if location is not None and location.latitude is not None and location.longitude is not None:
        place_point = (location.latitude, location.longitude)
        points.append(place_point)
    if not points:
        return None
    south, west, north, east = _bounds(points)

    def shapes_of(project: _Projection) -> list[Shape]:
        shapes: list[Shape] = [(*project(*hit.coordinates), OFFICE_RADIUS) for hit in hits]
        if place_point is not None:
            shapes.append((*project(*place_point), PLACE_SIZE))
        return shapes

    project, (inset_x, inset_y) = _place_inset(south, west, north, east, shapes_of)
    north = project.north
    markers = []
    for number, hit in enumerate(hits, start=result.first_number):
        x, y = project(*hit.coordinates)
        markers.append(Marker(_num(x), _num(y), number=number, office_id=hit.office_id))
    place = ""
    if place_point is not None:
        x, y = project(*place_point)
        size = PLACE_SIZE  # a little larger than an office's circle, so that it shows around one at the same spot
        corners = ((x, y - size), (x + size, y), (x, y + size), (x - size, y))
        place = " ".join(f"{_num(px)},{_num(py)}" for px, py in corners)
    # A scale bar of a round length, about a quarter of the width.
    km_per_px = KM_PER_DEGREE / project.scale
    target = MAP_WIDTH / 4 * km_per_px
    scale_km = max((step for step in SCALE_STEPS_KM if step <= target), default=SCALE_STEPS_KM[0])
    inset, inset_path = _inset()
    (x1, y1), (x2, y2) = inset(north, west), inset(south, east)
    area = {
        "area_x": _num(max(0.0, x1)),
        "area_y": _num(max(0.0, y1)),
        "area_width": _num(max(2.0, min(x2, INSET_WIDTH) - max(0.0, x1))),
        "area_height": _num(max(2.0, min(y2, inset.height) - max(0.0, y1))),
    }
    return MapData(
        inset_path=inset_path,
        inset_x=_num(inset_x),
        inset_y=_num(inset_y),
        inset_width=_num(INSET_WIDTH),
        inset_height=_num(inset.height),
        **area,
        width=MAP_WIDTH,
        height=project.height,
        outline_path=_outline_path(project),
        # Drawn last-to-first so that number 1 lies on top where markers overlap.
        markers=list(reversed(markers)),
        place=place,
        place_label=location.label if location is not None else "",
        scale_km=scale_km,
        scale_px=round(scale_km / km_per_px, 1),
    )
