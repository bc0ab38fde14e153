"""
The Lotse's map: an SVG drawn on the server, with Germany's border, the searched place and the fixed
offices of the result page, numbered as in the list. No tiles, no script, no request to another host.

Germany's outline (landesnetzwerke/data/germany_outline.json, 4.5 KB) was derived once from Natural Earth's
1:50m countries (public domain) as shipped by the npm package world-atlas 2.0.2 (ISC licence), simplified
with Douglas-Peucker at 0.02 degrees.
"""

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

OUTLINE_FILE = Path(__file__).resolve().parent / "data" / "germany_outline.json"
MAP_WIDTH = 320
MIN_SPAN_KM = 40  # the smallest area shown, so that a single office still has some context
PADDING = 0.12  # of the span, on each side
KM_PER_DEGREE = 111.2
SCALE_STEPS_KM = (1, 2, 5, 10, 20, 50, 100, 200, 500)


@cache
def germany_rings():
    """Germany's border as rings of (longitude, latitude); read once per process (a few KB)."""
    with OUTLINE_FILE.open(encoding="utf-8") as handle:
        return tuple(tuple((lon, lat) for lon, lat in ring) for ring in json.load(handle)["rings"])


def _num(value):
    """SVG numbers as text: never localised (a German decimal comma would break the drawing)."""
    return f"{value:.1f}"


@dataclass
class Marker:
    x: str
    y: str
    number: int
    name: str
    office_id: int


@dataclass
class MapData:
    width: int
    height: int
    outline_path: str
    markers: list = field(default_factory=list)
    place: str = ""  # the searched place's marker: the points of a diamond
    place_label: str = ""
    scale_km: int = 0
    scale_px: float = 0.0
    # An overview of all Germany in a corner, with the shown area marked.
    inset_path: str = ""
    inset_x: str = ""
    inset_width: str = ""
    inset_height: str = ""
    area_x: str = ""
    area_y: str = ""
    area_width: str = ""
    area_height: str = ""

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def scale_y(self):
        return str(self.height - 14)

    @property
    def scale_x2(self):
        return _num(12 + self.scale_px)


class _Projection:
    """Equirectangular, with longitude scaled by the cosine of the middle latitude, into pixels."""

    def __init__(self, south, west, north, east, width):
        self.north, self.west = north, west
        self.kx = math.cos(math.radians((south + north) / 2))
        self.scale = width / ((east - west) * self.kx)
        self.width = width
        self.height = round((north - south) * self.scale)

    def __call__(self, lat, lon):
        return (lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale


def _bounds(points):
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
GERMANY_EXTENT = (47.2, 5.8, 55.1, 15.1)


def _outline_path(project, offset_x=0.0, offset_y=0.0):
    parts = []
    for ring in germany_rings():
        coords = [project(lat, lon) for lon, lat in ring]
        parts.append("M" + " L".join(f"{_num(x + offset_x)} {_num(y + offset_y)}" for x, y in coords) + " Z")
    return " ".join(parts)


@cache
def _inset():
    """The overview map's projection, left edge and outline: the same for every search, so drawn once per process."""
    inset = _Projection(*GERMANY_EXTENT, INSET_WIDTH)
    inset_x = MAP_WIDTH - INSET_WIDTH - 6
    return inset, inset_x, _outline_path(inset, inset_x, 6)


def result_map(result):
    """MapData for a LotseResult (the place and the fixed offices on its page), or None if nothing to show."""
    if result is None or not result.found:
        return None
    location = result.location
    offices = [hit.office for hit in result.fixed]
    points = [(office.latitude, office.longitude) for office in offices]
    if location is not None and location.has_point:
        points.append((location.latitude, location.longitude))
    if not points:
        return None
    south, west, north, east = _bounds(points)
    project = _Projection(south, west, north, east, MAP_WIDTH)
    markers = []
    for number, office in enumerate(offices, start=result.first_number):
        x, y = project(office.latitude, office.longitude)
        markers.append(Marker(_num(x), _num(y), number=number, name=office.name, office_id=office.pk))
    place = ""
    if location is not None and location.has_point:
        x, y = project(location.latitude, location.longitude)
        size = 14  # a little larger than an office's circle, so that it shows around one at the same spot
        corners = ((x, y - size), (x + size, y), (x, y + size), (x - size, y))
        place = " ".join(f"{_num(px)},{_num(py)}" for px, py in corners)
    # A scale bar of a round length, about a quarter of the width.
    km_per_px = (east - west) * math.cos(math.radians((south + north) / 2)) * KM_PER_DEGREE / MAP_WIDTH
    target = MAP_WIDTH / 4 * km_per_px
    scale_km = max((step for step in SCALE_STEPS_KM if step <= target), default=SCALE_STEPS_KM[0])
    inset, inset_x, inset_path = _inset()
    (x1, y1), (x2, y2) = inset(north, west), inset(south, east)
    area = {
        "area_x": _num(inset_x + max(0.0, x1)),
        "area_y": _num(6 + max(0.0, y1)),
        "area_width": _num(max(2.0, min(x2, INSET_WIDTH) - max(0.0, x1))),
        "area_height": _num(max(2.0, min(y2, inset.height) - max(0.0, y1))),
    }
    return MapData(
        inset_path=inset_path,
        inset_x=_num(inset_x),
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
