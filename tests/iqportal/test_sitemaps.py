"""
/sitemap.xml lists the pages of published news, events, publications and projects in each language they are
published in, with the date of publication and hreflang alternates; drafts and unpublished texts never. Its number
of queries does not grow with the number of items.
"""

import datetime

import pytest
from django.contrib.sites.models import Site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from djangocms_versioning.models import Version
from lxml import etree

from programme.page_builder import get_system_user
from programme.publications.models import PublikationContent
from tests.factories import make_publication
from tests.programme.editorial import make_event, make_news
from tests.projects.helpers import make_project, network

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    """{path: lastmod text} of every entry of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    prefix = f"http://{Site.objects.get_current().domain}"
    entries = {}
    for url in tree.xpath("//s:url", namespaces=NS):
        location = url.xpath("s:loc/text()", namespaces=NS)[0]
        assert location.startswith(prefix)
        entries[location.removeprefix(prefix)] = "".join(url.xpath("s:lastmod/text()", namespaces=NS))
    return entries


def test_published_news_events_publications_and_projects_are_listed_in_their_languages_drafts_never(client):
    start = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=20)
    news = make_news(texts={"de": "Sitemap-Nachricht", "en": "Sitemap news"})
    draft_news = make_news(texts={"de": "Entwurf"}, publish=False)
    event = make_event(starts_at=start, texts={"de": "Sitemap-Termin"})
    draft_event = make_event(starts_at=start, texts={"de": "Entwurf"}, publish=False)
    publication = make_publication(languages=("de", "ar"))
    draft_publication = make_publication(publish=False)
    project = make_project(network("NI"), titles={"de": "Sitemap-Projekt", "uk": "Проєкт"})
    draft_project = make_project(network("NI"), titles={"de": "Entwurf"}, published=False)

    entries = sitemap(client)
    for path in (
        news.get_absolute_url("de"),
        news.get_absolute_url("en"),
        event.get_absolute_url("de"),
        f"/de/publikationen/{publication.slug}/",
        f"/ar/publikationen/{publication.slug}/",
        f"/de/projekte/{project.slug}/",
        f"/uk/projekte/{project.slug}/",
    ):
        assert path in entries, path
        assert entries[path].startswith(str(datetime.date.today().year))  # lastmod: when it was published
    # Only the languages they are published in (no fallback pages), and never a draft.
    assert event.get_absolute_url("en") not in entries
    assert f"/en/publikationen/{publication.slug}/" not in entries
    assert f"/en/projekte/{project.slug}/" not in entries
    for path in (
        draft_news.get_absolute_url("de"),
        draft_event.get_absolute_url("de"),
        f"/de/publikationen/{draft_publication.slug}/",
        f"/de/projekte/{draft_project.slug}/",
    ):
        assert path not in entries, path
    assert "/de/programm/" in entries  # the CMS pages are still there


def test_an_item_in_several_languages_names_its_other_pages_as_alternates(client):
    project = make_project(network("NI"), titles={"de": "Alternativen-Projekt", "en": "Alternatives project"})
    news = make_news(texts={"de": "Nur Deutsch"})
    response = client.get("/sitemap.xml")
    tree = etree.fromstring(response.content)
    prefix = f"http://{Site.objects.get_current().domain}"

    def alternates(path):
        url = tree.xpath(f'//s:url[s:loc="{prefix}{path}"]', namespaces=NS)[0]
        links = url.xpath("x:link[@rel='alternate']", namespaces={"x": "http://www.w3.org/1999/xhtml"})
        return {link.get("hreflang"): link.get("href").removeprefix(prefix) for link in links}

    expected = {"de": f"/de/projekte/{project.slug}/", "en": f"/en/projekte/{project.slug}/"}
    assert alternates(f"/de/projekte/{project.slug}/") == expected
    assert alternates(f"/en/projekte/{project.slug}/") == expected
    assert alternates(news.get_absolute_url("de")) == {}


def test_an_unpublished_publication_leaves_the_sitemap(client):
    publication = make_publication()
    path = f"/de/publikationen/{publication.slug}/"
    assert path in sitemap(client)
    content = PublikationContent.objects.get(publikation=publication)
    Version.objects.get_for_content(content).unpublish(get_system_user())
    assert path not in sitemap(client)


def test_the_number_of_queries_does_not_grow_with_the_number_of_items(client):
    def queries():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/sitemap.xml").status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(5):
        make_news(texts={"de": f"Mehr {number}", "en": f"More {number}"})
        make_publication(languages=("de", "en"))
        make_project(network("SH"), titles={"de": f"Mehr {number}"})
    assert queries() == few
