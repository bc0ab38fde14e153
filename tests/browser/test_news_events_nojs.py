"""
News and events in Chromium with JavaScript switched off: the filters are a plain GET form, the lists page, and an
item's page and its calendar file are reached by links. Runs against the browser tests' site with the demo content
(tests/browser/conftest.py); it checks the contract (#news/#events and their data attributes), not particular items.
"""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(
        base_url=site_url, java_script_enabled=False, viewport={"width": 360, "height": 800}, locale="de"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def networks_listed(page, section):
    return page.eval_on_selector_all(f"#{section} li", "items => items.map(item => item.dataset.landesnetzwerk)")


def test_news_filters_and_pages_without_javascript(page):
    page.goto("/de/aktuelles/")
    assert page.locator("h1").count() == 1
    assert page.locator("#news [data-news-item]").count() == 10
    page.select_option("#id_netzwerk", "niedersachsen")
    page.locator("form.list-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "netzwerk=niedersachsen" in page.url
    assert set(networks_listed(page, "news")) == {"niedersachsen"}
    page.locator("#news [data-news-item] a").first.click()
    page.wait_for_load_state()
    assert "/de/aktuelles/" in page.url and page.locator("article h1").count() == 1

    # A value that names nothing is an error at its field; the list stays.
    page.goto("/de/aktuelles/?schwerpunkt=unbekannt")
    assert page.locator("#error-summary a[href='#id_schwerpunkt']").count() == 1
    assert page.locator("#news [data-news-item]").count() > 0


def test_events_filters_archive_and_calendar_without_javascript(page):
    page.goto("/de/termine/")
    assert page.locator("#events [data-event]").count() > 0
    page.select_option("#id_zielgruppe", "arbeitgeber")
    page.locator("form.list-filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "zielgruppe=arbeitgeber" in page.url
    employers = page.locator("#events [data-event]").count()
    assert employers > 0
    page.locator("#events [data-event] a").first.click()
    page.wait_for_load_state()
    assert page.locator("a[href$='.ics']").count() == 1
    with page.expect_download() as download:
        page.locator("a[href$='.ics']").click()
    assert download.value.suggested_filename.endswith(".ics")

    page.goto("/de/termine/")
    page.locator("a[href='/de/termine/archiv/']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/de/termine/archiv/")
    assert page.locator("#events [data-event]").count() > 0
