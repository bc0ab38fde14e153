"""
The Lotse journey in Chromium with JavaScript switched off: search by place, choose among namesakes,
filter, page through results, open an office, recover from a typo and from invalid input, search by typed
coordinates, all on a 320 px wide screen too. And, with JavaScript on, the "use my location" button that
progressively enhances the form.

Runs against the browser tests' site (tests/browser/conftest.py: its own server process and database with
the demo content, so no transactional test flushes the session's data). The offices come from the demo
data; the test checks the contract (README, section The Lotse: #results and its data attributes), not
particular offices.
"""

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(
        base_url=site_url, java_script_enabled=False, viewport={"width": 1280, "height": 900}, locale="de"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.external_requests = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(site_url) else page.external_requests.append(request.url),
    )
    yield page
    context.close()


def result_items(page):
    return page.eval_on_selector_all(
        "#results [data-office-id]",
        """items => items.map(item => ({
            id: item.dataset.officeId, kind: item.dataset.kind,
            distance: item.dataset.distanceKm === undefined ? null : parseFloat(item.dataset.distanceKm)}))""",
    )


def assert_sorted_fixed(items):
    distances = [item["distance"] for item in items if item["kind"] == "fest"]
    assert distances and all(d is not None for d in distances)
    assert distances == sorted(distances)


def open_search_form(page):
    """After a search the form is folded into a one-line summary over the results: open it (no script needed)."""
    details = page.locator("details.lotse-search")
    if details.get_attribute("open") is None:
        details.locator("summary.lotse-search-summary").click()
    assert page.locator("#id_q").is_visible()


def search(page, text):
    open_search_form(page)
    field = page.locator("#id_q")
    field.fill(text)
    field.press("Enter")
    page.wait_for_load_state()


def test_lotse_journey_without_javascript(page):
    page.goto("/de/lotse/")
    assert page.locator("h1").count() == 1
    # The location button needs JavaScript: without it, it is not there at all.
    assert page.locator(".lotse-geo-button").count() == 0

    # An ambiguous place name offers the candidates as links; following one gives results.
    search(page, "Frankfurt")
    candidates = page.locator("#results .lotse-candidates a")
    assert candidates.count() >= 2
    page.locator("#results .lotse-candidates a", has_text="Frankfurt am Main").first.click()
    page.wait_for_load_state()
    items = result_items(page)
    assert items and items[0]["kind"] == "fest"
    assert_sorted_fixed(items)
    assert "Frankfurt am Main" in page.locator("#results-heading").inner_text()
    assert re.search(r"\d", page.locator("#results [role=status]").inner_text())
    assert page.locator("figure.lotse-map svg[role=img]").count() == 1

    # Filters live in a <details> that opens without script; a wider radius gives several pages.
    assert page.locator("details.lotse-search").get_attribute("open") is None, "the form is folded after a search"
    open_search_form(page)
    page.locator("details.lotse-more summary").first.click()
    page.select_option("#id_umkreis", "200")
    page.select_option("#id_art", "fest")
    page.locator("button.lotse-submit").click()
    page.wait_for_load_state()
    first_page = result_items(page)
    assert len(first_page) == 10 and {item["kind"] for item in first_page} == {"fest"}
    page.locator(".lotse-pagination a[rel=next]").click()
    page.wait_for_load_state()
    second_page = result_items(page)
    assert second_page and second_page[0]["distance"] >= first_page[-1]["distance"]
    assert page.locator("ol.lotse-list").get_attribute("start") == "11"
    assert "page=2" in page.url and "umkreis=200" in page.url

    # One click to an office's page, with its contact and address.
    page.locator("#results [data-office-id] h4 a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert page.locator("main a[href^='tel:']").count() >= 1
    assert page.locator("main a[href^='geo:']").count() == 1
    assert page.locator("main a[href$='/vcard/']").count() == 1
    # Structured data for search engines, except for sample data (invented addresses): then noindex instead.
    if page.locator(".sample-notice").count():
        assert page.locator("script[type='application/ld+json']").count() == 0
        assert page.locator("meta[name='robots']").get_attribute("content") == "noindex"
    else:
        assert page.locator("script[type='application/ld+json']").count() == 1

    # A typo gets close matches; choosing one searches there.
    page.goto("/de/lotse/")
    search(page, "Lepzig")
    assert page.locator("input[name=q][aria-invalid=true]").count() == 1
    # "Did you mean" follows the field (an unknown place has no results section).
    page.locator("#q-suggestions .lotse-candidates a", has_text="Leipzig").first.click()
    page.wait_for_load_state()
    assert "Leipzig" in page.locator("#results-heading").inner_text()
    assert_sorted_fixed(result_items(page))

    # Invalid input: the error summary links to the field, which is marked invalid; nothing breaks.
    search(page, "1234")
    summary = page.locator("#error-summary")
    assert summary.count() == 1
    assert summary.locator("a").first.get_attribute("href") == "#id_q"
    assert page.locator("#id_q").get_attribute("aria-invalid") == "true"
    assert "id_q_error" in page.locator("#id_q").get_attribute("aria-describedby")

    # Coordinates typed into the form (what the location button would fill in).
    page.goto("/de/lotse/")
    page.locator("#lotse-position summary").click()
    page.fill("#id_lat", "53.55")
    page.fill("#id_lon", "9.99")
    page.locator("button.lotse-submit").click()
    page.wait_for_load_state()
    assert_sorted_fixed(result_items(page))
    page.goto("/de/lotse/?lat=40.0&lon=9.99")
    assert page.locator("#id_lat").get_attribute("aria-invalid") == "true"
    assert page.locator("#lotse-position").get_attribute("open") is not None

    assert page.external_requests == []


def test_lotse_results_fit_a_320px_screen(browser, site_url):
    context = browser.new_context(base_url=site_url, java_script_enabled=False, viewport={"width": 320, "height": 700})
    try:
        page = context.new_page()
        for path in ("/de/lotse/?q=10115", "/de/lotse/?q=Frankfurt"):
            response = page.goto(path)
            assert response.status == 200
            widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1], f"{path} scrolls sideways at 320 px"
        office_link = page.goto("/de/lotse/?q=10115") and page.locator("#results [data-office-id] h4 a").first
        office_link.click()
        page.wait_for_load_state()
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1]
    finally:
        context.close()


def test_location_button_with_javascript(browser, site_url):
    """With JavaScript and the visitor's permission, the button fills lat/lon and searches from there."""
    context = browser.new_context(
        base_url=site_url, geolocation={"latitude": 51.3397, "longitude": 12.3731}, permissions=["geolocation"]
    )
    try:
        page = context.new_page()
        page.goto("/de/lotse/")
        assert page.locator("#id_umkreis").input_value() == "50"
        page.locator(".lotse-geo-button").click()
        page.wait_for_url("**lat=51.340**")
        assert "lon=12.373" in page.url and "umkreis=50" in page.url
        assert "04109" in page.locator("#results-heading").inner_text()
        assert_sorted_fixed(result_items(page))
        # A position outside Germany is not sent: the visitor is asked for a place instead.
        context.set_geolocation({"latitude": 48.85, "longitude": 2.35})
        page.goto("/de/lotse/")
        page.locator(".lotse-geo-button").click()
        outside = page.locator("[data-lotse-geo]").get_attribute("data-outside")
        page.locator(".lotse-geo-status", has_text=outside).wait_for()
        assert "lat=" not in page.url
    finally:
        context.close()
