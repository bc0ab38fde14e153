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
