"""
The e-mail subscription in Chromium: the form (without JavaScript), the mail's confirmation link (its page with the
button, then the confirmed page) and the unsubscribe link (before the confirmation: delete the address; after it:
choose the lists to leave). The pages that only a link from a mail opens pass
axe-core and the basic checks in every language at 1280 and 360 px, like the page types of test_accessibility.

The site under test writes its mails to files (tests/browser/server_settings.py); this module reads them.
"""

import re
import uuid
from email import message_from_bytes

import pytest

from tests.browser import helpers
from tests.browser.helpers import check_axe, page_facts, save_screenshot
from tests.browser.test_accessibility import LANGUAGES, WIDTHS, expected_dir

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^/\s]+/[a-z-]+/(abonnement/(?:bestaetigen|abmelden)/\S+/)")


def mails():
    if helpers.SERVER_LOG is None:
        pytest.skip("Reads the mails of the browser tests' own site (not available with BROWSER_SITE_URL).")
    folder = helpers.SERVER_LOG.parent / "mail"
    return sorted(folder.glob("*.log")) if folder.exists() else []


def links_in(path):
    message = message_from_bytes(path.read_bytes().split(b"\n" + b"-" * 79)[0])
    body = message.get_payload(decode=True).decode()
    return {("confirm" if "bestaetigen" in link else "unsubscribe"): link for link in LINK.findall(body)}


def subscribe(page, address):
    """Subscribes `address` to both lists through the form (German); the links of the confirmation mail."""
    before = set(mails())
    page.goto("/de/abonnement/")
    page.get_by_label("IQ konkret, das Magazin des Programms").check()
    page.get_by_label("Neuigkeiten aus dem Programm IQ").check()
    page.get_by_label("Ihre E-Mail-Adresse").fill(address)
    page.locator("#id_consent").check()
    page.get_by_role("button", name="Abonnieren").click()
    assert page.url.endswith("/de/abonnement/gesendet/")
    new = sorted(set(mails()) - before)
    assert len(new) == 1, f"expected one confirmation mail, found {len(new)}"
    found = links_in(new[0])
    assert set(found) == {"confirm", "unsubscribe"}
    return found


@pytest.fixture(scope="module")
def links(browser, site_url):
    """Two addresses subscribed through the form without JavaScript, the second one confirmed: the paths (below the
    language) of the first one's confirmation and unsubscribe links and of the second one's unsubscribe link."""
    context = browser.new_context(base_url=site_url, java_script_enabled=False, locale="de")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        pending = subscribe(page, f"browser-{uuid.uuid4().hex[:8]}@example.org")
        confirmed = subscribe(page, f"browser-{uuid.uuid4().hex[:8]}@example.org")
        page.goto(f"/de/{confirmed['confirm']}")
        page.get_by_role("button", name="Abonnement bestätigen").click()
        assert page.locator("h1").inner_text() == "Danke: Ihr Abonnement ist bestätigt"
    finally:
        context.close()
    return {**pending, "subscribed": confirmed["unsubscribe"]}


def check_page(page, url, language, name, problems):
    response = page.goto(url)
    label = f"{name} {url}"
    if not response or response.status != 200:
        problems.append(f"{label}: HTTP {response and response.status}")
    facts = page_facts(page)
    if facts["lang"] != language or facts["dir"] != expected_dir(language):
        problems.append(f"{label}: lang={facts['lang']!r} dir={facts['dir']!r}")
    if facts["h1"] != 1:
        problems.append(f"{label}: {facts['h1']} h1 elements")
    if facts["scrollWidth"] > facts["clientWidth"]:
        problems.append(f"{label}: scrolls sideways")
    problems.extend(f"{label}: axe {violation}" for violation in check_axe(page))
    save_screenshot(page, language, name)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_of_the_mails_links_pass_axe(new_page, links, language, width):
    page = new_page(width=width, language=language)
    problems = []
    check_page(page, f"/{language}/{links['confirm']}", language, "subscription-confirm", problems)
    if not page.get_by_role("button").count():
        problems.append("subscription-confirm: no button to confirm")
    check_page(page, f"/{language}/{links['unsubscribe']}", language, "unsubscribe-unconfirmed", problems)
    if not page.get_by_role("button").count():
        problems.append("unsubscribe-unconfirmed: no button to delete the address")
    check_page(page, f"/{language}/{links['subscribed']}", language, "unsubscribe", problems)
    if page.locator("input[name='listen']:checked").count() != 2:
        problems.append("unsubscribe: the two lists are not offered checked")
    assert not problems, f"{len(problems)} problem(s) in {language} at {width} px:\n" + "\n".join(problems)


def test_confirming_and_unsubscribing(new_page, links):
    """Last in this module: it uses the link up. The pages answering the buttons (POST) pass axe too (axe needs
    JavaScript; the pages themselves have none)."""
    page = new_page(width=360, language="ar")
    problems = []
    page.goto(f"/ar/{links['confirm']}")
    page.get_by_role("button", name="تأكيد اشتراكي").click()
    assert page.locator("h1").inner_text() == "شكرًا: تم تأكيد اشتراكك"
    problems.extend(f"confirmed: axe {violation}" for violation in check_axe(page))
    page.goto(f"/ar/{links['confirm']}")
    assert page.locator("h1").inner_text() == "اشتراكك مؤكد بالفعل"
    page.goto(f"/ar/{links['unsubscribe']}")
    page.get_by_label("أخبار برنامج IQ").uncheck()
    page.get_by_role("button", name="إلغاء الاشتراك").click()
    assert page.locator("h1").inner_text() == "تم إلغاء اشتراكك"
    assert page.locator("input[name='listen']").count() == 1  # the news are still received
    problems.extend(f"unsubscribed: axe {violation}" for violation in check_axe(page))
    save_screenshot(page, "ar", "unsubscribed")
    assert not problems, "\n".join(problems)
