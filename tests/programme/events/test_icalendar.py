"""The iCalendar files (RFC 5545), parsed with the icalendar package: one event, and all upcoming events."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone
from djangocms_versioning.models import Version

from programme.page_builder import get_system_user
from tests.programme.editorial import add_text, berlin, make_event, new_draft

pytestmark = pytest.mark.django_db


def calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    # Lines end with CRLF and are folded at 75 octets.
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    return icalendar.Calendar.from_ical(raw), raw


def vevents(cal):
    return [component for component in cal.walk("VEVENT")]


def on_site_event(**fields):
    values = {
        "starts_at": berlin(2031, 12, 1, 17),
        "ends_at": berlin(2031, 12, 1, 19, 30),
        "attendance": "vor-ort",
        "online_url": "",
        "venue": "Saal; Haus 2, hinten",
        "street": "Markt 1",
        "plz": "30159",
        "city": "Hannover",
        "land": "NI",
        "texts": {"de": "Café, Beratung; und mehr: ein sehr langer Titel, der über eine Zeile hinausgeht, bitte"},
    }
    values.update(fields)
    return make_event(**values)


def test_an_events_calendar_file(client):
    event = on_site_event(registration_email="anmeldung@example.org")
    cal, raw = calendar(client, f"/de/termine/{event.slug}.ics")
    assert cal["VERSION"] == "2.0" and cal["PRODID"] == "-//IQ Portal//Termine//DE"
    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Berlin"]
    (vevent,) = vevents(cal)
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert start == berlin(2031, 12, 1, 17) and end == berlin(2031, 12, 1, 19, 30)
    assert b"DTSTART;TZID=Europe/Berlin:20311201T170000" in raw
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    # Text with commas, semicolons and colons survives escaping and folding.
    assert str(vevent["SUMMARY"]) == event.contents.get(language="de").title
    assert str(vevent["LOCATION"]) == "Saal; Haus 2, hinten, Markt 1, 30159 Hannover"
    assert b"Saal\\; Haus 2\\, hinten" in raw
    latitude, longitude = vevent["GEO"].latitude, vevent["GEO"].longitude
    assert abs(latitude - event.latitude) < 1e-6 and abs(longitude - event.longitude) < 1e-6
    assert 52 < latitude < 53 and 9 < longitude < 10  # Hannover, from the gazetteer
    assert str(vevent["URL"]) == f"http://testserver/de/termine/{event.slug}/"
    assert "mailto:anmeldung@example.org" in str(vevent["ORGANIZER"])
    assert response_is_attachment(client, f"/de/termine/{event.slug}.ics", f"{event.slug}.ics")


def response_is_attachment(client, url, filename):
    return client.get(url)["Content-Disposition"] == f'attachment; filename="{filename}"'


def test_the_uid_is_stable_for_an_event_in_every_language_and_version(client):
    event = on_site_event(texts={"de": "Termin", "en": "Event"})
    uid = str(vevents(calendar(client, f"/de/termine/{event.slug}.ics")[0])[0]["UID"])
    english = vevents(calendar(client, f"/en/termine/{event.slug}.ics")[0])[0]
    assert str(english["UID"]) == uid and str(english["SUMMARY"]) == "Event"
    draft = new_draft(event.contents.get(language="de"))
    draft.title = "Termin, neu"
    draft.save()
    Version.objects.get_for_content(draft).publish(get_system_user())
    again = vevents(calendar(client, f"/de/termine/{event.slug}.ics")[0])[0]
    assert str(again["UID"]) == uid and str(again["SUMMARY"]) == "Termin, neu"
    other = on_site_event()
    assert str(vevents(calendar(client, f"/de/termine/{other.slug}.ics")[0])[0]["UID"]) != uid


def test_an_online_event_has_its_link(client):
    event = make_event(starts_at=berlin(2031, 5, 5, 18), online_url="https://example.org/raum?id=1,2")
    (vevent,) = vevents(calendar(client, f"/de/termine/{event.slug}.ics")[0])
    assert str(vevent["LOCATION"]) == "https://example.org/raum?id=1,2"
    assert "GEO" not in vevent
    assert "https://example.org/raum?id=1,2" in str(vevent["DESCRIPTION"])


def test_the_calendar_of_all_upcoming_events(client):
    now = timezone.now()
    upcoming = make_event(starts_at=now + datetime.timedelta(days=1), texts={"de": "Kommt noch", "en": "Still to come"})
    make_event(starts_at=now - datetime.timedelta(days=1), texts={"de": "Schon vorbei"})
    draft = make_event(starts_at=now + datetime.timedelta(days=2), texts={"de": "Nur Entwurf"}, publish=False)
    add_text(draft, "en", title="Draft only", publish=False)
    cal, _raw = calendar(client, "/de/termine/termine.ics")
    summaries = [str(vevent["SUMMARY"]) for vevent in vevents(cal)]
    assert "Kommt noch" in summaries
    assert "Schon vorbei" not in summaries and "Nur Entwurf" not in summaries
    starts = [vevent.decoded("DTSTART") for vevent in vevents(cal)]
    assert starts == sorted(starts) and all(start + datetime.timedelta(hours=3) > now for start in starts)
    assert len(cal.walk("VTIMEZONE")) == 1
    english = [str(vevent["SUMMARY"]) for vevent in vevents(calendar(client, "/en/termine/termine.ics")[0])]
    assert "Still to come" in english and "Kommt noch" not in english and "Draft only" not in english
    assert str(vevents(cal)[[str(v["SUMMARY"]) for v in vevents(cal)].index("Kommt noch")]["URL"]).endswith(
        f"/de/termine/{upcoming.slug}/"
    )


def test_winter_and_summer_time(client):
    winter = make_event(starts_at=datetime.datetime(2031, 1, 15, 9, tzinfo=datetime.UTC))
    summer = make_event(starts_at=datetime.datetime(2031, 7, 15, 9, tzinfo=datetime.UTC))
    for event, local_hour in ((winter, 10), (summer, 11)):
        (vevent,) = vevents(calendar(client, f"/de/termine/{event.slug}.ics")[0])
        start = vevent.decoded("DTSTART")
        assert start.astimezone(ZoneInfo("Europe/Berlin")).hour == local_hour
        assert start.utcoffset() == datetime.timedelta(hours=local_hour - 9)
