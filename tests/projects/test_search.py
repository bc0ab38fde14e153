"""
The project search /de/projekte/: each parameter and their combinations, places in any script and spelling,
ambiguous and unknown places, bad values (an error tied to its field, never a 500), the markup contract and
pagination, without JavaScript (a plain GET form).
"""

import datetime

import pytest
from django.urls import reverse

from landesnetzwerke.projects import search
from landesnetzwerke.projects.models import Teilprojekt
from tests.html import get_tree, parse, text_of
from tests.projects.helpers import TODAY, make_project, network, place, result_ids

pytestmark = pytest.mark.django_db


@pytest.fixture(name="url")
def fixture_url():
    return reverse("projects:search")


@pytest.fixture(name="projects")
def fixture_projects():
    """Four projects with a word no sample project has ("Zebrafink"), in different networks, fields, places, times."""
    past = TODAY - datetime.timedelta(days=800)
    return {
        "hannover": make_project(
            network("NI"),
            titles={"de": "Zebrafink Pflege Hannover", "en": "Zebrafink nursing Hanover"},
            places=[place("Hannover"), place("Celle")],
            field_of_action="qualifizierung",
        ),
        "muenchen": make_project(
            network("BY"),
            titles={"de": "Zebrafink Beratung München"},
            places=[place("München")],
            field_of_action="beratung",
        ),
        "berlin_ended": make_project(
            network("BE"),
            titles={"de": "Zebrafink Schulungen Berlin"},
            places=[place("Berlin")],
            field_of_action="interkulturelle-kompetenz",
            starts_on=past,
            ends_on=past + datetime.timedelta(days=365),
        ),
        "leipzig_planned": make_project(
            network("SN"),
            titles={"de": "Zebrafink Netzwerk Leipzig"},
            places=[place("Leipzig")],
            field_of_action="einwanderung",
            starts_on=TODAY + datetime.timedelta(days=60),
        ),
    }


def ids_for(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return result_ids(response)


def test_without_parameters_every_published_project_is_listed_page_by_page(client, url):
    tree = get_tree(client, url)
    published = Teilprojekt.objects.published().count()
    assert published >= 400  # the sample projects
    heading = text_of(tree, '//*[@id="projects"]//h2')[0]
    assert f"{published}" in heading.replace(".", "")
    items = tree.xpath('//*[@id="projects"]//li[@data-project-id]')
    assert len(items) == search.PAGE_SIZE
    assert tree.xpath('//*[@id="projects"]//a[@rel="next"]/@href') == ["?page=2"]


def test_words_find_projects_by_their_published_texts_traeger_and_places(client, url, projects):
    assert set(ids_for(client, url, q="Zebrafink")) == {p.pk for p in projects.values()}
    assert ids_for(client, url, q="zebrafink pflege") == [projects["hannover"].pk]
    assert ids_for(client, url, q="Zebrafink nursing") == [projects["hannover"].pk]  # the English text too
    assert ids_for(client, url, q="Zebrafink Muenchen") == [projects["muenchen"].pk]  # umlaut spelling
    assert ids_for(client, url, q="ZEBRAFINK CELLE") == [projects["hannover"].pk]  # a place's name
    traeger = projects["leipzig_planned"].traeger
    assert ids_for(client, url, q=traeger) == [projects["leipzig_planned"].pk]
    assert ids_for(client, url, q="Zebrafink Kaktus") == []


def test_network_filter(client, url, projects):
    assert ids_for(client, url, q="Zebrafink", netzwerk="niedersachsen") == [projects["hannover"].pk]
    assert ids_for(client, url, q="Zebrafink", netzwerk="bayern") == [projects["muenchen"].pk]
    found = ids_for(client, url, netzwerk="bayern")
    assert len(found) == search.PAGE_SIZE
    assert Teilprojekt.objects.filter(pk__in=found).exclude(landesnetzwerk__slug="bayern").count() == 0


@pytest.mark.parametrize(
    ("schwerpunkt", "key"),
    [
        ("beratung", "muenchen"),
        ("qualifizierung", "hannover"),
        ("interkulturelle-kompetenz", "berlin_ended"),
        ("einwanderung", "leipzig_planned"),
    ],
)
def test_field_of_action_filter(client, url, projects, schwerpunkt, key):
    assert ids_for(client, url, q="Zebrafink", schwerpunkt=schwerpunkt) == [projects[key].pk]


def test_running_now_or_not(client, url, projects):
    running = ids_for(client, url, q="Zebrafink", laufend="1")
    assert set(running) == {projects["hannover"].pk, projects["muenchen"].pk}
    not_running = ids_for(client, url, q="Zebrafink", laufend="0")
    assert set(not_running) == {projects["berlin_ended"].pk, projects["leipzig_planned"].pk}


def test_near_a_postcode_nearest_first_with_the_distance(client, url, projects):
    response = client.get(url, {"q": "Zebrafink", "ort": "30159", "umkreis": "50"})  # Hannover-Mitte
    tree = parse(response)
    items = tree.xpath('//*[@id="projects"]//li[@data-project-id]')
    assert [int(item.get("data-project-id")) for item in items] == [projects["hannover"].pk]
    assert float(items[0].get("data-distance-km")) < 5
    assert "Hannover" in text_of(tree, '//*[@id="projects"]//h2')[0]


def test_the_distance_limits_the_results(client, url, projects):
    # Celle lies about 35 km from Hannover: the project works in both.
    assert ids_for(client, url, q="Zebrafink", ort="Celle", umkreis="10") == [projects["hannover"].pk]
    assert ids_for(client, url, q="Zebrafink", ort="Braunschweig", umkreis="25") == []
    assert ids_for(client, url, q="Zebrafink", ort="Braunschweig", umkreis="100") == [projects["hannover"].pk]


@pytest.mark.parametrize("spelling", ["München", "Muenchen", "MUENCHEN", "Мюнхен", "ميونخ"])
def test_a_place_in_any_spelling_or_script(client, url, projects, spelling):
    assert ids_for(client, url, q="Zebrafink", ort=spelling, umkreis="25") == [projects["muenchen"].pk]


def test_a_place_in_arabic_script_with_arabic_interface(client, projects):
    with_arabic = reverse("projects:search").replace("/de/", "/ar/")
    response = client.get(with_arabic, {"q": "Zebrafink", "ort": "برلين", "umkreis": "10"})
    assert response.status_code == 200
    assert result_ids(response) == [projects["berlin_ended"].pk]
    assert parse(response).get("dir") == "rtl"


def test_an_ambiguous_place_lists_the_places_it_may_mean(client, url, projects):
    tree = get_tree(client, url + "?ort=Neustadt&q=Zebrafink")
    links = tree.xpath('//*[@id="projects"]//ul[@class="lotse-candidates"]//a/@href')
    assert len(links) > 3
    assert all("ort=" in link and "q=Zebrafink" in link for link in links)
    assert not tree.xpath('//*[@id="projects"]//li[@data-project-id]')
    # Following a candidate searches there.
    assert client.get(url + links[0]).status_code == 200


def test_an_unknown_place_is_an_error_of_the_place_field_with_suggestions(client, url):
    response = client.get(url, {"ort": "Hannoverr"})
    assert response.status_code == 200
    tree = parse(response)
    error = text_of(tree, '//*[@id="id_ort_error"]')
    assert error and "Hannoverr" in error[0]
    assert tree.xpath('//*[@id="error-summary"]//a[@href="#id_ort"]')
    suggestions = text_of(tree, '//*[@id="projects"]//ul[@class="lotse-candidates"]/li')
    assert any("Hannover" in suggestion for suggestion in suggestions)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"netzwerk": "atlantis"}, "netzwerk"),
        ({"schwerpunkt": "zauberei"}, "schwerpunkt"),
        ({"laufend": "vielleicht"}, "laufend"),
        ({"umkreis": "7"}, "umkreis"),
        ({"ort": "123"}, "ort"),
        ({"ort": "1" * 101}, "ort"),
        ({"q": "x" * 101}, "q"),
    ],
)
def test_bad_values_are_errors_tied_to_their_field(client, url, params, field):
    response = client.get(url, params)
    assert response.status_code == 200
    tree = parse(response)
    assert tree.xpath(f'//*[@id="id_{field}_error"]'), params
    assert tree.xpath(f'//*[@id="error-summary"]//a[@href="#id_{field}"]')
    assert not tree.xpath('//*[@id="projects"]')


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "99999999999"])
def test_a_malformed_page_is_not_found(client, url, page):
    assert client.get(url, {"page": page}).status_code == 404


def test_a_page_beyond_the_last_shows_the_last(client, url, projects):
    response = client.get(url, {"q": "Zebrafink", "page": "50"})
    assert response.status_code == 200
    assert len(result_ids(response)) == 4


@pytest.mark.parametrize(
    "query",
    [
        "?q=%00",
        "?ort=%F0%9F%92%A9",
        "?q=<script>alert(1)</script>",
        "?netzwerk=&schwerpunkt=&laufend=&ort=&umkreis=",
        "?ort=%D9%A3%D9%A0%D9%A1%D9%A5%D9%A9",
        "?q=%27%22%3B--",
        "?umkreis=50&umkreis=10",
    ],
)
def test_odd_input_never_fails(client, url, query):
    response = client.get(url + query)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_combined_filters(client, url, projects):
    found = ids_for(
        client,
        url,
        q="Zebrafink",
        netzwerk="niedersachsen",
        schwerpunkt="qualifizierung",
        laufend="1",
        ort="Hannover",
        umkreis="25",
    )
    assert found == [projects["hannover"].pk]
    assert ids_for(client, url, q="Zebrafink", netzwerk="bayern", ort="Hannover", umkreis="25") == []
    assert ids_for(client, url, q="Zebrafink", schwerpunkt="beratung", laufend="0") == []


def test_markup_contract_of_each_result(client, url, projects):
    tree = get_tree(client, url + "?q=Zebrafink")
    section = tree.xpath('//*[@id="projects"]')
    assert len(section) == 1
    items = section[0].xpath(".//*[@data-project-id]")
    by_id = {int(item.get("data-project-id")): item for item in items}
    assert set(by_id) == {p.pk for p in projects.values()}
    for project in projects.values():
        item = by_id[project.pk]
        assert item.get("data-landesnetzwerk") == project.landesnetzwerk.slug
        link = item.xpath(".//a/@href")[0]
        assert link == f"/de/projekte/{project.slug}/"


def test_the_form_works_without_javascript(client, url):
    tree = get_tree(client, url)
    form = tree.xpath('//main//form[@role="search"]')[0]
    assert form.get("method") == "get"
    assert form.get("action") == url
    names = {field.get("name") for field in form.xpath(".//input|.//select")}
    assert {"q", "ort", "netzwerk", "schwerpunkt", "umkreis", "laufend"} <= names
    for field in form.xpath(".//input[@name]|.//select[@name]"):
        assert tree.xpath(f'//label[@for="{field.get("id")}"]'), field.get("name")
    assert form.xpath('.//button[@type="submit"]')
    assert not tree.xpath('//script[contains(@src, "project")]')


def test_pagination_keeps_the_filters(client, url):
    tree = get_tree(client, url + "?schwerpunkt=qualifizierung")
    next_link = tree.xpath('//*[@id="projects"]//a[@rel="next"]/@href')[0]
    assert "schwerpunkt=qualifizierung" in next_link and "page=2" in next_link
    second = get_tree(client, url + next_link)
    first_ids = {int(pk) for pk in tree.xpath("//*[@data-project-id]/@data-project-id")}
    second_ids = {int(pk) for pk in second.xpath("//*[@data-project-id]/@data-project-id")}
    assert second_ids and not first_ids & second_ids
    fields = Teilprojekt.objects.filter(pk__in=first_ids | second_ids).values_list("field_of_action", flat=True)
    assert set(fields) == {"qualifizierung"}


def test_the_service_validates_its_parameters():
    with pytest.raises(ValueError, match="radius"):
        search.search_projects(ort="Berlin", radius_km=7)
    with pytest.raises(ValueError, match="schwerpunkt"):
        search.search_projects(schwerpunkt="zauberei")
