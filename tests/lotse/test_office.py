"""The Lotse's office page: what a visitor needs to go there or get in touch, structured data and vCard."""

import datetime
import json
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.lotse import office as lotse_office
from landesnetzwerke.lotse import views as lotse_views
from landesnetzwerke.lotse.links import lotse_url
from landesnetzwerke.models import Oeffnungszeit, Sprache, Thema
from landesnetzwerke.public_holidays import Holiday, holiday_on, holidays_between
from tests.factories import make_consultation_day, make_office
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    arabic = Sprache.objects.get_or_create(code="ar", defaults={"name_en": "Arabic", "name_local": "العربية"})[0]
    office = make_office(
        latitude=52.5200,
        longitude=13.4050,
        name="Teststelle <Mitte> & Co",
        street="Alexanderplatz 1",
        plz="10178",
        city="Berlin",
        traeger="Testträger e. V.",
        phone="030 123 45-67",
        email="mitte@example.org",
        website="https://example.org/mitte",
        topics=[Thema.objects.get(slug="anerkennung")],
        languages=[arabic],
        by_video=True,
        wheelchair_accessible=True,
        is_sample=False,
    )
    office.set_current_language("de")
    office.accessibility = "Eingang mit Rampe."
    office.directions = "U-Bahn Alexanderplatz."
    office.save()
    Oeffnungszeit.objects.create(beratungsstelle=office, weekday=0, opens=datetime.time(9), closes=datetime.time(13))
    Oeffnungszeit.objects.create(beratungsstelle=office, weekday=3, opens=datetime.time(14), closes=datetime.time(18))
    return office


def test_office_page_shows_what_a_visitor_needs(client, office):
    response = client.get(office.get_absolute_url())
    assert response.status_code == 200
    tree = parse(response)
    text = tree.text_content()
    assert tree.xpath("//h1")[0].text_content() == "Teststelle <Mitte> & Co"
    assert "&lt;Mitte&gt; &amp; Co" in response.content.decode()
    for expected in ("Alexanderplatz 1", "10178", "Berlin", "U-Bahn Alexanderplatz.", "Eingang mit Rampe."):
        assert expected in text
    hrefs = tree.xpath("//main//a/@href")
    assert "tel:+49301234567" in hrefs
    assert "mailto:mitte@example.org" in hrefs
    assert "geo:52.520000,13.405000" in hrefs
    assert any(h.startswith("https://www.openstreetmap.org/?mlat=52.520000&mlon=13.405000") for h in hrefs)
    assert reverse("landesnetzwerke:detail", kwargs={"slug": office.landesnetzwerk.slug}) in hrefs
    assert reverse("lotse:office-vcard", kwargs={"pk": office.pk}) in hrefs
    # Languages in the visitor's language plus the language's own name, marked with its lang.
    assert tree.xpath('//span[@lang="ar"]')[0].text == "العربية"
    assert "Anerkennungsberatung" in text
    # Real data: no sample-data notice; and no embedded map tiles or frames.
    assert not tree.xpath('//*[contains(@class, "sample-notice")]')
    assert not tree.xpath("//iframe") and not tree.xpath("//img[contains(@src, 'openstreetmap')]")
    assert len(tree.xpath("//h1")) == 1


def test_office_page_in_english(client, office):
    response = client.get(office.get_absolute_url().replace("/de/", "/en/", 1))
    assert response.status_code == 200
    assert parse(response).xpath("//html/@lang") == ["en"]


def test_json_ld_is_valid_and_cannot_break_out_of_its_script(client, office):
    response = client.get(office.get_absolute_url())
    scripts = parse(response).xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    raw = scripts[0].text
    assert "</" not in raw and "<Mitte>" not in raw
    data = json.loads(raw)
    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "Teststelle <Mitte> & Co"
    assert data["address"]["postalCode"] == "10178"
    assert data["geo"]["latitude"] == pytest.approx(52.52)
    assert {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "13:00",
    } in data["openingHoursSpecification"]
    assert data["knowsLanguage"] == ["ar"]


def test_sample_offices_are_not_offered_to_search_engines(client, office):
    """Invented addresses and contacts: a notice for visitors, noindex and no schema.org business for robots."""
    office.is_sample = True
    office.save()
    tree = parse(client.get(office.get_absolute_url()))
    assert tree.xpath('//*[contains(@class, "sample-notice")]')
    assert tree.xpath('//head/meta[@name="robots"]/@content') == ["noindex"]
    assert not tree.xpath('//script[@type="application/ld+json"]')
    assert lotse_office.json_ld(office, "https://example.org/") == ""


def test_real_offices_may_be_indexed(client, office):
    tree = parse(client.get(office.get_absolute_url()))
    assert not tree.xpath('//meta[@name="robots"]')


def test_vcard_download(client, office):
    response = client.get(reverse("lotse:office-vcard", kwargs={"pk": office.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    assert "attachment" in response["Content-Disposition"]
    card = response.content.decode()
    assert card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and card.endswith("END:VCARD\r\n")
    assert "FN:Teststelle <Mitte> & Co\r\n" in card
    assert "ADR;TYPE=work:;;Alexanderplatz 1;Berlin;Berlin;10178;Deutschland" in card
    assert "TEL;TYPE=work,voice;VALUE=uri:tel:+4930123456" in card.replace("\r\n ", "")
    assert all(len(line.encode()) <= 75 for line in card.split("\r\n"))


def test_vcard_escapes_separators():
    class Office:
        name = "A, B; C\\D"
        traeger = ""
        street = "Weg 1\nHof"
        city = "Ort"
        plz = "12345"
        phone = ""
        email = ""
        website = ""
        latitude, longitude = 50.0, 8.0
        is_sample = False

        def get_bundesland_display(self):
            return "Hessen"

    card = lotse_office.vcard(Office(), "https://example.org/v")
    assert "FN:A\\, B\\; C\\\\D" in card
    assert "Weg 1\\nHof" in card


def test_unpublished_and_missing_offices_are_404(client, office):
    office.published = False
    office.save()
    assert client.get(office.get_absolute_url()).status_code == 404
    assert client.get(reverse("lotse:office-vcard", kwargs={"pk": office.pk})).status_code == 404
    assert client.get(reverse("lotse:office", kwargs={"pk": 987654321})).status_code == 404


def test_unpublished_offices_are_not_found_by_the_search(client, office):
    office.published = False
    office.save()
    response = client.get(reverse("lotse:search") + "?q=10178")
    assert f'data-office-id="{office.pk}"' not in response.content.decode()


def at(day, hour, minute=0):
    """A moment in Berlin on a weekday of the week of 2 March 2026 (a Monday), given in UTC."""
    local = datetime.datetime(2026, 3, 2 + day, hour, minute, tzinfo=BERLIN)
    return local.astimezone(datetime.UTC)


def test_open_now_is_computed_in_berlin_time(office):
    slots = list(office.opening_hours.all())
    monday_morning = lotse_office.opening_status(slots, at(0, 10))
    assert monday_morning.is_open and monday_morning.closes == datetime.time(13)
    # 08:30 UTC on a Monday in March is 09:30 in Berlin: open.
    assert lotse_office.opening_status(slots, datetime.datetime(2026, 3, 2, 8, 30, tzinfo=datetime.UTC)).is_open
    # 12:30 UTC is 13:30 in Berlin: closed, next opening Thursday 14:00.
    closed = lotse_office.opening_status(slots, datetime.datetime(2026, 3, 2, 12, 30, tzinfo=datetime.UTC))
    assert not closed.is_open and closed.next_day == 3 and closed.next_opens == datetime.time(14)
    early = lotse_office.opening_status(slots, at(0, 7))
    assert not early.is_open and early.next_is_today and early.next_opens == datetime.time(9)
    # Summer time: 07:30 UTC on 1 June 2026 (a Monday) is 09:30 in Berlin.
    assert lotse_office.opening_status(slots, datetime.datetime(2026, 6, 1, 7, 30, tzinfo=datetime.UTC)).is_open
    friday = lotse_office.opening_status(slots, at(4, 12))
    assert friday.next_day == 0 and not friday.next_is_today
    assert lotse_office.opening_status([], at(0, 10)) is None


def test_after_the_only_slot_of_the_day_the_next_opening_is_next_week():
    """Monday 14:00, open only on Mondays 9-13: the next opening is Monday of next week, not "Monday"."""
    slots = [SimpleNamespace(weekday=0, opens=datetime.time(9), closes=datetime.time(13))]
    status = lotse_office.opening_status(slots, at(0, 14))
    assert not status.is_open and not status.next_is_today
    assert status.next_day == 0 and status.next_opens == datetime.time(9)
    assert status.next_is_next_week
    assert status.next_date == datetime.date(2026, 3, 9)
    # Earlier the same Monday: today; on Tuesday: Monday, six days on (not "next week").
    assert lotse_office.opening_status(slots, at(0, 7)).next_is_today
    tuesday = lotse_office.opening_status(slots, at(1, 10))
    assert not tuesday.next_is_next_week and tuesday.next_date == datetime.date(2026, 3, 9)


def test_office_page_says_next_monday_after_mondays_hours(client, office, monkeypatch):
    Oeffnungszeit.objects.filter(beratungsstelle=office).delete()
    Oeffnungszeit.objects.create(beratungsstelle=office, weekday=0, opens=datetime.time(9), closes=datetime.time(13))
    monkeypatch.setattr(lotse_views, "german_time", lambda: at(0, 14).astimezone(BERLIN))
    response = client.get(office.get_absolute_url().replace("/de/", "/en/", 1))
    status = " ".join(parse(response).xpath('//*[contains(@class, "lotse-open-status")]')[0].text_content().split())
    assert "Closed now" in status
    assert "opens next Monday (March 9, 2026) at" in status
    assert "opens Monday at" not in status


def test_office_page_says_whether_it_is_open(client, office):
    now = timezone.localtime(timezone.now(), BERLIN)
    Oeffnungszeit.objects.filter(beratungsstelle=office).delete()
    Oeffnungszeit.objects.create(
        beratungsstelle=office, weekday=now.weekday(), opens=datetime.time(0, 0), closes=datetime.time(23, 59, 59)
    )
    status = parse(client.get(office.get_absolute_url())).xpath('//*[contains(@class, "lotse-open-status")]')
    # Closed on a public holiday of its Land (Berlin): the test may run on one.
    holiday = holiday_on(office.bundesland, now.date())
    assert "is-open" in status[0].get("class") or now.time() >= datetime.time(23, 59, 59) or holiday is not None


def test_mobile_office_page_shows_area_and_future_days(client):
    today = timezone.localtime(timezone.now(), BERLIN).date()
    mobile = make_office(
        kind="mobil", latitude=53.0, longitude=8.8, bundesland="HB", service_radius_km=35, service_plz_prefixes="27, 28"
    )
    past = make_consultation_day(mobile, today - datetime.timedelta(days=1), place="Gestern-Halle")
    future = make_consultation_day(mobile, today + datetime.timedelta(days=2), place="Übermorgen-Halle")
    response = client.get(mobile.get_absolute_url())
    assert response.status_code == 200
    text = parse(response).text_content()
    assert "35" in text and "27, 28" in text
    assert future.place in text and past.place not in text
    data = json.loads(parse(response).xpath('//script[@type="application/ld+json"]')[0].text)
    assert data["areaServed"]["geoRadius"] == 35000


def test_mobile_office_json_ld_puts_phone_and_email_on_the_provider(client):
    """schema.org's Service has no telephone or email: they belong to its provider's ContactPoint."""
    mobile = make_office(
        kind="mobil",
        latitude=53.0,
        longitude=8.8,
        bundesland="HB",
        name="Mobile Beratung Bremen-Nord",
        traeger="Träger Nord e. V.",
        phone="0421 123456",
        email="mobil@example.org",
        is_sample=False,
    )
    data = json.loads(lotse_office.json_ld(mobile, "https://example.org/stelle/1/"))
    assert data["@type"] == "Service"
    assert "telephone" not in data and "email" not in data
    assert data["provider"]["@type"] == "Organization"
    assert data["provider"]["name"] == "Träger Nord e. V."
    contact = data["provider"]["contactPoint"]
    assert contact == {
        "@type": "ContactPoint",
        "name": "Mobile Beratung Bremen-Nord",
        "telephone": "0421 123456",
        "email": "mobil@example.org",
    }


def test_fixed_office_json_ld_keeps_phone_and_email(office):
    data = json.loads(lotse_office.json_ld(office, "https://example.org/stelle/1/"))
    assert data["@type"] == "LocalBusiness"
    assert data["telephone"] == "030 123 45-67" and data["email"] == "mitte@example.org"


def test_print_stylesheet_is_linked(client, office):
    tree = parse(client.get(office.get_absolute_url()))
    assert tree.xpath('//link[@rel="stylesheet"][@media="print"]')


def test_lotse_links_work_where_the_lotse_page_is_not_translated():
    """django CMS serves the Lotse page in a language it has no content for (fallback) but cannot reverse its
    URLs there: the search stays on its path and office links go to the default language, never a 500."""
    with translation.override("xx"):
        assert lotse_url("search") == "/xx/lotse/"
        assert lotse_url("office", pk=5) == "/de/lotse/stelle/5/"
        assert lotse_url("office-vcard", pk=5) == "/de/lotse/stelle/5/vcard/"
    with translation.override("de"):
        assert lotse_url("office", pk=5) == "/de/lotse/stelle/5/"


# Public holidays: the office is closed, says which holiday it is, and the next opening skips them. ------------


def berlin(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(datetime.UTC)


def test_on_a_public_holiday_the_office_is_closed_and_says_why():
    """Saturday 3 October 2026 (Day of German Unity), an office open on Saturdays 10-14."""
    slots = [SimpleNamespace(weekday=5, opens=datetime.time(10), closes=datetime.time(14))]
    now = berlin(2026, 10, 3, 11)
    assert lotse_office.opening_status(slots, now).is_open  # without the holidays
    status = lotse_office.opening_status(slots, now, holidays_between("BE", datetime.date(2026, 10, 3), now.date()))
    assert not status.is_open
    assert status.holiday == Holiday(name="Tag der Deutschen Einheit", language="de")
    assert status.next_date == datetime.date(2026, 10, 10) and status.next_is_next_week


def test_epiphany_closes_an_office_in_bavaria_but_not_in_north_rhine_westphalia():
    """Tuesday 6 January 2026, offices open on Tuesdays 9-13."""
    now = berlin(2026, 1, 6, 10)
    by_status = {}
    for land in ("BY", "NW"):
        office = make_office(latitude=50.0, longitude=10.0, bundesland=land)
        Oeffnungszeit.objects.create(
            beratungsstelle=office, weekday=1, opens=datetime.time(9), closes=datetime.time(13)
        )
        by_status[land] = lotse_office.office_opening_status(office, office.opening_hours.all(), now, "de")
    assert not by_status["BY"].is_open
    assert by_status["BY"].holiday.name == "Heilige Drei Könige"
    assert by_status["BY"].next_date == datetime.date(2026, 1, 13)
    assert by_status["NW"].is_open and by_status["NW"].holiday is None


def test_the_next_opening_skips_holidays_even_weeks_away():
    """Open on Fridays only: Christmas Day 2026 and New Year's Day 2027 are Fridays, so from Christmas morning
    the next opening is 8 January 2027, a fortnight on, said with its date."""
    slots = [SimpleNamespace(weekday=4, opens=datetime.time(9), closes=datetime.time(12))]
    now = berlin(2026, 12, 25, 10)
    holidays = holidays_between("NI", now.date(), datetime.date(2027, 1, 31), "en")
    status = lotse_office.opening_status(slots, now, holidays)
    assert status.holiday.name == "Christmas Day"
    assert status.next_date == datetime.date(2027, 1, 8) and status.next_offset == 14
    assert status.next_is_later and not status.next_is_next_week
    # The evening before (no holiday today): next opening a fortnight on as well, not tomorrow's holiday.
    eve = lotse_office.opening_status(slots, berlin(2026, 12, 24, 18), holidays)
    assert eve.holiday is None and eve.next_date == datetime.date(2027, 1, 8)


def holiday_status_text(client, office, language, now, monkeypatch):
    monkeypatch.setattr(lotse_views, "german_time", lambda: now.astimezone(BERLIN))
    response = client.get(office.get_absolute_url().replace("/de/", f"/{language}/", 1))
    assert response.status_code == 200
    return parse(response).xpath('//*[contains(@class, "lotse-open-status")]')[0]


@pytest.mark.parametrize(
    ("language", "headline", "detail"),
    [
        ("de", "Heute geschlossen (Feiertag: Tag der Deutschen Einheit)", "öffnet am Montag um 09:00 Uhr"),
        ("en", "Closed today (public holiday: German Unity Day)", "opens Monday at 9 a.m."),
        ("uk", "Сьогодні зачинено (державне свято: День німецької єдності)", None),
    ],
)
def test_office_page_names_the_holiday_in_the_visitors_language(
    client, office, monkeypatch, language, headline, detail
):
    status = holiday_status_text(client, office, language, berlin(2026, 10, 3, 10), monkeypatch)
    text = " ".join(status.text_content().split())
    assert "is-closed" in status.get("class")
    assert text.startswith(headline)
    if detail:
        assert text.endswith(detail)
    assert not status.xpath(".//*[@lang]")  # the name is in the page's language


@pytest.mark.parametrize("language", ["ar", "fa", "tr"])
def test_office_page_gives_the_holiday_in_german_where_there_is_no_translation(client, office, monkeypatch, language):
    status = holiday_status_text(client, office, language, berlin(2026, 10, 3, 10), monkeypatch)
    name = status.xpath(".//bdi[@lang='de']")
    assert [element.text for element in name] == ["Tag der Deutschen Einheit"]
    assert name[0].get("dir") == "ltr"


def test_office_page_on_a_land_specific_holiday(client, monkeypatch):
    bavarian = make_office(latitude=48.14, longitude=11.58, bundesland="BY")
    Oeffnungszeit.objects.create(beratungsstelle=bavarian, weekday=1, opens=datetime.time(9), closes=datetime.time(13))
    rhenish = make_office(latitude=51.23, longitude=6.78, bundesland="NW")
    Oeffnungszeit.objects.create(beratungsstelle=rhenish, weekday=1, opens=datetime.time(9), closes=datetime.time(13))
    now = berlin(2026, 1, 6, 10)
    closed = " ".join(holiday_status_text(client, bavarian, "en", now, monkeypatch).text_content().split())
    assert closed == "Closed today (public holiday: Epiphany) – opens next Tuesday (Jan. 13, 2026) at 9 a.m."
    assert " ".join(holiday_status_text(client, rhenish, "en", now, monkeypatch).text_content().split()).startswith(
        "Open now"
    )
