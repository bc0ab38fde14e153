"""
The number of database queries of the project search, a project page, a network page and the open data does not
grow with the number of projects: measured with the 400 sample projects and again with a few thousand more.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from landesnetzwerke.projects.models import Teilprojekt
from tests.projects.helpers import bulk_projects

pytestmark = pytest.mark.django_db
EXTRA_PROJECTS = 3000
PAGES = [
    "/de/projekte/",
    "/de/projekte/?page=3",
    "/de/projekte/?q=Beratung",
    "/de/projekte/?netzwerk=bayern&schwerpunkt=qualifizierung&laufend=1",
    "/de/projekte/?ort=Leipzig&umkreis=100",
    "/ar/projekte/?ort=%D8%A8%D8%B1%D9%84%D9%8A%D9%86&q=Berlin",
    "/de/projekte/?ort=30159&umkreis=200&laufend=0",
    "/de/landesnetzwerke/bayern/",
    "/api/projekte.json",
]
MAX_SEARCH_QUERIES = 20


def count_queries(client, url):
    for cache in caches.all():
        cache.clear()
    client.get(url)  # warm what is cached per process (apphooks, menus), as on a running site
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def detail_url():
    return f"/de/projekte/{Teilprojekt.objects.published().order_by('pk').first().slug}/"


def test_query_counts_do_not_grow_with_the_number_of_projects(client):
    urls = [*PAGES, detail_url()]
    for url in urls:  # what a process looks up once (the pages of other apphooks) is not counted for the first URL
        client.get(url)
    before = {url: count_queries(client, url) for url in urls}
    bulk_projects(EXTRA_PROJECTS)
    assert Teilprojekt.objects.published().count() >= 400 + EXTRA_PROJECTS
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
    search_pages = [url for url in urls if "/projekte/?" in url]
    assert max(after[url] for url in search_pages) <= MAX_SEARCH_QUERIES, after
