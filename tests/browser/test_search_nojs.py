"""
The site search in Chromium with JavaScript switched off: from the header's search field on any page to the
results, through the result pages, to a result; a typo corrected; a search that finds nothing leads to the Lotse;
on a 320 px wide screen too.

Runs against the browser tests' site (tests/browser/conftest.py) with the demo content; it checks the contract
(README, section Site search: #search-results, data-result-type), not particular pages.
"""

import pytest

pytestmark = pytest.mark.browser

RESULT_TYPES = {"page", "office", "network", "fachstelle", "news", "event", "publication", "project"}


@pytest.fixture(params=[1280, 320], ids=["1280px", "320px"])
def page(request, browser, site_url):
    context = browser.new_context(
        base_url=site_url, java_script_enabled=False, viewport={"width": request.param, "height": 900}, locale="de"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.external_requests = []
    page.on(
        "request",
        lambda req: None if req.url.startswith(site_url) else page.external_requests.append(req.url),
    )
    yield page
    assert not page.external_requests, page.external_requests
    context.close()


def search_from_header(page, text):
    field = page.locator("header #header-search-q")
    assert field.is_visible()
    field.fill(text)
    field.press("Enter")
    page.wait_for_load_state()


def result_types(page):
    selector = "#search-results [data-result-type]"
    return page.eval_on_selector_all(selector, "items => items.map(item => item.dataset.resultType)")


def test_site_search_journey_without_javascript(page):
    page.goto("/de/programm/")
    search_from_header(page, "Beratung")
    assert "/de/suche/?q=Beratung" in page.url
    assert page.locator("h1").count() == 1
    first = result_types(page)
    assert first and set(first) <= RESULT_TYPES
    assert page.locator("#search-results mark").count() > 0
    # The query stays in the page's own field; the next page of results by a plain link.
    assert page.locator("main input[name=q]").input_value() == "Beratung"
    page.locator("#search-results a[rel=next]").click()
    page.wait_for_load_state()
    assert "page=2" in page.url and result_types(page)
    page.locator("#search-results a[rel=prev]").click()
    page.wait_for_load_state()
    # A result leads to its page.
    link = page.locator("#search-results [data-result-type] h3 a").first
    title = link.inner_text()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().strip()
    assert "/suche/" not in page.url, f"the result {title!r} did not lead to its page"


def test_a_typo_is_corrected_and_nothing_found_leads_to_the_lotse(page):
    page.goto("/de/")
    search_from_header(page, "Anerkenung")
    assert result_types(page)
    assert "Anerkennung" in page.locator(".search-corrections").inner_text()
    # Nothing found: the page says so and offers the Lotse, with the place when the query is one.
    field = page.locator("main input[name=q]")
    field.fill("Kirchenlamitz")
    field.press("Enter")
    page.wait_for_load_state()
    assert result_types(page) == []
    page.locator(".search-suggestions a[href*='/lotse/']").first.click()
    page.wait_for_load_state()
    assert "/de/lotse/?q=Kirchenlamitz" in page.url
    assert page.locator("#results").count() == 1


def test_empty_and_overlong_queries_give_a_message(page):
    page.goto("/de/suche/?q=" + "x" * 1000)
    assert page.locator("#error-summary").count() == 1
    assert page.locator("main input[name=q][aria-invalid=true]").count() == 1
    page.goto("/de/suche/?q=%21%21%21")
    assert page.locator("#search-results [role=status]").count() == 1
