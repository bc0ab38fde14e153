"""The news pages as a visitor sees them: the list (order, filters, pagination), the item pages and fallbacks."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from programme.news.models import NewsItem
from tests.html import get_tree, page_text, parse, text_of
from tests.programme.editorial import add_text, make_news

pytestmark = pytest.mark.django_db

LIST = "/{}/aktuelles/"


def listed(tree):
    return tree.xpath('//section[@id="news"]//li/@data-news-item')


def test_the_list_shows_the_newest_first_in_the_visitors_language(client):
    older = make_news(days_ago=-1, texts={"de": "Gestern veröffentlicht", "en": "Published yesterday"})
    newer = make_news(days_ago=-2, texts={"de": "Heute veröffentlicht"})
    tree = get_tree(client, LIST.format("de"))
    assert listed(tree)[:2] == [newer.slug, older.slug]
    assert text_of(tree, '//li[@data-news-item][1]//*[@class="item-title"]') == ["Heute veröffentlicht"]
    english = listed(get_tree(client, LIST.format("en")))
    assert english[0] == older.slug
    assert newer.slug not in english  # no English text: not in the English list


def test_the_list_is_paginated_and_keeps_the_filters(client):
    for days in range(12):
        make_news(land="NI", days_ago=-1 - days)
    tree = get_tree(client, LIST.format("de") + "?netzwerk=niedersachsen")
    first = listed(tree)
    assert len(first) == 10
    next_link = tree.xpath('//nav[@class="list-pagination"]//a[@rel="next"]/@href')
    assert next_link == ["?netzwerk=niedersachsen&page=2"]
    second = listed(get_tree(client, LIST.format("de") + next_link[0]))
    assert second and not set(second) & set(first)
    total = NewsItem.objects.filter(landesnetzwerk__bundesland="NI", contents__language="de").distinct().count()
    assert len(first) + len(second) == min(total, 20)
    # Malformed pages give the first page, pages beyond the end the last one: never an error.
    assert listed(get_tree(client, LIST.format("de") + "?netzwerk=niedersachsen&page=abc")) == first
    assert listed(get_tree(client, LIST.format("de") + "?netzwerk=niedersachsen&page=9999")) == second


def test_filter_by_network(client):
    ni, by = make_news(land="NI", days_ago=-1), make_news(land="BY", days_ago=-1)
    tree = get_tree(client, LIST.format("de") + "?netzwerk=niedersachsen")
    assert ni.slug in listed(tree) and by.slug not in listed(tree)
    assert set(tree.xpath("//li[@data-news-item]/@data-landesnetzwerk")) == {"niedersachsen"}
    assert tree.xpath('//select[@name="netzwerk"]/option[@selected]/@value') == ["niedersachsen"]


def test_filter_by_handlungsschwerpunkt(client):
    fair = make_news(days_ago=-1, schwerpunkte=["faire-integration"])
    other = make_news(days_ago=-1, schwerpunkte=["qualifizierung"])
    tree = get_tree(client, LIST.format("de") + "?schwerpunkt=faire-integration")
    assert fair.slug in listed(tree) and other.slug not in listed(tree)
    for slug in listed(tree):
        assert NewsItem.objects.get(slug=slug).schwerpunkte.filter(slug="faire-integration").exists()


@pytest.mark.parametrize(
    "query, field",
    [
        ("netzwerk=atlantis", "netzwerk"),
        ("schwerpunkt=%3Cscript%3E", "schwerpunkt"),
        ("netzwerk=" + "x" * 3000, "netzwerk"),
    ],
)
def test_a_bad_filter_value_is_named_at_its_field_and_the_list_stays(client, query, field):
    response = client.get(LIST.format("de") + "?" + query)
    assert response.status_code == 200
    tree = parse(response)
    errors = text_of(tree, f'//p[@id="id_{field}_error"]')
    assert errors, "no message at the field"
    assert tree.xpath(f'//div[@id="error-summary"]//a[@href="#id_{field}"]')
    assert tree.xpath(f'//select[@name="{field}"]/@aria-invalid') == ["true"]
    assert len(listed(tree)) == 10  # the other filters (none here) still apply: the whole list
    assert "<script>" not in response.content.decode()


def test_a_page_of_an_item_shows_its_text_and_its_facts(client):
    item = make_news(land="BY", schwerpunkte=["qualifizierung"], texts={"de": "Kurs für Ärztinnen"})
    tree = get_tree(client, f"/de/aktuelles/{item.slug}/")
    assert text_of(tree, "//h1") == ["Kurs für Ärztinnen"]
    assert any("(de)" in text for text in text_of(tree, '//div[@class="news-body"]'))
    meta = " ".join(text_of(tree, '//p[@class="item-meta"]'))
    assert "MigraNet – IQ Landesnetzwerk Bayern" in meta
    assert tree.xpath('//ul[@class="tag-list"]//a/@href') == ["/de/aktuelles/?schwerpunkt=qualifizierung"]
    assert tree.xpath("//nav[@class='breadcrumbs container']//*[@aria-current='page']")


def test_an_unknown_item_is_not_found(client):
    assert client.get("/de/aktuelles/gibt-es-nicht/").status_code == 404


def test_an_item_without_a_text_in_the_language_shows_a_fallback_marked_as_such(client):
    item = make_news(texts={"de": "Nur auf Deutsch"})
    response = client.get(f"/ar/aktuelles/{item.slug}/")
    assert response.status_code == 200
    tree = parse(response)
    assert tree.xpath("//html/@lang") == ["ar"]
    assert tree.xpath("//article/@lang") == ["de"] and tree.xpath("//article/@dir") == ["ltr"]
    assert text_of(tree, "//h1") == ["Nur auf Deutsch"]
    assert tree.xpath('//p[@class="fallback-notice"]')


def test_a_text_without_a_body_shows_the_body_of_a_fallback_language(client):
    item = make_news(texts={"en": "In English"})
    add_text(item, "uk", title="Українською", teaser="Коротко.")
    tree = get_tree(client, f"/uk/aktuelles/{item.slug}/")
    assert text_of(tree, "//h1") == ["Українською"]
    body = tree.xpath('//div[@class="news-body"]')
    assert body and body[0].get("lang") == "en" and "(en)" in body[0].text_content()


def test_sample_items_are_marked(client):
    item = make_news(is_sample=True, days_ago=-1)
    tree = get_tree(client, LIST.format("de"))
    assert tree.xpath(f'//li[@data-news-item="{item.slug}"]//*[@class="sample-tag"]')
    detail = client.get(f"/de/aktuelles/{item.slug}/")
    assert parse(detail).xpath('//aside[@class="sample-notice"]')
    assert b'name="robots" content="noindex"' in detail.content


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_query_count_of_the_list_does_not_grow_with_the_number_of_items(client):
    url = LIST.format("de") + "?netzwerk=hamburg"
    make_news(land="HH", days_ago=-1, schwerpunkte=["beratung"])
    count_queries(client, url)  # warms what a process loads once, and the caches of the lists and the menu
    count_queries(client, url)
    few = count_queries(client, url)
    for days in range(10):
        make_news(land="HH", days_ago=-2 - days, schwerpunkte=["beratung", "einwanderung"])
    count_queries(client, url)  # the new items emptied the caches of the lists and the menu: warm them again
    count_queries(client, url)
    assert count_queries(client, url) == few


def test_the_date_is_shown_in_the_visitors_format(client):
    item = make_news(date=datetime.date(2026, 3, 5), texts={"de": "Datum", "en": "Date"})
    assert "5. März 2026" in page_text(client.get(f"/de/aktuelles/{item.slug}/"))
    assert "March 5, 2026" in page_text(Client().get(f"/en/aktuelles/{item.slug}/"))
