"""
Helpers for the Lotse tests (no tests in this module): small factories for offices and consultation days,
an independent great-circle distance, and a parser for the result markup of DESIGN.md section 3.
"""

import datetime
import math
from itertools import count

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Sprechtag

_numbers = count(1)


@pytest.fixture(autouse=True)
def german_urls():
    """URLs are reversed in German (/de/…) whatever language an earlier test's request left active.
    Autouse in every module that imports it."""
    with translation.override("de"):
        yield


def haversine(lat1, lon1, lat2, lon2):
    """Great-circle distance in km, written independently of the app (atan2 form, mean earth radius)."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.atan2(math.sqrt(h), math.sqrt(1 - h))


def make_office(*, latitude, longitude, bundesland="BE", kind="fest", topics=(), languages=(), **fields):
    """A published office of the given Land's network; topics and languages as Thema/Sprache objects."""
    number = next(_numbers)
    values = {
        "name": f"Teststelle {number}",
        "plz": "10115",
        "city": "Teststadt",
        "street": f"Testweg {number}",
        "phone": "030 1234567",
        "email": f"test{number}@example.org",
        "published": True,
    }
    values.update(fields)
    office = Beratungsstelle.objects.create(
        kind=kind,
        landesnetzwerk=Landesnetzwerk.objects.get(bundesland=bundesland),
        bundesland=bundesland,
        latitude=latitude,
        longitude=longitude,
        **values,
    )
    if topics:
        office.topics.set(topics)
    if languages:
        office.languages.set(languages)
    return office


def make_sprechtag(office, date, starts=datetime.time(10), ends=datetime.time(14), place="Rathaus"):
    return Sprechtag.objects.create(
        beratungsstelle=office, date=date, starts=starts, ends=ends, place=place, address="Markt 1"
    )


def search_url(**params):
    from urllib.parse import urlencode

    return f"{reverse('lotse:search')}?{urlencode(params)}"


def results(response):
    """[{'id', 'kind', 'distance'}] of the result items, in page order (distance None for mobile ones)."""
    tree = lxml.html.fromstring(response.content.decode())
    containers = tree.xpath('//*[@id="results"]')
    assert len(containers) == 1, "exactly one element with id=results"
    items = []
    for element in containers[0].xpath(".//*[@data-office-id]"):
        distance = element.get("data-distance-km")
        items.append(
            {
                "id": int(element.get("data-office-id")),
                "kind": element.get("data-kind"),
                "distance": float(distance) if distance is not None else None,
            }
        )
    return items


def html_tree(response):
    return lxml.html.fromstring(response.content.decode())
