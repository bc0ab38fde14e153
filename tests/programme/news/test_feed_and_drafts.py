"""
The news feed (parsed with feedparser), and drafts: never in the list, on an item's page, in the feed, on the home
page or on a network's page; a new draft of a published item leaves the published text public.
"""

import re

import feedparser
import pytest
from django.test import Client
from djangocms_versioning import constants

from tests.html import get_tree, parse, text_of
from tests.programme.editorial import make_news, new_draft, version_of

pytestmark = pytest.mark.django_db

FEED = "/{}/aktuelles/feed/"


def feed(client, language):
    response = client.get(FEED.format(language))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed, response.content.decode()


def test_the_feed_lists_the_published_items_of_its_language_with_absolute_links_and_dates(client):
    item = make_news(days_ago=-1, texts={"de": "Neu im Feed", "en": "New in the feed"}, land="HB")
    german_only = make_news(days_ago=-1, texts={"de": "Nur deutsch"})
    parsed, raw = feed(client, "de")
    assert parsed.feed.language == "de" or 'xml:lang="de"' in raw
    titles = [entry.title for entry in parsed.entries]
    assert "Neu im Feed" in titles and "Nur deutsch" in titles
    entry = next(entry for entry in parsed.entries if entry.title == "Neu im Feed")
    assert entry.link == f"http://testserver/de/aktuelles/{item.slug}/"
    assert entry.author == "IQ Netzwerk Bremen"
    assert entry.published_parsed is not None
    # Every date carries its offset from UTC.
    assert re.findall(r"<published>[^<]+</published>", raw)
    assert all(re.search(r"[+-]\d\d:\d\d$|Z$", date) for date in re.findall(r"<published>([^<]+)<", raw))
    english, _raw = feed(client, "en")
    english_titles = [entry.title for entry in english.entries]
    assert "New in the feed" in english_titles
    assert "Nur deutsch" not in english_titles and all(german_only.slug not in e.link for e in english.entries)
    assert all(entry.link.startswith("http://testserver/en/aktuelles/") for entry in english.entries)


def test_the_feed_is_newest_first(client):
    make_news(days_ago=-3, texts={"de": "Übermorgen"})
    make_news(days_ago=-2, texts={"de": "Morgen"})
    parsed, _raw = feed(client, "de")
    assert [entry.title for entry in parsed.entries[:2]] == ["Übermorgen", "Morgen"]


def test_a_draft_is_nowhere_public(client):
    draft = make_news(days_ago=-1, land="NI", publish=False, texts={"de": "Geheimer Entwurf"})
    assert "Geheimer Entwurf" not in client.get("/de/aktuelles/").content.decode()
    assert client.get(f"/de/aktuelles/{draft.slug}/").status_code == 404
    assert "Geheimer Entwurf" not in feed(client, "de")[1]
    assert "Geheimer Entwurf" not in client.get("/de/").content.decode()
    assert "Geheimer Entwurf" not in client.get("/de/landesnetzwerke/niedersachsen/").content.decode()


def test_a_new_draft_of_a_published_item_leaves_the_published_text_public(client):
    item = make_news(days_ago=-1, land="NI", texts={"de": "Veröffentlichter Titel"})
    content = item.contents.get(language="de")  # the published text (default manager)
    draft = new_draft(content)
    draft.title = "Noch nicht freigegeben"
    draft.save()
    for url in (
        "/de/aktuelles/",
        f"/de/aktuelles/{item.slug}/",
        FEED.format("de"),
        "/de/",
        "/de/landesnetzwerke/niedersachsen/",
    ):
        page = client.get(url).content.decode()
        assert "Noch nicht freigegeben" not in page, url
        assert "Veröffentlichter Titel" in page, url


def test_unpublishing_removes_an_item_everywhere_at_once(client):
    item = make_news(days_ago=-1, land="NI", texts={"de": "Bald zurückgezogen"})
    for url in ("/de/", "/de/landesnetzwerke/niedersachsen/", "/de/aktuelles/"):
        assert "Bald zurückgezogen" in client.get(url).content.decode(), url  # now in the caches
    version = version_of(item.contents.get(language="de"))
    version.unpublish(version.created_by)
    assert version_of(version.content).state == constants.UNPUBLISHED
    for url in ("/de/", "/de/landesnetzwerke/niedersachsen/", "/de/aktuelles/"):
        assert "Bald zurückgezogen" not in client.get(url).content.decode(), url
    assert client.get(f"/de/aktuelles/{item.slug}/").status_code == 404


def test_the_home_page_shows_the_latest_three_items_of_the_visitors_language(client):
    client.get("/de/")  # cached from now on
    newest = [make_news(days_ago=-10 + n, texts={"de": f"Aktuell {n}", "en": f"Current {n}"}) for n in range(4)]
    tree = get_tree(client, "/de/")
    block = tree.xpath('//section[@id="latest-news"]')[0]
    assert block.xpath(".//li/@data-news-item") == [item.slug for item in newest[:3]]
    assert block.xpath('.//a[text()="Alle Nachrichten" or contains(@href, "/de/aktuelles/")]')
    english = get_tree(Client(), "/en/").xpath('//section[@id="latest-news"]//h3')
    assert [" ".join(h.text_content().split()) for h in english] == ["Current 0", "Current 1", "Current 2"]


def test_a_networks_page_shows_its_own_news(client):
    ni = make_news(days_ago=-1, land="NI", texts={"de": "Aus Niedersachsen"})
    by = make_news(days_ago=-1, land="BY", texts={"de": "Aus Bayern"})
    tree = get_tree(client, "/de/landesnetzwerke/niedersachsen/")
    slugs = tree.xpath('//section[@id="latest-news"]//li/@data-news-item')
    assert slugs[0] == ni.slug and by.slug not in slugs
    assert set(tree.xpath('//section[@id="latest-news"]//li/@data-landesnetzwerk')) == {"niedersachsen"}
    assert tree.xpath('//section[@id="latest-news"]//a[contains(@href, "?netzwerk=niedersachsen")]')


def test_no_news_gives_a_short_line(client, django_db_blocker):
    from programme.news.models import NewsItemContent

    NewsItemContent._base_manager.filter(language="tr").delete()
    tree = parse(client.get("/tr/"))
    block = tree.xpath('//section[@id="latest-news"]')[0]
    assert not block.xpath(".//li") and text_of(block, ".//p")
