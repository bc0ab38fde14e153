"""
The Lotse on a phone (360 × 740 px), in German and in Arabic (right to left): a compact header whose navigation is
behind a menu button that works by keyboard and without script, and a search whose first result is on the first
screen. At 320 px nothing scrolls sideways.
"""

import pytest

from tests.browser.helpers import focused, sideways_scrolling

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
MAX_HEADER_HEIGHT = 120
FIRST_RESULT = "#results [data-office-id]"


def top_of(page, selector):
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")


@pytest.mark.parametrize("language", ["de", "ar"])
def test_the_header_is_compact_and_its_menu_opens_by_keyboard(new_page, language):
    page = new_page(**PHONE, language=language)
    page.goto(f"/{language}/lotse/")
    assert page.locator("header.site-header").bounding_box()["height"] <= MAX_HEADER_HEIGHT
    menu_link = page.locator(".main-nav a").first
    assert not menu_link.is_visible(), "the navigation is behind the menu button on a phone"
    # The language switcher, Leichte Sprache and the site search stay in the header, outside the menu.
    for selector in (".language-switcher summary", ".header-easy-read", "#header-search-q"):
        assert page.locator(selector).is_visible(), selector
    button = page.locator("summary.site-menu-button")
    button.focus()
    assert focused(page)["indicator"], "the menu button shows focus"
    page.keyboard.press("Enter")
    assert menu_link.is_visible()
    assert page.locator("details.site-menu").get_attribute("open") is not None
    # Its name is the translated word, read out even where only the icon shows.
    name = page.evaluate("document.querySelector('summary.site-menu-button').textContent.trim()")
    assert name == {"de": "Menü", "ar": "القائمة"}[language]
    page.keyboard.press("Enter")
    assert not menu_link.is_visible()
    assert page.external_requests == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_after_a_search_the_first_result_is_on_the_first_screen(new_page, language):
    page = new_page(**PHONE, language=language)
    page.goto(f"/{language}/lotse/")
    page.fill("#id_q", "44135")
    with page.expect_navigation():
        page.press("#id_q", "Enter")
    assert page.url.endswith("#results") and "q=44135" in page.url
    assert page.locator("header.site-header").bounding_box()["height"] <= MAX_HEADER_HEIGHT
    assert 0 <= top_of(page, FIRST_RESULT) < PHONE["height"]
    # The next Tab stop is in the results, not back at the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#results')"), focused(page)
    # A link to the results without the fragment shows the first result on the first screen too.
    page.goto(f"/{language}/lotse/?q=44135")
    assert 0 <= top_of(page, FIRST_RESULT) < PHONE["height"]
    # The folded search opens again to change it.
    assert not page.locator("#id_q").is_visible()
    page.locator("summary.lotse-search-summary").click()
    assert page.locator("#id_q").is_visible()
    assert page.external_requests == []


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("path", ["lotse/", "lotse/?q=44135", "lotse/?q=Frankfrut", "programm/"])
def test_no_sideways_scrolling_at_320_px(new_page, language, path):
    page = new_page(width=320, height=740, language=language)
    page.goto(f"/{language}/{path}")
    assert sideways_scrolling(page) is None
    page.locator("summary.site-menu-button").click()
    assert page.locator(".main-nav a").first.is_visible()
    assert sideways_scrolling(page) is None
