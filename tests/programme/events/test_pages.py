"""
The event pages as a visitor sees them: upcoming events (not yet ended at the request, the soonest first), the
archive (the latest first), filters, pagination, an event's page in German time, the home and network blocks.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.html import get_tree, page_text, parse, text_of
from tests.programme.editorial import berlin, make_event

pytestmark = pytest.mark.django_db

UPCOMING, ARCHIVE = "/{}/termine/", "/{}/termine/archiv/"


def listed(tree):
    return tree.xpath('//section[@id="events"]//li/@data-event')


def soon(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


def test_upcoming_events_come_soonest_first_and_ended_ones_go_to_the_archive(client):
    later = make_event(starts_at=soon(3))
    sooner = make_event(starts_at=soon(1))
    running = make_event(starts_at=soon(-1), ends_at=soon(1))  # started, not ended: still upcoming
    ended = make_event(starts_at=soon(-3), ends_at=soon(-1 / 60))  # ended a minute ago
    upcoming = listed(get_tree(client, UPCOMING.format("de")))
    assert upcoming[:3] == [running.slug, sooner.slug, later.slug]
    assert ended.slug not in upcoming
    archive = listed(get_tree(client, ARCHIVE.format("de")))
    assert archive[0] == ended.slug
    assert not {running.slug, sooner.slug, later.slug} & set(archive)


def test_the_archive_is_newest_first_and_paginated(client):
    past = [make_event(starts_at=soon(-24 * (n + 1)), land="HB") for n in range(12)]
    tree = get_tree(client, ARCHIVE.format("de") + "?netzwerk=bremen")
    assert listed(tree) == [event.slug for event in past[:10]]
    second = listed(get_tree(client, ARCHIVE.format("de") + "?netzwerk=bremen&page=2"))
    assert second[:2] == [past[10].slug, past[11].slug]


def test_filters_by_network_and_audience(client):
    ni_employers = make_event(starts_at=soon(5), land="NI", audiences=["arbeitgeber"])
    ni_migrants = make_event(starts_at=soon(5), land="NI", audiences=["zugewanderte"])
    by_employers = make_event(starts_at=soon(5), land="BY", audiences=["arbeitgeber", "fachpublikum"])
    tree = get_tree(client, UPCOMING.format("de") + "?netzwerk=niedersachsen&zielgruppe=arbeitgeber")
    assert ni_employers.slug in listed(tree)
    assert not {ni_migrants.slug, by_employers.slug} & set(listed(tree))
    by_audience = listed(get_tree(client, UPCOMING.format("de") + "?zielgruppe=fachpublikum"))
    assert by_employers.slug in by_audience and ni_employers.slug not in by_audience


@pytest.mark.parametrize("query", ["zielgruppe=alle", "netzwerk=%00", "zielgruppe=arbeitgeber&netzwerk=nirgendwo"])
def test_bad_filter_values_give_a_message_never_an_error(client, query):
    response = client.get(UPCOMING.format("de") + "?" + query)
    assert response.status_code == 200
    tree = parse(response)
    assert tree.xpath('//div[@id="error-summary"]//li')
    assert tree.xpath('//select[@aria-invalid="true"]')


def test_an_events_page_shows_german_time_place_audience_and_languages(client):
    event = make_event(
        starts_at=datetime.datetime(2031, 7, 1, 8, 0, tzinfo=datetime.UTC),  # 10:00 in Berlin (summer time)
        ends_at=datetime.datetime(2031, 7, 1, 10, 30, tzinfo=datetime.UTC),
        attendance="vor-ort",
        online_url="",
        venue="Rathaus",
        street="Markt 1",
        plz="30159",
        city="Hannover",
        land="NI",
        audiences=["arbeitgeber"],
        registration_email="anmeldung@example.org",
        texts={"de": "Infotag", "en": "Info day"},
    )
    event.sprachen.set(["de", "ar"])
    text = page_text(client.get(f"/de/termine/{event.slug}/"))
    assert "Dienstag, 1. Juli 2031, 10:00–12:30" in text
    assert "Rathaus, Markt 1, 30159 Hannover" in text
    assert "Für Arbeitgeber" in text
    assert "Deutsch" in text and "Arabisch" in text
    english = page_text(Client().get(f"/en/termine/{event.slug}/"))
    assert "Tuesday, July 1, 2031" in english and "Arabic" in english and "For Employers" in english
    tree = get_tree(client, f"/de/termine/{event.slug}/")
    assert tree.xpath('//a[@href="mailto:anmeldung@example.org"]')
    assert tree.xpath(f'//a[@href="/de/termine/{event.slug}.ics"]')
    assert tree.xpath("//time/@datetime")[0] == "2031-07-01T10:00:00+02:00"


def test_a_past_events_page_says_so_and_offers_no_registration(client):
    event = make_event(starts_at=soon(-5), registration_url="https://example.org/anmeldung")
    tree = get_tree(client, f"/de/termine/{event.slug}/")
    assert tree.xpath('//p[@class="event-ended"]')
    assert not tree.xpath('//a[@href="https://example.org/anmeldung"]')
    assert not tree.xpath('//a[@href="https://example.org/online"]')


def test_an_unknown_event_is_not_found(client):
    assert client.get("/de/termine/gibt-es-nicht/").status_code == 404
    assert client.get("/de/termine/gibt-es-nicht.ics").status_code == 404


def test_drafts_are_not_public(client):
    draft = make_event(starts_at=soon(2), publish=False, land="NI", texts={"de": "Entwurfstermin"})
    for url in (UPCOMING.format("de"), "/de/", "/de/landesnetzwerke/niedersachsen/", "/de/termine/termine.ics"):
        assert "Entwurfstermin" not in client.get(url).content.decode(), url
    assert client.get(f"/de/termine/{draft.slug}/").status_code == 404
    assert client.get(f"/de/termine/{draft.slug}.ics").status_code == 404


def test_the_home_page_and_a_networks_page_show_the_next_events(client):
    client.get("/de/")  # cached from now on
    ni = [make_event(starts_at=soon(0.5 + n / 10), land="NI", texts={"de": f"Bald {n}"}) for n in range(4)]
    by = make_event(starts_at=soon(0.4), land="BY", texts={"de": "Bayern bald"})
    home = get_tree(client, "/de/").xpath('//section[@id="next-events"]//li/@data-event')
    assert home == [by.slug, ni[0].slug, ni[1].slug]
    network = get_tree(client, "/de/landesnetzwerke/niedersachsen/")
    assert network.xpath('//section[@id="next-events"]//li/@data-event') == [event.slug for event in ni[:3]]


def test_the_upcoming_list_is_not_cached_beyond_the_end_of_its_first_event(client):
    make_event(starts_at=soon(-1), ends_at=timezone.now() + datetime.timedelta(seconds=30))
    response = client.get(UPCOMING.format("de"))
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 <= max_age <= 31


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("path", [UPCOMING, ARCHIVE])
def test_query_count_of_the_lists_does_not_grow_with_the_number_of_events(client, path):
    sign = -1 if path == ARCHIVE else 1
    url = path.format("de") + "?netzwerk=thueringen"
    make_event(starts_at=soon(sign * 3), land="TH", audiences=["arbeitgeber"])
    count_queries(client, url)  # warms what a process loads once, and the caches of the lists and the menu
    count_queries(client, url)
    few = count_queries(client, url)
    for n in range(10):
        event = make_event(starts_at=soon(sign * (4 + n)), land="TH", audiences=["arbeitgeber", "fachpublikum"])
        event.sprachen.set(["de", "en"])
    count_queries(client, url)  # the new events emptied the caches of the lists and the menu: warm them again
    count_queries(client, url)
    assert count_queries(client, url) == few


def test_an_event_over_several_days_shows_both_dates(client):
    event = make_event(starts_at=berlin(2031, 3, 10, 9), ends_at=berlin(2031, 3, 11, 16), texts={"de": "Zwei Tage"})
    text = page_text(client.get(f"/de/termine/{event.slug}/"))
    assert "Montag, 10. März 2031, 09:00 – Dienstag, 11. März 2031, 16:00" in text


def test_an_ended_event_leaves_the_upcoming_list_without_any_change(client):
    event = make_event(starts_at=soon(-1), ends_at=soon(1))
    assert event.slug in listed(get_tree(client, UPCOMING.format("de")))
    event.__class__.objects.filter(pk=event.pk).update(ends_at=soon(-0.01))  # as time passes
    client_later = Client()
    assert event.slug not in listed(get_tree(client_later, UPCOMING.format("de")))
    assert event.slug in listed(get_tree(client_later, ARCHIVE.format("de")))
    assert text_of(get_tree(client_later, ARCHIVE.format("de")), "//h1")
