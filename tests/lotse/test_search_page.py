"""
The search page as a phone shows it: an unknown place says so once, at its field, with what the visitor may have
meant right under it; after a search the form folds into a one-line summary above the results, and the page lands
on them (the form's action carries #results; a skip link leads there).
"""

import pytest
from django.utils import translation

from tests.html import parse, squeeze
from tests.lotse.helpers import search_url

pytestmark = pytest.mark.django_db


def not_found_message(query):
    with translation.override("de"):
        return translation.gettext(
            "We could not find the place or postcode “%(query)s” in Germany. Please check the spelling."
        ) % {"query": query}


def test_an_unknown_place_is_said_once_at_its_field(client):
    response = client.get(search_url(q="Frankfrut"))
    assert response.status_code == 200
    tree = parse(response)
    main_text = squeeze(tree.xpath("//main")[0])
    assert main_text.count(not_found_message("Frankfrut")) == 1
    assert main_text.count("Frankfrut") == 1
    # The one message is the field's error, tied to it.
    field = tree.xpath('//main//input[@name="q"]')[0]
    assert field.get("aria-invalid") == "true"
    assert "id_q_error" in field.get("aria-describedby").split()
    assert squeeze(tree.xpath('//*[@id="id_q_error"]')[0]).endswith(not_found_message("Frankfrut"))
    # The summary at the top names the field and links to it, without repeating the sentence.
    summary_links = tree.xpath('//*[@id="error-summary"]//a')
    assert [(a.get("href"), squeeze(a)) for a in summary_links] == [("#id_q", "Postleitzahl oder Ort")]
    # No results section: there are none.
    assert not tree.xpath('//*[@id="results"]')


def test_did_you_mean_follows_the_field_and_keeps_the_space_before_the_name(client):
    tree = parse(client.get(search_url(q="Frankfrut")))
    # Right after the field's row (field and button), inside the form, before the filters.
    following = tree.xpath('//form[@role="search"]/div[contains(@class, "lotse-form-main")]/following-sibling::*[1]')
    assert following and following[0].get("id") == "q-suggestions"
    links = tree.xpath('//*[@id="q-suggestions"]//ul[@class="lotse-candidates"]//a')
    texts = [squeeze(link) for link in links]
    assert "60313 Frankfurt am Main" in texts
    # The link text is one isolated run (a <bdi>), so no layout can drop the space between postcode and name.
    frankfurt = links[texts.index("60313 Frankfurt am Main")]
    assert [child.tag for child in frankfurt] == ["bdi"] and frankfurt[0].text == "60313 Frankfurt am Main"
    assert tree.xpath('//ul[@aria-labelledby="q-suggestions-title"]')
    assert squeeze(tree.xpath('//*[@id="q-suggestions-title"]')[0]) == "Meinten Sie einen dieser Orte?"


def test_an_unknown_place_without_close_matches_gets_a_hint_under_the_field(client):
    tree = parse(client.get(search_url(q="Zzyzxqvwk")))
    hint = squeeze(tree.xpath('//*[@id="q-suggestions"]')[0])
    assert "Postleitzahl" in hint
    assert not tree.xpath('//*[@id="q-suggestions"]//a')


def test_other_errors_are_said_once_too(client):
    tree = parse(client.get(search_url(q="1234")))
    main_text = squeeze(tree.xpath("//main")[0])
    with translation.override("de"):
        message = translation.gettext("A postcode (PLZ) has exactly five digits, for example 04109.")
    assert main_text.count(message) == 1
    assert tree.xpath('//*[@id="error-summary"]//a/@href') == ["#id_q"]


def search_details(tree):
    details = tree.xpath('//main//details[contains(@class, "lotse-search")]')
    assert len(details) == 1
    assert details[0].xpath('./form[@role="search"]'), "the search form is inside the folding <details>"
    return details[0]


def test_after_a_search_the_form_folds_into_a_summary_over_the_results(client):
    tree = parse(client.get(search_url(q="44135")))
    details = search_details(tree)
    assert details.get("open") is None
    summary = squeeze(details.xpath("./summary")[0])
    assert summary == "In der Nähe von 44135 Dortmund · 50 km · ändern"
    # The summary comes before the results, and the results' heading has its id.
    assert tree.xpath('//details[contains(@class, "lotse-search")]/following::*[@id="results"]')
    assert tree.xpath('//*[@id="results"]//h2[@id="results-heading"]')


def test_the_summary_counts_the_filters_and_says_the_distance_asked_for(client):
    tree = parse(client.get(search_url(q="44135", umkreis="25", thema="anerkennung", weg="telefon")))
    summary = squeeze(search_details(tree).xpath("./summary")[0])
    assert summary == "In der Nähe von 44135 Dortmund · 25 km · 2 Filter · ändern"
    # The filters stay open inside the folded form, as before, since they were used.
    assert search_details(tree).xpath('.//details[contains(@class, "lotse-more")]')[0].get("open") is not None


@pytest.mark.parametrize("params", [{}, {"q": "1234"}, {"q": "Frankfrut"}, {"q": "", "thema": "anerkennung"}])
def test_the_form_is_open_before_a_search_and_after_an_error(client, params):
    response = client.get(search_url(**params) if params else search_url().rstrip("?"))
    tree = parse(response)
    details = search_details(tree)
    assert details.get("open") is not None
    assert squeeze(details.xpath("./summary")[0]) == "Beratung suchen"
    assert not tree.xpath('//a[@class="skip-link" and @href="#results"]')


def test_the_form_lands_the_next_search_on_its_results(client):
    for params in ({}, {"q": "44135"}):
        tree = parse(client.get(search_url(**params)))
        action = tree.xpath('//main//form[@role="search"]/@action')[0]
        assert action.endswith("/de/lotse/#results")


def test_a_skip_link_leads_to_the_results(client):
    tree = parse(client.get(search_url(q="44135")))
    skip_links = tree.xpath('//body/a[@class="skip-link"]')
    assert [(a.get("href"), squeeze(a)) for a in skip_links] == [
        ("#main", "Zum Hauptinhalt springen"),
        ("#results", "Zu den Ergebnissen springen"),
    ]
    assert len(tree.xpath('//*[@id="results"]')) == 1


def test_an_ambiguous_place_and_a_whole_land_are_summed_up_too(client):
    ambiguous = squeeze(search_details(parse(client.get(search_url(q="Frankfurt")))).xpath("./summary")[0])
    assert ambiguous == "Suche: Frankfurt · 50 km · ändern"
    land = squeeze(search_details(parse(client.get(search_url(land="BY")))).xpath("./summary")[0])
    assert land == "Bundesland: Bayern · 1 Filter · ändern"


def test_the_summary_escapes_what_was_typed(client):
    response = client.get(search_url(q="Frankfurt<script>"))
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_links_to_other_results_land_on_them(client):
    suggestions = parse(client.get(search_url(q="Frankfrut"))).xpath('//*[@id="q-suggestions"]//a/@href')
    namesakes = parse(client.get(search_url(q="Frankfurt"))).xpath(
        '//*[@id="results"]//ul[@class="lotse-candidates"]//a/@href'
    )
    pages = parse(client.get(search_url(q="10115", umkreis="200"))).xpath('//nav[@class="lotse-pagination"]//a/@href')
    for hrefs in (suggestions, namesakes, pages):
        assert hrefs and all(href.startswith("?") and href.endswith("#results") for href in hrefs), hrefs


def test_the_introduction_shows_before_a_search_only(client):
    assert parse(client.get(search_url().rstrip("?"))).xpath('//main//p[@class="lead"]')
    for params in ({"q": "44135"}, {"q": "Frankfrut"}, {"q": "1234"}):
        assert not parse(client.get(search_url(**params))).xpath('//main//p[@class="lead"]'), params
