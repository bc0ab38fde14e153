"""The demo page tree: pages, languages, navigation, language switcher and the build command's idempotency."""

import pytest
from cms.models import CMSPlugin, Page, PageContent
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from programme.demo_content import page_texts, page_tree
from programme.page_builder import content_languages
from tests.factories import published_content
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en"]
PAGE_TREE = page_tree()
PATHS = [
    "",
    "programm/",
    "programm/handlungsschwerpunkte/",
    "programm/prozesskette/",
    "landesnetzwerke/",
    "fachstellen/",
    "beratung/",
    "lotse/",
    "arbeitgeber/",
    "impressum/",
    "datenschutz/",
    "barrierefreiheit/",
]


def test_page_tree_exists_with_the_same_slugs_in_every_language():
    for spec in PAGE_TREE:
        page = Page.objects.get(reverse_id=spec.reverse_id)
        languages = [language for language in content_languages() if spec.reverse_id in page_texts(language)]
        assert languages, spec.reverse_id
        for language in languages:
            content = PageContent.objects.get(page=page, language=language)  # published
            assert content.page.get_slug(language) == spec.slug
    assert Page.objects.get(reverse_id="home").is_home
    assert Page.objects.get(reverse_id="handlungsschwerpunkte").parent_page.reverse_id == "programm"
    assert Page.objects.get(reverse_id="lotse").application_urls == "LotseApphook"
    assert Page.objects.get(reverse_id="lotse").application_namespace == "lotse"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PATHS)
def test_every_page_answers_with_exactly_one_h1(client, language, path):
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    tree = parse(response)
    assert len(tree.xpath("//h1")) == 1
    assert tree.xpath("/html/@lang") == [language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_main_navigation_lists_the_content_sections_but_not_the_legal_pages(client, language):
    tree = parse(client.get(f"/{language}/"))
    nav_links = tree.xpath("//nav[contains(@class, 'main-nav')]//a/@href")
    for slug in ["programm", "landesnetzwerke", "fachstellen", "beratung", "lotse", "arbeitgeber"]:
        assert f"/{language}/{slug}/" in nav_links
    assert nav_links.index(f"/{language}/beratung/") + 1 == nav_links.index(f"/{language}/lotse/")
    assert f"/{language}/leichte-sprache/" not in nav_links
    for slug in ["impressum", "datenschutz", "barrierefreiheit"]:
        assert f"/{language}/{slug}/" not in nav_links
        footer_links = tree.xpath("//footer//a/@href")
        assert f"/{language}/{slug}/" in footer_links


@pytest.mark.parametrize("path", ["", "programm/prozesskette/", "arbeitgeber/", "arbeitgeber/checkliste/"])
def test_language_switcher_links_to_the_same_page_in_the_other_language(client, path):
    for language, other in [("de", "en"), ("en", "de")]:
        tree = parse(client.get(f"/{language}/{path}"))
        assert tree.xpath(f"//nav[contains(@class, 'language-switcher')]//a[@hreflang='{other}']/@href") == [
            f"/{other}/{path}"
        ]


def test_legal_pages_are_marked_as_sample_text(client):
    for path in ["impressum/", "datenschutz/", "barrierefreiheit/"]:
        assert "Mustertext" in text_of(parse(client.get(f"/de/{path}")), "//main//*[@class='sample-notice']")[0]
        assert "Sample text" in text_of(parse(client.get(f"/en/{path}")), "//main//*[@class='sample-notice']")[0]


@pytest.mark.parametrize(
    "language, headings",
    [
        ("de", ["Stand der Vereinbarkeit", "Nicht barrierefreie Inhalte", "Feedback und Kontakt", "Schlichtung"]),
        ("en", ["Compliance status", "not accessible", "Feedback and contact", "Conciliation procedure"]),
    ],
)
def test_accessibility_statement_follows_the_bitv_structure(client, language, headings):
    tree = parse(client.get(f"/{language}/barrierefreiheit/"))
    page_headings = " | ".join(text_of(tree, "//main//h2"))
    for heading in headings:
        assert heading in page_headings
    assert "https://www.schlichtungsstelle-bgg.de/" in tree.xpath("//main//a/@href")


@pytest.mark.parametrize("language, cta", [("de", "Beratungsstelle finden"), ("en", "Find a counselling office")])
def test_home_page_leads_to_the_lotse(client, language, cta):
    tree = parse(client.get(f"/{language}/"))
    form = tree.xpath("//main//form[@role='search']")[0]
    assert form.get("action") == f"/{language}/lotse/"
    assert form.get("method") == "get"
    assert form.xpath(".//input[@name='q']/@id")[0] == form.xpath(".//label/@for")[0]
    assert " ".join(form.xpath(".//button")[0].text_content().split()) == cta
    assert f"/{language}/lotse/" in tree.xpath("//main//a/@href")


def _counts():
    return {
        "pages": Page.objects.count(),
        "contents": PageContent.admin_manager.count(),
        "published": PageContent.objects.count(),
        "plugins": CMSPlugin.objects.count(),
        "versions": Version.objects.count(),
    }


def test_building_again_changes_nothing():
    before = _counts()
    call_command("build_pages", verbosity=0)
    assert _counts() == before


def _plugins_of(content):
    """The plugins in a page content's placeholders (other content types' placeholders may share its pk)."""
    page_contents = ContentType.objects.get_for_model(PageContent)
    return CMSPlugin.objects.filter(placeholder__content_type=page_contents, placeholder__object_id=content.pk)


def test_refresh_publishes_the_demo_content_again_as_a_new_version(editor):
    """--refresh: every page gets a new published version with the demo content; older versions are kept."""
    programm = published_content("programm", "de")
    programm_plugins = _plugins_of(programm).count()
    before = _counts()

    call_command("build_pages", refresh=True, user=editor.username, verbosity=0)

    after = _counts()
    assert after["pages"] == before["pages"]
    assert after["published"] == before["published"]
    written = sum(
        len(set(page_texts(language)) & {spec.reverse_id for spec in PAGE_TREE}) for language in content_languages()
    )
    assert after["versions"] == before["versions"] + written
    new = published_content("programm", "de")
    assert new.pk != programm.pk
    assert Version.objects.get_for_content(new).created_by == editor
    assert Version.objects.get_for_content(programm).state == constants.UNPUBLISHED
    assert _plugins_of(new).count() == programm_plugins
