"""The admin on an editor's screen: nothing from other hosts, its icon, and version lists that fit 1,280 px."""

import pytest

from tests.browser.conftest import EDITOR_PASSWORD, EDITOR_USERNAME

pytestmark = pytest.mark.browser

# Every column header of the version list, and where it ends, against the list's own box and the window.
COLUMNS_OUT_OF_VIEW = """() => {
    const results = document.querySelector('#changelist .results').getBoundingClientRect();
    return [...document.querySelectorAll('#result_list thead th')]
        .filter(th => {
            const box = th.getBoundingClientRect();
            return box.left < results.left - 1 || box.right > results.right + 1 || box.right > window.innerWidth;
        })
        .map(th => th.textContent.trim());
}"""


def log_in(page, language):
    page.goto(f"/{language}/admin/login/?next=/{language}/admin/")
    page.fill("#id_username", EDITOR_USERNAME)
    page.fill("#id_password", EDITOR_PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_url(f"**/{language}/admin/")


def test_the_admin_index_loads_nothing_from_other_hosts(new_page):
    page = new_page(width=1280, height=800)
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    log_in(page, "de")
    page.wait_for_load_state("networkidle")
    assert page.external_requests == []  # django CMS's update check asked pypi.org
    assert failed == []  # no missing favicon.ico or stylesheet
    assert "IQ Portal – Verwaltung" in page.locator("#site-name").inner_text()
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(icon).status == 200


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_version_list_shows_every_column_at_1280_px(new_page, language):
    page = new_page(width=1280, height=800, language=language)
    log_in(page, language)
    page.goto(f"/{language}/admin/djangocms_versioning/pagecontentversion/")
    # "Select a page to view its versions" offers the pages through the admin's autocomplete.
    select = page.locator("select[name=page]")
    attribute = select.get_attribute
    query = f"app_label={attribute('data-app-label')}&model_name={attribute('data-model-name')}"
    query += f"&field_name={attribute('data-field-name')}&term="
    first_page = page.request.get(f"{attribute('data-ajax--url')}?{query}").json()["results"][0]["id"]
    page.goto(f"/{language}/admin/djangocms_versioning/pagecontentversion/?page={first_page}")
    assert page.locator("#result_list tbody tr").count() >= 1
    assert page.evaluate(COLUMNS_OUT_OF_VIEW) == []
    sideways = page.evaluate("() => document.querySelector('#changelist .results').scrollWidth")
    assert sideways <= page.evaluate("() => document.querySelector('#changelist .results').clientWidth")
    # The status and the actions are in view, in the window.
    for cell in ("td.field-state", "td.field-list_actions"):
        assert page.locator(f"#result_list tbody tr:first-child {cell}").is_visible()
