"""
The result cards' parts that depend on the office alone come from the cache (landesnetzwerke.lotse.cards): what a
visitor sees is what the card's templates render, and any change of an office, its languages or its consultation
days shows at once.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.models import Sprache
from tests.factories import make_consultation_day, make_office
from tests.html import parse
from tests.lotse.helpers import search_url

pytestmark = pytest.mark.django_db
LEIPZIG = (51.3397, 12.3731)


def card_text(client, office, **params):
    response = client.get(search_url(q="04109", **params))
    (item,) = parse(response).xpath(f'//*[@id="results"]//*[@data-office-id="{office.pk}"]')
    return " ".join(item.text_content().split())


def test_a_changed_office_shows_at_once_though_its_card_is_cached(client):
    office = make_office(latitude=LEIPZIG[0], longitude=LEIPZIG[1], bundesland="SN", phone="0341 111111")
    assert "0341 111111" in card_text(client, office)
    office.phone = "0341 222222"
    office.save()
    text = card_text(client, office)
    assert "0341 222222" in text and "0341 111111" not in text


def test_a_language_added_to_an_office_shows_at_once(client):
    office = make_office(latitude=LEIPZIG[0], longitude=LEIPZIG[1], bundesland="SN")
    assert "Tigrinya" not in card_text(client, office)
    office.languages.add(Sprache.objects.get_or_create(code="ti", defaults={"name_en": "Tigrinya"})[0])
    assert "Tigrinya" in card_text(client, office)


def test_a_cached_card_shows_the_next_days_of_each_search(client):
    office = make_office(kind="mobil", latitude=LEIPZIG[0], longitude=LEIPZIG[1], bundesland="SN", service_radius_km=30)
    today = timezone.localtime(timezone.now(), BERLIN).date()
    make_consultation_day(office, today + datetime.timedelta(days=2), place="Zuerst")
    card_text(client, office)  # the card is cached now
    make_consultation_day(office, today + datetime.timedelta(days=1), place="Neu davor")
    text = card_text(client, office)
    assert text.index("Neu davor") < text.index("Zuerst")


def test_a_page_whose_cards_are_cached_reads_no_office(client):
    """The search ranks offices by key; the page reads an office only to render a card the cache does not hold."""
    office = make_office(latitude=LEIPZIG[0], longitude=LEIPZIG[1], bundesland="SN")
    first = card_text(client, office, art="fest")
    with CaptureQueriesContext(connection) as queries:
        again = card_text(client, office, art="fest")  # the response itself is not cached in the tests
    assert again == first
    offices_read = [
        query["sql"]
        for query in queries.captured_queries
        if '"landesnetzwerke_beratungsstelle"."version"' in query["sql"]
    ]
    assert offices_read == []


def test_cards_are_in_the_visitors_language(client):
    office = make_office(latitude=LEIPZIG[0], longitude=LEIPZIG[1], bundesland="SN", by_video=True)
    client.get(search_url(q="04109"))
    response = client.get("/en/lotse/?q=04109")
    (item,) = parse(response).xpath(f'//*[@data-office-id="{office.pk}"]')
    assert "by video" in item.text_content() and "Video" not in item.text_content()  # German: "per Video"
