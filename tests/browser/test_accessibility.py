"""
WCAG 2.2 AA in a real browser: every page type in every language at 1280 px and 360 px, reflow at 320 px
(SC 1.4.10, also with the text spacing of SC 1.4.12 on key pages), the main navigation lined up with the
header, and the Lotse journey by keyboard alone.

One test per language × width visits all page types in one browser context and reports every problem
at once (axe-core violations, wrong status, lang/dir, h1 count, sideways scrolling, requests to other
hosts), and saves screenshots to artifacts/screenshots/<language>/<page type>-<width>.png. At 320 px the
same pages are only checked for sideways scrolling (axe at 1280 and 360 px is enough, and keeps CI short).
"""

import re
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from tests.browser import helpers
from tests.browser.helpers import (
    apply_text_spacing,
    apply_wide_font,
    check_axe,
    focused,
    page_facts,
    save_screenshot,
    sideways_scrolling,
)

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
WIDTHS = (1280, 360)
REFLOW_WIDTH = 320  # WCAG 2.1 SC 1.4.10: content reflows without scrolling in two dimensions at 320 CSS px
# Pages with the most varied layouts (steps, result lists with the map, tables, contact lists), for the text
# spacing check (SC 1.4.12) at 320 px in a left-to-right language with long words and a right-to-left one.
TEXT_SPACING_PAGES = ("home", "network-detail", "lotse-results", "office", "mobile-office", "employer")
TEXT_SPACING_LANGUAGES = ("de", "uk", "ar")
SEARCH_PLZ = "10115"  # Berlin-Mitte: offices nearby in the demo data
MOBILE_PLZ = "29320"  # Hermannsburg: mobile counselling with consultation days in the demo data


@dataclass(frozen=True)
class PageType:
    name: str
    path: str = ""  # below /<language>/; for found pages: the page whose first matching link is followed
    link: str = ""  # CSS selector of the link to follow on `path` (detail pages found in the demo data)
    status: int = 200


PAGE_TYPES = (
    PageType("home", ""),
    PageType("content", "programm/"),
    PageType("networks", "landesnetzwerke/"),
    PageType("network-detail", "landesnetzwerke/", link="main a[href*='/landesnetzwerke/']"),
    PageType("fachstellen", "fachstellen/"),
    PageType("fachstelle-detail", "fachstellen/", link="main a[href*='/fachstellen/']"),
    PageType("lotse", "lotse/"),
    PageType("lotse-results", f"lotse/?q={SEARCH_PLZ}"),
    PageType("lotse-no-result", "lotse/?q=Zzyzxqvwk"),
    PageType("lotse-input-error", "lotse/?q=%3Cscript%3E"),
    PageType("office", f"lotse/?q={SEARCH_PLZ}", link="#results [data-office-id] a[href]"),
    PageType("mobile-office", f"lotse/?q={MOBILE_PLZ}&art=mobil", link="#results [data-office-id] a[href]"),
    PageType("employer", "arbeitgeber/"),
    PageType("news", "aktuelles/"),
    PageType("news-detail", "aktuelles/", link="#news [data-news-item] a[href]"),
    PageType("events", "termine/"),
    PageType("events-archive", "termine/archiv/"),
    PageType("event-detail", "termine/", link="#events [data-event] a[href]"),
    PageType("projects", "projekte/"),
    PageType("projects-results", f"projekte/?ort={SEARCH_PLZ}&laufend=1"),
    PageType("projects-input-error", "projekte/?ort=Zzyzxqvwk&schwerpunkt=x"),
    PageType("project", f"projekte/?ort={SEARCH_PLZ}", link="#projects [data-project-id] a[href]"),
    PageType("easy-read", "leichte-sprache/"),
    PageType("accessibility-statement", "barrierefreiheit/"),
    PageType("publications", "publikationen/"),
    PageType("publications-filter-error", "publikationen/?jahr=1800&typ=zeitung"),
    PageType("publication", "publikationen/", link="#publications a[href*='/publikationen/']"),
    PageType("subscribe", "abonnement/"),
    PageType("subscription-sent", "abonnement/gesendet/"),
    PageType("subscription-invalid-link", "abonnement/bestaetigen/ungueltig/", status=400),
    PageType("unsubscribe-unknown-link", "abonnement/abmelden/unbekannt/"),
    PageType("search-results", "suche/?q=Beratung"),
    PageType("search-no-result", "suche/?q=Zzyzxqvwk"),
    PageType("not-found", "diese-seite-gibt-es-nicht/", status=404),
)


@pytest.fixture(scope="module")
def page_paths(browser, site_url):
    """Path below /<language>/ of every page type; detail pages are found by following the first link
    on their list page in German (slugs are the same in every language). None when nothing is found."""
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    paths = {}
    try:
        for page_type in PAGE_TYPES:
            if not page_type.link:
                paths[page_type.name] = page_type.path
                continue
            page.goto(f"/de/{page_type.path}")
            section = "/de/" + page_type.path.split("?")[0]
            links = page.eval_on_selector_all(page_type.link, "links => links.map(link => link.pathname)")
            found = [path for path in links if path.startswith(section) and path != section]
            paths[page_type.name] = found[0].removeprefix("/de/") if found else None
    finally:
        context.close()
    return paths


def expected_dir(language):
    return "rtl" if get_language_info(language)["bidi"] else "ltr"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_passes_axe_and_basic_checks(new_page, page_paths, language, width):
    page = new_page(width=width, language=language)
    problems = []
    for page_type in PAGE_TYPES:
        path = page_paths[page_type.name]
        if path is None:
            problems.append(
                f"{page_type.name}: no page to test (no link matching {page_type.link!r} on /de/{page_type.path})"
            )
            continue
        url = f"/{language}/{path}"
        label = f"{page_type.name} {url}"
        response = page.goto(url)
        status = response.status if response else None
        if status != page_type.status:
            log = f" (traceback in {helpers.SERVER_LOG})" if status and status >= 500 and helpers.SERVER_LOG else ""
            problems.append(f"{label}: HTTP {status}, expected {page_type.status}{log}")
        facts = page_facts(page)
        if facts["lang"] != language:
            problems.append(f"{label}: <html lang={facts['lang']!r}>, expected {language!r}")
        if facts["dir"] != expected_dir(language):
            problems.append(f"{label}: <html dir={facts['dir']!r}>, expected {expected_dir(language)!r}")
        if facts["h1"] != 1:
            problems.append(f"{label}: {facts['h1']} h1 elements, expected exactly one")
        if facts["scrollWidth"] > facts["clientWidth"]:
            problems.append(
                f"{label}: scrolls sideways at {width} px (content {facts['scrollWidth']} px wide, "
                f"window {facts['clientWidth']} px)"
            )
        problems.extend(f"{label}: axe {violation}" for violation in check_axe(page))
        save_screenshot(page, language, page_type.name)
    if page.external_requests:
        problems.append(f"requests to other hosts: {sorted(set(page.external_requests))[:5]}")
    assert not problems, f"{len(problems)} problem(s) in {language} at {width} px:\n" + "\n".join(problems)


def _visit_all(page, page_paths, language, names=None):
    """Yields (page type, label) after loading each page type (or those in `names`) in `language`."""
    for page_type in PAGE_TYPES:
        if names is not None and page_type.name not in names:
            continue
        path = page_paths[page_type.name]
        if path is None:
            pytest.fail(
                f"{page_type.name}: no page to test (no link matching {page_type.link!r} on /de/{page_type.path})"
            )
        url = f"/{language}/{path}"
        response = page.goto(url)
        assert response is not None and response.status == page_type.status, (
            f"{url}: HTTP {response and response.status}"
        )
        yield page_type, f"{page_type.name} {url}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_reflows_at_320_px(new_page, page_paths, language):
    page = new_page(width=REFLOW_WIDTH, language=language)
    problems = []
    for _page_type, label in _visit_all(page, page_paths, language):
        problem = sideways_scrolling(page)
        if problem:
            problems.append(f"{label}: {problem}")
    if page.external_requests:
        problems.append(f"requests to other hosts: {sorted(set(page.external_requests))[:5]}")
    assert not problems, f"{len(problems)} page(s) in {language} at {REFLOW_WIDTH} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TEXT_SPACING_LANGUAGES)
def test_key_pages_reflow_at_320_px_with_increased_text_spacing(new_page, page_paths, language):
    page = new_page(width=REFLOW_WIDTH, language=language)
    problems = []
    for _page_type, label in _visit_all(page, page_paths, language, names=TEXT_SPACING_PAGES):
        assert apply_text_spacing(page) != "normal", "the text spacing style sheet did not apply"
        problem = sideways_scrolling(page)
        if problem:
            problems.append(f"{label}: {problem}")
    assert not problems, f"{len(problems)} page(s) in {language} with WCAG 1.4.12 text spacing:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TEXT_SPACING_LANGUAGES)
def test_every_page_type_reflows_at_320_px_in_a_wide_font_with_increased_text_spacing(new_page, page_paths, language):
    """The visitor's fonts may be wider than this machine's (a fresh Debian has DejaVu, not Noto): no page may
    depend on the font's metrics to fit 320 px."""
    page = new_page(width=REFLOW_WIDTH, language=language)
    problems = []
    for _page_type, label in _visit_all(page, page_paths, language):
        assert "monospace" in apply_wide_font(page), "the wide font style sheet did not apply"
        assert apply_text_spacing(page) != "normal", "the text spacing style sheet did not apply"
        problem = sideways_scrolling(page)
        if problem:
            problems.append(f"{label}: {problem}")
    assert not problems, f"{len(problems)} page(s) in {language} in a wide font at {REFLOW_WIDTH} px:\n" + "\n".join(
        problems
    )


NAV_ALIGNMENT_JS = """() => {
  const start = document.documentElement.dir === 'rtl' ? 'right' : 'left';
  const edge = el => el.getBoundingClientRect()[start];
  const text = el => { const range = document.createRange(); range.selectNodeContents(el); return edge(range); };
  return {
    brand: edge(document.querySelector('.brand')),
    link: text(document.querySelector('.main-nav a')),
    main: edge(document.querySelector('main h1')),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_main_navigation_lines_up_with_the_header(new_page, language, width):
    """The first menu item's text starts where the brand and the page's heading start, in both directions."""
    page = new_page(width=width, language=language)
    page.goto(f"/{language}/programm/")
    menu_button = page.locator("summary.site-menu-button")
    if menu_button.is_visible():  # a phone: the navigation is behind the menu button
        menu_button.click()
    edges = page.evaluate(NAV_ALIGNMENT_JS)
    assert abs(edges["link"] - edges["brand"]) <= 1, f"menu text at {edges['link']}, brand at {edges['brand']}"
    assert abs(edges["main"] - edges["brand"]) <= 1, f"heading at {edges['main']}, brand at {edges['brand']}"


def _tab_until(page, predicate, limit=80):
    """Presses Tab until `predicate(focused element)` holds; returns every element focused on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = focused(page)
        seen.append(info)
        if info and predicate(info):
            return seen
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_lotse_journey_by_keyboard_alone(new_page, language):
    page = new_page(width=1280, language=language)
    page.goto(f"/{language}/lotse/")

    # The skip link comes first, shows itself on focus and moves focus to the main content.
    page.keyboard.press("Tab")
    first = focused(page)
    assert first and "skip-link" in first["cls"], f"first Tab stop is {first}, expected the skip link"
    assert first["visible"], "the skip link stays off screen when focused"
    assert first["indicator"], "the skip link has no visible focus indicator"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", "the skip link does not move focus to <main>"

    # From the top, Tab reaches the Lotse's search field (past the header's site search); every stop on the way
    # shows where focus is.
    page.goto(f"/{language}/lotse/")
    seen = _tab_until(page, lambda info: info["id"] == "id_q")
    assert seen and seen[-1] and seen[-1]["id"] == "id_q", f"Tab never reached the search field; stops: {seen}"
    invisible = [info for info in seen if info and not (info["indicator"] and info["visible"])]
    assert not invisible, f"focus not visible on: {invisible}"

    # Type a PLZ, submit with Enter: results, and a status region that announces their number.
    page.keyboard.type(SEARCH_PLZ)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"q={SEARCH_PLZ}" in page.url
    assert page.locator("#results [data-office-id]").count() > 0, "no results for a Berlin PLZ"
    announced = " ".join(page.locator("[role=status], [aria-live]").all_inner_texts())
    assert re.search(r"\d", announced), f"no live/status region announcing the number of results: {announced!r}"
