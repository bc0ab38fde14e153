"""
The six languages as a visitor meets them: every page answers under every language prefix with lang
and dir set, fallback content is marked with its own language, the language switcher names each
language in itself and keeps the page and the Lotse query, hreflang alternates, the "Leichte Sprache"
link in the header, and the interface strings come from the compiled catalogues.
"""

import re

import pytest
from cms.models import Page, PageContent
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language_info, override
from lxml import html

from programme.demo_content import leichte_sprache, page_texts, read_texts

LANGUAGES = [code for code, _name in settings.LANGUAGES]
NATIVE_NAMES = {"de": "Deutsch", "en": "English", "ar": "العربية", "fa": "فارسی", "uk": "Українська", "tr": "Türkçe"}
SKIP_LINK = {
    "de": "Zum Hauptinhalt springen",
    "en": "Skip to main content",
    "ar": "الانتقال إلى المحتوى الرئيسي",
    "fa": "رفتن به محتوای اصلی",
    "uk": "Перейти до основного вмісту",
    "tr": "Ana içeriğe geç",
}
APPHOOK_NAMESPACES = ("lotse", "landesnetzwerke", "fachstellen")

pytestmark = pytest.mark.django_db


def get_doc(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: HTTP {response.status_code}"
    return html.fromstring(response.content.decode())


def expected_dir(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


def switcher_links(doc):
    return {link.get("hreflang"): link for link in doc.xpath("//nav[contains(@class, 'language-switcher')]//a")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "programm/", "arbeitgeber/"])
def test_every_page_answers_in_every_language_with_lang_and_dir(client, language, path):
    doc = get_doc(client, f"/{language}/{path}")
    assert doc.get("lang") == language
    assert doc.get("dir") == expected_dir(language)
    assert len(doc.xpath("//h1")) == 1


def test_fallback_content_is_marked_with_the_language_it_is_in(client):
    """A page missing a language shows its fallback content (English, then German) inside the visitor's
    interface, wrapped in an element with the content's lang and dir, after a notice."""
    checked = 0
    for page in Page.objects.filter(is_home=False):
        present = set(PageContent.objects.filter(page=page).values_list("language", flat=True))
        path = page.get_path("de") or page.get_path("en")
        if not path or page.application_urls:
            continue
        for language in set(LANGUAGES) - present:
            doc = get_doc(client, f"/{language}/{path}/")
            fallback = next(code for code in settings.CONTENT_FALLBACKS if code in present and code != language)
            assert doc.get("lang") == language
            wrapper = doc.xpath("//main//div[contains(@class, 'page-content')]")[0]
            assert wrapper.get("lang") == fallback
            assert wrapper.get("dir") == expected_dir(fallback)
            assert wrapper.xpath(".//h1"), "the fallback page title belongs inside the marked wrapper"
            assert doc.xpath("//p[contains(@class, 'fallback-notice')]")
            checked += 1
    assert checked or all(
        set(LANGUAGES) <= set(PageContent.objects.filter(page=page).values_list("language", flat=True))
        for page in Page.objects.filter(application_urls__in=["", None])
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_names_each_language_in_itself(client, language):
    doc = get_doc(client, f"/{language}/programm/")
    links = switcher_links(doc)
    assert set(links) == set(LANGUAGES) - {language}
    for code, link in links.items():
        assert link.text_content().strip() == NATIVE_NAMES[code]
        assert link.get("lang") == code
        assert link.xpath(".//bdi/@dir") == [expected_dir(code)]
    current = doc.xpath("//nav[contains(@class, 'language-switcher')]//li/*[@aria-current]")
    assert [element.text_content().strip() for element in current] == [NATIVE_NAMES[language]]
    assert current[0].get("lang") == language


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("programm/", ""),
        ("arbeitgeber/", ""),
        ("lotse/", "?q=Berlin"),
        ("lotse/", "?q=10115&umkreis=25"),
        ("projekte/", "?ort=44135"),
    ],
)
def test_language_switcher_keeps_the_page_and_the_query(client, path, query):
    links = switcher_links(get_doc(client, f"/de/{path}{query}"))
    for code in set(LANGUAGES) - {"de"}:
        assert links[code].get("href") == f"/{code}/{path}{query}"


def test_language_switcher_keeps_an_office_page(client):
    results = get_doc(client, "/de/lotse/?q=10115")
    office = results.xpath("//*[@id='results']//*[@data-office-id]//a/@href")[0]
    links = switcher_links(get_doc(client, office))
    assert links["ar"].get("href") == office.replace("/de/", "/ar/", 1)


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar", "/ar/"),
        ("uk,en;q=0.5", "/uk/"),
        ("fr-FR,fa;q=0.9,en;q=0.8", "/fa/"),  # French is not a site language: the next best one
        ("en-GB", "/en/"),
        ("tr-TR,tr;q=0.9", "/tr/"),
        ("xx-YY, zz;q=0.5", "/de/"),
        ("", "/de/"),
        ("*", "/de/"),
        ("ar" * 5000, "/de/"),  # longer than Django reads
        (";q=;;,,", "/de/"),
    ],
)
def test_root_redirects_to_the_best_language_of_the_browser(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    vary = {part.strip().lower() for part in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


def test_root_follows_the_chosen_language_over_the_browser(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/fa/"


def test_root_ignores_a_language_cookie_it_does_not_know(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "<script>"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr")["Location"] == "/tr/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert client.get("/")["Location"] == "/de/"


def test_root_keeps_the_query_string(client):
    response = client.get("/?utm_source=flyer&ort=44135", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/en/?utm_source=flyer&ort=44135"


def test_choosing_a_language_in_the_switcher_is_remembered(client):
    """Following a switcher link (a plain link, no JavaScript) sets the language cookie, so the next visit to
    ``/`` goes to that language even when the browser asks for another."""
    links = switcher_links(get_doc(client, "/de/lotse/?q=44135"))
    assert links["uk"].get("href") == "/uk/lotse/?q=44135"
    response = client.get(links["uk"].get("href"), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "uk"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de,en;q=0.5")["Location"] == "/uk/"


def test_language_switcher_lists_all_six_languages_with_lang_dir_and_hreflang(client):
    doc = get_doc(client, "/ar/lotse/?q=44135&umkreis=25")
    entries = doc.xpath("//nav[contains(@class, 'language-switcher')]//li/*")
    assert [entry.text_content().strip() for entry in entries] == [NATIVE_NAMES[code] for code in LANGUAGES]
    for code, entry in zip(LANGUAGES, entries, strict=True):
        assert entry.get("lang") == code
        assert entry.xpath(".//bdi/@dir") == [expected_dir(code)]
        if code != "ar":
            assert entry.get("hreflang") == code
            assert entry.get("href") == f"/{code}/lotse/?q=44135&umkreis=25"


def alternates_of(client, path):
    doc = get_doc(client, path)
    return {link.get("hreflang"): link.get("href") for link in doc.xpath("//head/link[@rel='alternate']")}


def test_alternate_links_name_every_language_the_page_is_written_in(client):
    home = alternates_of(client, "/de/")
    assert set(home) == {*LANGUAGES, "x-default"}  # home exists in all six languages
    for code in LANGUAGES:
        assert home[code] == f"http://testserver/{code}/"
    # The programme page is written in German and English; the other languages only show it as a fallback,
    # which search engines must not be told is a translation.
    programme = alternates_of(client, "/de/programm/")
    assert set(programme) == {"de", "en", "x-default"}
    assert programme["en"] == "http://testserver/en/programm/"
    assert programme["x-default"] == f"http://testserver/{settings.LANGUAGE_CODE}/programm/"
    assert set(alternates_of(client, "/ar/leichte-sprache/")) == {"de", "x-default"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_menu_and_breadcrumbs_stay_in_the_visitors_language(client, language):
    doc = get_doc(client, f"/{language}/programm/")
    hrefs = doc.xpath("//nav[contains(@class, 'main-nav')]//a/@href") + doc.xpath(
        "//nav[contains(@class, 'breadcrumbs')]//a/@href"
    )
    assert hrefs
    assert [href for href in hrefs if not href.startswith(f"/{language}/")] == []
    assert doc.xpath("//nav[contains(@class, 'breadcrumbs')]//a/@href")[0] == f"/{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", ["", "programm/", "lotse/"])
def test_header_links_to_leichte_sprache(client, language, path):
    doc = get_doc(client, f"/{language}/{path}")
    link = doc.xpath("//header//a[@href='/de/leichte-sprache/']")
    assert len(link) == 1
    assert link[0].text_content().strip() == "Leichte Sprache"
    assert link[0].get("hreflang") == "de"
    if language != "de":
        assert link[0].get("lang") == "de"


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_strings_come_from_the_catalogues(client, language):
    doc = get_doc(client, f"/{language}/")
    assert doc.xpath("//a[contains(@class, 'skip-link')]")[0].text_content().strip() == SKIP_LINK[language]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("namespace", APPHOOK_NAMESPACES)
def test_apphook_pages_work_in_every_language(client, language, namespace):
    """django CMS mounts an apphook only in the languages its page has content in: the page tree must give
    the Lotse, Landesnetzwerke and Fachstellen pages a (possibly short) version in every language."""
    with override(language):
        try:
            url = reverse(f"{namespace}:{'search' if namespace == 'lotse' else 'list'}")
        except NoReverseMatch:
            url = None
    assert url == f"/{language}/{'lotse' if namespace == 'lotse' else namespace}/", (
        f"the {namespace} apphook is not mounted in {language}"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response.resolver_match.namespace == namespace


def test_404_page_is_in_the_visitors_language(client):
    for language in LANGUAGES:
        doc = get_doc(client, f"/{language}/gibt-es-nicht/", status=404)
        assert doc.get("lang") == language
        assert doc.get("dir") == expected_dir(language)


def test_leichte_sprache_content_follows_the_easy_read_rules():
    sections = read_texts("de")["leichte-sprache"]["sections"]
    assert page_texts("de")["leichte-sprache"].title == "Leichte Sprache"
    assert len(sections) >= 5
    headings = [section["heading"] for section in sections]
    assert any("Für wen" in heading for heading in headings)
    assert any("Beratungs-Stelle" in heading for heading in headings)
    for section in sections:
        assert section["paragraphs"]
        for paragraph in section["paragraphs"]:
            for sentence in leichte_sprache.sentences(paragraph):
                words = re.findall(r"\w+", sentence)
                assert len(words) <= 14, f"sentence too long for Leichte Sprache: {sentence!r}"
    steps = [p for s in sections for p in s["paragraphs"] if p.startswith("Schritt ")]
    assert len(steps) >= 4, "the way to counselling is explained step by step"
    body = leichte_sprache.html(sections)
    assert "<h1" not in body and body.count("<h2>") == len(sections)
