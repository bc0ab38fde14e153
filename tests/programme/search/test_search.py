"""
The site search as visitors use it: /<lang>/suche/?q=… ranks, highlights, names each result's type, pages through
results, forgives typing errors, umlaut spellings and split compounds, and suggests the Lotse when nothing is found.
"""

import datetime
import os

import pytest
from cms.models import PageContent
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from programme.page_builder import get_system_user
from programme.search import index
from programme.search.registry import Document
from programme.search.service import PAGE_SIZE, search_site
from tests.factories import make_office, make_publication
from tests.html import parse
from tests.programme.search.conftest import make_page, results, search_url, titles
from tests.projects.helpers import make_project, network

pytestmark = pytest.mark.django_db
CI = os.environ.get("CI", "").lower() == "true"


def result_items(response):
    return parse(response).xpath('//*[@id="search-results"]//li[@data-result-type]')


# Ranking ---------------------------------------------------------------------------------------------------------


def test_an_exact_title_match_ranks_above_a_body_match(client, committed):
    with committed():
        make_page("Allgemeine Hinweise", "<p>Hier geht es auch um den Wiesenknopf, den Wiesenknopf und mehr.</p>")
        make_page("Wiesenknopf und Ameisenbläuling", "<p>Zwei Arten.</p>")
        make_page("Wiesenknopf", "<p>Eine Pflanze.</p>")
    assert titles(client.get(search_url("Wiesenknopf"))) == [
        "Wiesenknopf",
        "Wiesenknopf und Ameisenbläuling",
        "Allgemeine Hinweise",
    ]


def test_among_equal_matches_the_more_recent_comes_first():
    now = timezone.now()
    for key, days in (("1", 30), ("2", 1), ("3", 400)):
        date = now - datetime.timedelta(days)
        index._row(Document("page", f"r{key}", "de", "Rundbrief", "Zwergtaucher.", f"/de/r{key}/", date)).save()
    result = search_site(query="Zwergtaucher", language="de")
    assert [hit.url for hit in result.hits] == ["/de/r2/", "/de/r1/", "/de/r3/"]


# What a result shows -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "result_type", "label"),
    [
        ("recognition", "page", "Page"),
        ("Muenchen", "office", "Counselling office"),
        ("IQ Netzwerk Hamburg", "network", "Landesnetzwerk"),
        ("Migrantenökonomie", "fachstelle", "Fachstelle"),
        ("IQ konkret", "publication", "Publication"),
        ("Bridging course for university graduates", "project", "Project"),
    ],
)
def test_each_result_type_is_found_and_named_in_words(client, query, result_type, label):
    response = client.get(search_url(query, "en"))
    items = [item for item in result_items(response) if item.get("data-result-type") == result_type]
    assert items, f"no {result_type} result for {query!r}: {results(response)}"
    assert items[0].xpath('.//p[@class="search-result-type"]')[0].text_content().split(" ·")[0].strip() == label


def test_matched_words_are_marked_in_the_title_and_a_short_snippet(client, committed):
    filler = " ".join(["Vorwort"] * 120)
    with committed():
        make_page("Pflege von Sumpfdotterblumen", f"<p>{filler}</p><p>Die Sumpfdotterblume blüht im Frühling.</p>")
    item = result_items(client.get(search_url("Sumpfdotterblume")))[0]
    assert item.xpath(".//h3//mark/text()") == ["Sumpfdotterblumen"]
    snippet = item.xpath('.//p[@class="search-result-snippet"]')[0]
    assert snippet.xpath(".//mark/text()") == ["Sumpfdotterblume"]
    text = snippet.text_content()
    assert text.startswith("…") and len(text) < 300  # a window around the match, not the page's beginning


def test_snippets_are_escaped_text_never_markup(client, committed):
    with committed():
        make_page(
            'Kibitz <img src=x onerror="alert(1)">',
            "<p>Tom &amp; Jerry &lt;script&gt;alert('Kibitz')&lt;/script&gt; beobachten den Kibitz.</p>",
        )
        make_office(latitude=52.5, longitude=13.4, name="<b>Kibitz</b>-Beratung", traeger="A & B <i>e.V.</i>")
    response = client.get(search_url("Kibitz"))
    html = response.content.decode()
    section = html[html.index('id="search-results"') :]
    assert "<script>" not in section and "<img" not in section and "<b>" not in section and "<i>" not in section
    assert "&lt;script&gt;alert(" in section
    assert "&lt;img src=x onerror=" in section
    assert "Tom &amp; Jerry" in section
    assert "<mark>Kibitz</mark>" in section


# Typing errors, umlauts, compounds, scripts -------------------------------------------------------------------------


def test_a_typing_error_still_finds_pages_about_anerkennung(client):
    response = client.get(search_url("Anerkenung"))
    hits = results(response)
    assert any(hit_type == "page" and "Anerkennung" in title for hit_type, title, _url in hits), hits
    assert "Anerkennung" in parse(response).xpath('//p[@class="search-corrections"]')[0].text_content()


@pytest.mark.parametrize("query", ["qualifizierungs beratung", "Qualifizierungsberatung", "qualifizierungs-beratung"])
def test_qualifizierungsberatung_written_apart_or_together_is_found(client, query):
    hits = results(client.get(search_url(query)))
    assert any("Qualifizierung" in title for _type, title, _url in hits), hits


def test_a_compound_typed_together_finds_it_written_apart_and_the_reverse(client, committed):
    with committed():
        make_page("Seite eins", "<p>Wir bieten Feldhamster-Schutzberatung an.</p>")
        make_page("Seite zwei", "<p>Hier hilft die Wachtelkönigberatung.</p>")
    assert titles(client.get(search_url("Feldhamsterschutzberatung"))) == ["Seite eins"]
    assert titles(client.get(search_url("wachtelkönig beratung"))) == ["Seite zwei"]


@pytest.mark.parametrize("query", ["Muenchen", "münchen", "MUENCHEN", "Munchen"])
def test_umlaut_spellings_find_muenchen_offices(client, query):
    offices = [title for hit_type, title, _url in results(client.get(search_url(query))) if hit_type == "office"]
    assert offices and all("München" in title for title in offices)


@pytest.mark.parametrize(("language", "query"), [("ar", "الاعتراف"), ("uk", "визнання"), ("fa", "مشاوره")])
def test_arabic_cyrillic_and_persian_queries_find_content_in_those_languages(client, language, query):
    items = result_items(client.get(search_url(query, language)))
    pages = [item for item in items if item.get("data-result-type") == "page"]
    assert pages, f"no page found for {query!r} in {language}"
    assert pages[0].xpath(".//h3//a")[0].get("lang") is None  # the visitor's own language, not a fallback


# Paging, empty and odd input ----------------------------------------------------------------------------------------


def test_results_are_paginated_with_links_that_work_without_javascript(client):
    first = client.get(search_url("Beratung"))
    total_text = parse(first).xpath('//p[@class="search-count"]')[0].text_content()
    assert len(result_items(first)) == PAGE_SIZE
    next_link = parse(first).xpath('//nav[@class="search-pagination"]//a[@rel="next"]/@href')[0]
    second = client.get("/de/suche/" + next_link)
    assert second.status_code == 200
    assert set(titles(first)).isdisjoint(titles(second)) or results(first) != results(second)
    assert parse(second).xpath('//ol[@class="search-result-list"]/@start') == [str(PAGE_SIZE + 1)]
    assert parse(second).xpath('//nav[@class="search-pagination"]//a[@rel="prev"]')
    assert parse(second).xpath('//p[@class="search-count"]')[0].text_content() == total_text
    # Beyond the last page: the last page; malformed: the first.
    last = client.get(search_url("Beratung", page="100000"))
    assert last.status_code == 200 and result_items(last)
    assert results(client.get(search_url("Beratung", page="abc"))) == results(first)


def test_the_form_keeps_the_query_and_an_empty_query_shows_only_the_form(client):
    tree = parse(client.get(search_url("Anerkennung")))
    assert tree.xpath('//main//form[@role="search"]//input[@name="q"]/@value') == ["Anerkennung"]
    empty = client.get("/de/suche/")
    assert empty.status_code == 200
    assert parse(empty).xpath('//main//form[@role="search"]') and not parse(empty).xpath('//*[@id="search-results"]')


NASTY_QUERIES = [
    " ",
    "\x00",
    "Anerkennung\x00",
    "\x01\x02\x1b[31m",
    "!!!",
    "?",
    "a & | !",
    "& | ! ( ) : * < >",
    "anerkennung:* & !beratung",
    "' OR 1=1 --",
    '"; DROP TABLE search_suchdokument; --',
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "x" * 1000,
    "Beratung " * 200,
    "🙂🙂",
    "\u202eBeratung",
    "١٠١١٥",
    "a",
]


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_odd_input_gives_a_message_or_a_result_never_an_error(client, query):
    response = client.get(search_url(query))
    assert response.status_code == 200
    tree = parse(response)
    shown = tree.xpath('//*[@id="search-results"]') or tree.xpath('//*[@id="error-summary"]')
    assert shown or not query.strip(), "neither results nor a message"


def test_too_long_input_is_refused_with_a_message_tied_to_the_field(client):
    tree = parse(client.get(search_url("x" * 1000)))
    assert tree.xpath('//*[@id="error-summary"]//a/@href') == ["#id_q"]
    assert tree.xpath('//main//input[@name="q"]/@aria-invalid') == ["true"]


def test_odd_page_numbers_never_give_an_error(client):
    for page in ("-1", "0", "1e309", "9" * 5000, "\x00", ""):
        assert client.get(search_url("Beratung", page=page)).status_code == 200


# Nothing found ----------------------------------------------------------------------------------------------------


def test_nothing_found_for_a_place_suggests_the_lotse_with_that_place(client):
    response = client.get(search_url("Kirchenlamitz"))
    assert result_items(response) == []
    links = parse(response).xpath('//ul[@class="search-suggestions"]//a/@href')
    assert "/de/lotse/?q=Kirchenlamitz" in links


def test_nothing_found_for_a_word_suggests_the_lotse_and_the_project_search(client):
    links = parse(client.get(search_url("Zzyzxqvwk"))).xpath('//ul[@class="search-suggestions"]//a/@href')
    assert links == ["/de/lotse/", "/de/projekte/?q=Zzyzxqvwk"]


def test_the_project_search_is_not_suggested_while_no_published_page_has_its_path(client, committed):
    from cms.models import PageUrl

    with committed():
        for content in PageContent.admin_manager.filter(page__urls__path="projekte").distinct():
            version = Version.objects.get_for_content(content)
            if version.state == PUBLISHED:
                version.unpublish(get_system_user())
    assert not PageUrl.objects.filter(path="projekte", page__pagecontent_set__in=PageContent.objects.all()).exists()
    links = parse(client.get(search_url("Zzyzxqvwk"))).xpath('//ul[@class="search-suggestions"]//a/@href')
    assert links == ["/de/lotse/"]


# Queries ------------------------------------------------------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_number_of_documents(client, committed):
    def queries():
        client.get(search_url("Rohrdommel"))  # menus and the like are cached after the first request
        with CaptureQueriesContext(connection) as context:
            response = client.get(search_url("Rohrdommel"))
        assert response.status_code == 200
        return len(context.captured_queries), len(result_items(response))

    with committed():
        for number in range(3):
            make_office(latitude=52.5, longitude=13.4, name=f"Rohrdommel-Beratung {number}")
    few, shown = queries()
    assert shown == 3
    with committed():
        for number in range(3, 40):
            make_office(latitude=52.5, longitude=13.4, name=f"Rohrdommel-Beratung {number}")
        for number in range(5):  # and results of other types, each from its own content
            make_publication(title=f"Rohrdommel-Heft {number}")
            make_project(network("NI"), titles={"de": f"Rohrdommel-Projekt {number}"})
    many, shown = queries()
    assert shown == PAGE_SIZE
    assert many == few <= 8


# The header's search field -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en", "ar", "fa", "uk", "tr"])
def test_every_page_has_a_labelled_search_field_in_its_header(client, language):
    office = make_office(latitude=52.5, longitude=13.4)
    with translation.override(language):
        office_url = office.get_absolute_url()
    pages = (f"/{language}/", f"/{language}/programm/", f"/{language}/lotse/", office_url, search_url("x", language))
    for url in (*pages, f"/{language}/diese-seite-gibt-es-nicht/"):  # the 404 page too
        response = client.get(url)
        form = parse(response).xpath('//header//form[@role="search"]')
        assert len(form) == 1, url
        assert form[0].get("method") == "get" and form[0].get("action") == f"/{language}/suche/"
        field_id = form[0].xpath(".//input[@name='q']/@id")[0]
        assert form[0].xpath(f".//label[@for='{field_id}']/text()"), f"{url}: the search field has no label"


FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,  # no .hypothesis folder in the work tree
    derandomize=CI,  # the same examples on every CI run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(query=st.text(max_size=300), page=st.one_of(st.none(), st.text(max_size=12)))
def test_any_text_gives_a_page_never_an_error(client, query, page):
    params = {} if page is None else {"page": page}
    assert client.get(search_url(query, **params)).status_code == 200
