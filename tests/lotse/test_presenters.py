"""
The sentences the Lotse says about a result, a mobile office's service area and an office's opening status
(landesnetzwerke.lotse.presenters), in German and English, with the visitor's text escaped.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from landesnetzwerke.lotse import presenters
from landesnetzwerke.lotse.office import OpeningStatus
from landesnetzwerke.lotse.places import Location, LocationKind, PlaceCandidate, Status
from landesnetzwerke.lotse.search import LotseResult, MobileHit
from landesnetzwerke.public_holidays import Holiday

BERLIN_PLZ = Location(LocationKind.PLZ, "10115 Berlin", "BE", latitude=52.53, longitude=13.38, plz="10115")
SAXONY = Location(LocationKind.LAND, "Sachsen", "SN")


def found(location=BERLIN_PLZ, **fields):
    return LotseResult(status=Status.FOUND, location=location, **fields)


def say(language, presenter, subject):
    with translation.override(language):
        return str(presenter(subject))


@pytest.mark.parametrize(
    ("language", "result", "heading"),
    [
        ("de", found(), "Beratung in der Nähe von <bdi>10115 Berlin</bdi>"),
        ("en", found(), "Counselling near <bdi>10115 Berlin</bdi>"),
        ("de", found(SAXONY, thema="arbeitgeber"), "Ansprechstellen für Arbeitgeber in Sachsen"),
        ("en", found(SAXONY), "Counselling in Sachsen"),
        ("en", found(Location(LocationKind.POSITION, "", "", 52.5, 13.4)), "Counselling near your position"),
        (
            "en",
            found(Location(LocationKind.POSITION, "10115 Berlin", "BE", 52.5, 13.4)),
            "Counselling near your position (<bdi>10115 Berlin</bdi>)",
        ),
    ],
)
def test_the_heading_says_where_and_for_whom(language, result, heading):
    assert say(language, presenters.results_heading, result) == heading


@pytest.mark.parametrize(
    ("language", "fields", "sentence"),
    [
        ("de", {"fixed_total": 1, "radius_km": 25}, "1 Beratungsstelle im Umkreis von 25 km."),
        ("de", {"fixed_total": 12, "radius_km": 50}, "12 Beratungsstellen im Umkreis von 50 km."),
        ("en", {"fixed_total": 1, "radius_km": 25}, "1 counselling office within 25 km."),
        ("en", {"fixed_total": 3, "radius_km": None}, "3 counselling offices, the nearest first."),
        (
            "de",
            {"fixed_total": 2, "radius_km": None, "thema": "arbeitgeber"},
            "2 Ansprechstellen für Arbeitgeber, die nächstgelegene zuerst.",
        ),
        ("en", {"fixed_total": 2, "radius_km": 10, "art": "mobil"}, ""),
    ],
)
def test_the_count_of_offices(language, fields, sentence):
    assert say(language, presenters.fixed_count, found(**fields)) == sentence


def test_the_count_of_mobile_counselling_and_none_for_employers_without_it():
    one, four = found(mobile_total=1), found(mobile_total=4)
    assert say("de", presenters.mobile_count, one) == "1 mobiles Beratungsangebot kommt in diese Gegend."
    assert say("en", presenters.mobile_count, four) == "4 mobile counselling services come to this area."
    assert say("en", presenters.mobile_count, found(mobile_total=0, thema="arbeitgeber")) == ""
    assert say("en", presenters.mobile_count, found(mobile_total=3, art="fest")) == ""


def test_notices_escape_what_the_visitor_typed():
    result = found(query="<script>x</script>-Höchst", by_part_of_name=True)
    notice = say("en", presenters.part_of_name_notice, result)
    assert notice == (
        "We could not find “<bdi>&lt;script&gt;x&lt;/script&gt;-Höchst</bdi>”, so we searched near "
        "<bdi>10115 Berlin</bdi>."
    )
    assert say("en", presenters.part_of_name_notice, found()) == ""


def test_notices_of_the_radius_and_the_land():
    widened = found(requested_radius_km=25, radius_km=100, widened=True)
    assert say("en", presenters.radius_notice, widened) == (
        "There is no counselling office within 25 km, so we searched within 100 km."
    )
    anywhere = found(radius_km=None, fixed_total=1)
    assert "within 200 km" in say("en", presenters.radius_notice, anywhere)
    assert say("en", presenters.radius_notice, found(fixed_total=1)) == ""
    outside = found(Location(LocationKind.PLACE, "Hamburg", "HH", 53.55, 10.0), land="BE")
    assert say("en", presenters.outside_land_notice, outside) == (
        "<bdi>Hamburg</bdi> lies in Hamburg, but you asked for counselling in Berlin only."
    )


def mobile_hit(by_plz=False, service_radius_km=None):
    office = SimpleNamespace(
        city="Luckenwalde", service_radius_km=service_radius_km, get_bundesland_display=lambda: "Brandenburg"
    )
    return MobileHit(office=office, distance_km=None, by_plz=by_plz)


@pytest.mark.parametrize(
    ("language", "hit", "sentence"),
    [
        ("de", mobile_hit(by_plz=True, service_radius_km=30), "Kommt in Ihr Postleitzahlgebiet."),
        (
            "de",
            mobile_hit(service_radius_km=30),
            'Kommt in Orte im Umkreis von <span class="ltr">30</span> km um <bdi>Luckenwalde</bdi>.',
        ),
        (
            "en",
            mobile_hit(service_radius_km=30),
            'Comes to places within <span class="ltr">30</span> km of <bdi>Luckenwalde</bdi>.',
        ),
        ("en", mobile_hit(), "Comes to places in Brandenburg."),
    ],
)
def test_the_service_area_of_mobile_counselling(language, hit, sentence):
    assert say(language, presenters.service_area, hit) == sentence


def test_the_opening_status():
    open_now = OpeningStatus(is_open=True, closes=datetime.time(18))
    next_week = OpeningStatus(
        is_open=False,
        next_day=0,
        next_opens=datetime.time(9),
        next_date=datetime.date(2026, 3, 9),
        next_offset=7,
    )
    assert (say("de", presenters.opening_headline, open_now), say("de", presenters.opening_detail, open_now)) == (
        "Jetzt geöffnet",
        "bis 18:00 Uhr",
    )
    assert say("en", presenters.opening_headline, next_week) == "Closed now"
    assert say("en", presenters.opening_detail, next_week) == "opens next Monday (March 9, 2026) at 9 a.m."
    assert say("de", presenters.opening_detail, next_week) == "öffnet am nächsten Montag (9. März 2026) um 09:00 Uhr"
    assert say("en", presenters.opening_detail, OpeningStatus(is_open=False)) == ""


def test_the_opening_status_on_a_holiday():
    closed = OpeningStatus(
        is_open=False,
        next_day=4,
        next_opens=datetime.time(9),
        next_date=datetime.date(2027, 1, 8),
        next_offset=14,
        holiday=Holiday(name="Christmas Day", language="en"),
    )
    assert say("en", presenters.opening_headline, closed) == "Closed today (public holiday: Christmas Day)"
    assert say("en", presenters.opening_detail, closed) == "opens on Friday, Jan. 8, 2027, at 9 a.m."
    german = OpeningStatus(is_open=False, holiday=Holiday(name="Erster Weihnachtstag <&>", language="de"))
    escaped = "Erster Weihnachtstag &lt;&amp;&gt;"
    assert say("de", presenters.opening_headline, german) == f"Heute geschlossen (Feiertag: {escaped})"
    assert f'<bdi lang="de" dir="ltr">{escaped}</bdi>' in say("ar", presenters.opening_headline, german)
    assert say("de", presenters.opening_detail, closed) == "öffnet am Freitag, 8. Januar 2027, um 09:00 Uhr"


def km(number):
    return f'<span class="ltr">{number}</span> km'


@pytest.mark.parametrize(
    ("language", "result", "filters", "summary"),
    [
        ("en", found(), 0, f"Near <bdi>10115 Berlin</bdi> · {km(50)}"),
        ("de", found(requested_radius_km=25), 2, f"In der Nähe von <bdi>10115 Berlin</bdi> · {km(25)} · 2 Filter"),
        (
            "en",
            found(Location(LocationKind.POSITION, "", "", 52.5, 13.4)),
            1,
            f"Near your position · {km(50)} · 1 filter",
        ),
        ("en", found(SAXONY), 1, "Federal state: Sachsen · 1 filter"),
        (
            "en",
            LotseResult(status=Status.AMBIGUOUS, query="<b>Halle</b>"),
            0,
            f"Search: <bdi>&lt;b&gt;Halle&lt;/b&gt;</bdi> · {km(50)}",
        ),
        ("en", LotseResult(status=Status.NOT_FOUND, query="Frankfrut"), 0, ""),
        ("en", None, 0, ""),
    ],
)
def test_the_search_summed_up_in_one_line(language, result, filters, summary):
    with translation.override(language):
        assert str(presenters.search_summary(result, filters)) == summary


def test_a_candidate_reads_as_postcode_and_name_in_one_isolated_run():
    assert presenters.candidate_label(PlaceCandidate("Frankfurt am Main", "HE", "60313")) == (
        "<bdi>60313 Frankfurt am Main</bdi>"
    )
    assert presenters.candidate_label(PlaceCandidate("A<b>", "HE", "")) == "<bdi>A&lt;b&gt;</bdi>"
