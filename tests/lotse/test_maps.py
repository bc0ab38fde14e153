"""
The Lotse's server-rendered map (landesnetzwerke/lotse/maps.py, lotse/_map.html): the overview of Germany in a
corner never hides the searched place or an office's marker.
"""

import re
from types import SimpleNamespace

import pytest

from landesnetzwerke.lotse import maps
from landesnetzwerke.lotse import search as lotse
from tests.html import parse
from tests.lotse.helpers import search_url

pytestmark = pytest.mark.django_db

# Searches whose place or offices lay under the overview in the top right corner before it was placed with
# care, and a spread of others (cities, border and coast regions, Bavaria).
SEARCHES = (
    "37073",
    "17489",
    "94032",
    "Passau",
    "Köln",
    "55116",
    "79098",
    "83022",
    "10115",
    "30159",
    "80331",
    "20095",
    "01067",
    "24103",
    "66111",
    "78462",
    "18055",
    "26121",
    "25980",
    "02826",
)


def _boxes_overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def marker_boxes(map_data):
    """(label, (left, top, right, bottom)) of every marker as drawn: circles of r=10 and the place's diamond."""
    boxes = []
    for marker in map_data.markers:
        x, y = float(marker.x), float(marker.y)
        boxes.append((f"office {marker.number}", (x - 10, y - 10, x + 10, y + 10)))
    if map_data.place:
        points = [tuple(map(float, point.split(","))) for point in map_data.place.split()]
        xs, ys = [x for x, _y in points], [y for _x, y in points]
        boxes.append(("place", (min(xs), min(ys), max(xs), max(ys))))
    return boxes


def hidden_markers(map_data):
    return [label for label, box in marker_boxes(map_data) if _boxes_overlap(box, map_data.inset_box)]


@pytest.mark.parametrize("query", SEARCHES)
def test_no_marker_lies_under_the_overview_map(query):
    map_data = maps.result_map(lotse.search_offices(query=query))
    assert map_data is not None, f"no map for {query}"
    assert map_data.markers, f"no office on the map for {query}"
    assert not hidden_markers(map_data), f"{query}: {hidden_markers(map_data)} under the overview {map_data.inset_box}"
    # The overview lies inside the map.
    left, top, right, bottom = map_data.inset_box
    assert 0 <= left and right <= map_data.width and 0 <= top and bottom <= map_data.height


def _fake_result(points, place):
    offices = [
        SimpleNamespace(latitude=lat, longitude=lon, name=f"Stelle {number}", pk=number)
        for number, (lat, lon) in enumerate(points, start=1)
    ]
    location = SimpleNamespace(latitude=place[0], longitude=place[1], has_point=True, label="Ort")
    hits = [lotse.FixedHit(office=office, distance_km=None, number=office.pk) for office in offices]
    return SimpleNamespace(found=True, location=location, fixed=hits, first_number=1)


def test_the_map_grows_when_every_corner_is_taken():
    """Offices in all four corners of the area: the map grows northwards to make room for the overview."""
    corners = [(51.0, 9.0), (51.0, 10.0), (51.6, 9.0), (51.6, 10.0)]
    map_data = maps.result_map(_fake_result(corners, place=(51.3, 9.5)))
    assert not hidden_markers(map_data)
    plain = maps._Projection(*maps._bounds([*corners, (51.3, 9.5)]), maps.MAP_WIDTH)
    assert map_data.height > plain.height


def test_rendered_map_draws_the_overview_where_the_markers_are_not(client):
    response = client.get(search_url(q="37073"))
    svg = parse(response).xpath('//figure[contains(@class, "lotse-map")]/*[local-name()="svg"]')[0]
    inset = svg.xpath('.//*[local-name()="g"][contains(@class, "map-inset")]')[0]
    x, y = map(float, re.fullmatch(r"translate\(([\d.]+) ([\d.]+)\)", inset.get("transform")).groups())
    frame = inset.xpath('./*[local-name()="rect"][contains(@class, "map-inset-frame")]')[0]
    box = (x, y, x + float(frame.get("width")), y + float(frame.get("height")))
    for circle in svg.xpath('.//*[local-name()="g"][contains(@class, "map-office")]/*[local-name()="circle"]'):
        cx, cy, r = float(circle.get("cx")), float(circle.get("cy")), float(circle.get("r"))
        assert not _boxes_overlap((cx - r, cy - r, cx + r, cy + r), box)
    points = svg.xpath('.//*[local-name()="polygon"]')[0].get("points").split()
    xs = [float(point.split(",")[0]) for point in points]
    ys = [float(point.split(",")[1]) for point in points]
    assert not _boxes_overlap((min(xs), min(ys), max(xs), max(ys)), box)
