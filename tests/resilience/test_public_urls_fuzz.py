"""
Property-based robustness: no public URL answers 5xx, whatever query string or path a client sends.

The URLs are the published CMS pages in every language, the pages they link to (list and detail pages of
the directory, office pages), the Lotse and the site search with their parameters, the open-data API and the
machine endpoints.
"""

import os
from html.parser import HTMLParser
from urllib.parse import quote, quote_from_bytes, urlencode, urlsplit

import pytest
from django.apps import apps
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

CI = os.environ.get("CI", "").lower() == "true"
FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis folder in the work tree
    derandomize=CI,  # the same examples on every CI run; random ones on a developer's machine
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

LOTSE_PARAMETERS = ["q", "thema", "sprache", "art", "umkreis", "page", "lat", "lon", "land"]
FIXED_URLS = [
    "/",
    "/healthz",
    "/robots.txt",
    "/sitemap.xml",
    "/api/beratungsstellen.json",
    "/de/lotse/",
    "/en/lotse/",
    "/de/suche/",
    "/ar/suche/",
]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/") and not href.startswith("//"):
                self.hrefs.append(urlsplit(href).path)


def discover_public_urls():
    """Every published CMS page, plus the site-internal links found on those pages (admin excluded)."""
    from cms.models import PageContent

    pages = sorted(
        {
            content.page.get_absolute_url(content.language)
            for content in PageContent.objects.select_related("page")
            if content.page.get_absolute_url(content.language)
        }
    )
    client = Client()
    linked = set()
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        parser = _Links()
        parser.feed(response.content.decode())
        linked.update(href for href in parser.hrefs if "/admin/" not in href and not href.startswith("/static/"))
    offices = set()
    for office in apps.get_model("landesnetzwerke", "Beratungsstelle").objects.order_by("pk")[:3]:
        for language in ("de", "en"):
            with translation.override(language):
                offices.add(office.get_absolute_url())
    return sorted(set(FIXED_URLS) | set(pages) | linked | offices)


@pytest.fixture
def public_urls(db):
    urls = discover_public_urls()
    assert len(urls) > 20, urls
    return urls


NASTY_VALUES = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1e309",
        "-1e309",
        "NaN",
        "inf",
        "99999999999999999999999999",
        "0x1F",
        "10115",
        "Berlin",
        "München",
        "%",
        "%00",
        "\x00",
        "'; DROP TABLE x; --",
        "<script>alert(1)</script>",
        "../../etc/passwd",
        "ä" * 3000,
        "1" * 5000,
        "fest",
        "mobil",
        "91.5",
        "52.5,13.4",
    ]
)
PARAMETER_VALUES = st.one_of(NASTY_VALUES, st.text(max_size=40), st.integers().map(str), st.floats().map(str))
PARAMETER_NAMES = st.one_of(st.sampled_from(LOTSE_PARAMETERS), st.text(min_size=1, max_size=12))


def _get(client, url, query_string):
    response = client.get(url, QUERY_STRING=query_string)
    assert response.status_code < 500, f"{url}?{query_string} answered {response.status_code}"


@FUZZ
@given(
    data=st.data(),
    parameters=st.lists(st.tuples(PARAMETER_NAMES, PARAMETER_VALUES), max_size=6),
)
def test_well_formed_but_hostile_query_strings(public_urls, data, parameters):
    # Half the examples go to the views that read parameters: the Lotse (HTML and JSON) and the site search.
    parameter_views = ["/de/lotse/", "/en/lotse/", "/api/beratungsstellen.json", "/de/suche/"]
    url = data.draw(st.one_of(st.sampled_from(parameter_views), st.sampled_from(public_urls)), label="url")
    query = urlencode([(name, value) for name, value in parameters], doseq=False)
    _get(Client(), url, query.encode().decode("iso-8859-1"))


@FUZZ
@given(data=st.data(), raw=st.binary(max_size=200))
def test_malformed_query_strings(public_urls, data, raw):
    """Raw bytes as the query string: broken percent-escapes, invalid UTF-8, control characters."""
    url = data.draw(st.sampled_from(public_urls + ["/de/lotse/", "/en/lotse/"]), label="url")
    _get(Client(), url, raw.decode("iso-8859-1"))


@FUZZ
@given(
    data=st.data(),
    suffix=st.one_of(
        st.binary(max_size=60).map(lambda raw: quote_from_bytes(raw, safe="/")),
        st.text(max_size=40).map(lambda text: quote(text, safe="/")),
        st.sampled_from(["%00", "%ff%fe", "..%2f..%2f", "%c0%ae%c0%ae/", "//", "x" * 2000, "%25", ";jsessionid=1"]),
    ),
)
def test_malformed_paths(public_urls, data, suffix):
    url = data.draw(st.sampled_from(public_urls), label="url")
    path = url.rstrip("/") + "/" + suffix if data.draw(st.booleans(), label="as segment") else url + suffix
    response = Client().get(path)
    assert response.status_code < 500, f"{path!r} answered {response.status_code}"
