"""
The page tree in six languages: the translated pages, the counselling page, the Leichte Sprache page, the Lotse's
CMS intro, and a rebuild that adds new pages and languages to a tree built earlier.
"""

import re
import unicodedata

import pytest
from cms.models import CMSPlugin, Page, PageContent, PageUrl
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import get_language_info
from djangocms_versioning.models import Version

from programme.demo_content import leichte_sprache, load_structure, page_texts, page_tree, read_texts
from tests.html import parse, text_of

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAGE_TREE = page_tree()
HOTLINE = load_structure().values["hotline"]
EASY_READ_SECTIONS = read_texts("de")["leichte-sprache"]["sections"]
SIX_LANGUAGE_PAGES = {"home": "", "beratung": "beratung/", "lotse": "lotse/", "arbeitgeber": "arbeitgeber/"}

# A sentence part of each page's own text in each language: it shows the page is translated, not a fallback.
PHRASES = {
    "home": {
        "de": "egal, welche Staatsangehörigkeit",
        "en": "whatever your nationality or residence status",
        "ar": "تساعدك مراكز الاستشارة",
        "fa": "بدون توجه به تابعیت",
        "uk": "незалежно від вашого громадянства",
        "tr": "vatandaşlığınız ya da oturum durumunuz",
    },
    "beratung": {
        "de": "Für wen ist die Beratung?",
        "en": "Who is the counselling for?",
        "ar": "لمن هذه الاستشارة؟",
        "fa": "این مشاوره برای چه کسانی است؟",
        "uk": "Для кого ця консультація?",
        "tr": "Danışmanlık kimler için?",
    },
    "lotse": {
        "de": "sortiert nach Entfernung",
        "en": "sorted by distance",
        "ar": "حسب المسافة",
        "fa": "به ترتیب فاصله",
        "uk": "впорядковані за відстанню",
        "tr": "mesafeye göre sıralanmış",
    },
    "arbeitgeber": {
        "de": "Was kostet die Beratung durch IQ?",
        "en": "What does IQ counselling cost?",
        "ar": "كم تكلّف استشارة IQ؟",
        "fa": "مشاوره IQ چقدر هزینه دارد؟",
        "uk": "Скільки коштує консультація IQ?",
        "tr": "IQ danışmanlığının ücreti nedir?",
    },
}


def main_text(tree):
    return " ".join(" ".join(tree.xpath("//main")[0].itertext()).split())


def page_path(spec):
    """The page's path below the language prefix, from the page tree (the same slugs in every language)."""
    if spec.is_home:
        return ""
    by_id = {other.reverse_id: other for other in PAGE_TREE}
    slugs = [spec.slug]
    while spec.parent:
        spec = by_id[spec.parent]
        slugs.insert(0, spec.slug)
    return "/".join(slugs) + "/"


def test_every_language_has_the_four_translated_pages():
    for reverse_id in SIX_LANGUAGE_PAGES:
        assert set(PHRASES[reverse_id]) == set(LANGUAGES)
    for language in LANGUAGES:
        assert set(SIX_LANGUAGE_PAGES) <= set(page_texts(language)), language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reverse_id", SIX_LANGUAGE_PAGES)
def test_translated_pages_answer_in_their_language(client, language, reverse_id):
    response = client.get(f"/{language}/{SIX_LANGUAGE_PAGES[reverse_id]}")
    assert response.status_code == 200
    tree = parse(response)
    assert tree.get("lang") == language
    assert tree.get("dir") == ("rtl" if get_language_info(language)["bidi"] else "ltr")
    assert len(tree.xpath("//h1")) == 1
    assert PHRASES[reverse_id][language] in main_text(tree)
    # The page's own content, not a fallback: no notice, no content marked with another language.
    assert not tree.xpath("//*[contains(@class, 'fallback-notice')]")
    assert not [lang for lang in tree.xpath("//main//@lang") if lang not in (language, "de")]


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_arabic_and_persian_pages_are_right_to_left(client, language):
    tree = parse(client.get(f"/{language}/beratung/"))
    assert (tree.get("lang"), tree.get("dir")) == (language, "rtl")


def test_phone_numbers_stay_left_to_right_in_right_to_left_content(client):
    for language in ["ar", "fa"]:
        body = client.get(f"/{language}/arbeitgeber/").content.decode()
        assert f"\u2066{HOTLINE}\u2069" in body


def all_text(language):
    """Every string of the language's demo content: titles, descriptions and plugin fields."""

    def block_strings(blocks):
        for block in blocks:
            yield from (value for value in block.data.values() if isinstance(value, str))
            yield from block_strings(block.children)

    return "\n".join(
        part
        for text in page_texts(language).values()
        for part in (text.title, text.menu_title, text.page_title, text.meta_description, *block_strings(text.blocks))
    )


def test_persian_and_arabic_content_use_their_own_letters():
    """Persian is written with Persian yeh and keheh (ی ک), Arabic with Arabic yeh and kaf (ي ك)."""
    persian = all_text("fa")
    arabic = all_text("ar")
    assert "\u064a" not in persian and "\u0643" not in persian
    assert "\u06cc" not in arabic and "\u06a9" not in arabic
    assert "\u200c" in persian  # zero-width non-joiner, as in می‌خواهید
    assert all(unicodedata.category(char) != "Nd" or char.isascii() for char in persian + arabic)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counselling_page_explains_and_leads_to_the_lotse(client, language):
    tree = parse(client.get(f"/{language}/beratung/"))
    assert len(tree.xpath("//main//h2")) >= 4
    assert len(tree.xpath("//main//ol[contains(@class, 'steps')]/li")) == 5  # what happens in recognition counselling
    form = tree.xpath("//main//form[@role='search']")[0]
    assert form.get("action") == f"/{language}/lotse/"
    assert form.xpath(".//input[@name='q']/@id")[0] == form.xpath(".//label/@for")[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_employer_page_has_its_steps_faq_and_partners_in_every_language(client, language):
    tree = parse(client.get(f"/{language}/arbeitgeber/"))
    assert len(tree.xpath("//main//li[contains(@class, 'employer-step')]")) == 7
    assert len(tree.xpath("//main//details[contains(@class, 'faq-item')]")) == 6
    assert len(tree.xpath("//main//li[contains(@class, 'partner')]//a[starts-with(@href, 'https://')]")) == 6
    checklist = parse(client.get(f"/{language}/arbeitgeber/checkliste/"))
    assert (
        text_of(checklist, "//h2[contains(@class, 'checklist-step-title')]")[0]
        == text_of(tree, "//main//li[contains(@class, 'employer-step')]/*[self::h2 or self::h3]")[0]
    )


def test_lotse_intro_shows_on_the_search_page_but_not_above_results(client):
    tree = parse(client.get("/de/lotse/"))
    intro = main_text(tree)
    assert PHRASES["lotse"]["de"] in intro
    assert "/de/beratung/" in tree.xpath("//main//a/@href")
    with_results = parse(client.get("/de/lotse/?q=10115"))
    assert with_results.xpath("//*[@id='results']")
    assert PHRASES["lotse"]["de"] not in main_text(with_results)


def test_leichte_sprache_page(client):
    tree = parse(client.get("/de/leichte-sprache/"))
    assert tree.get("lang") == "de"
    assert text_of(tree, "//h1") == ["IQ in Leichter Sprache"]
    headings = text_of(tree, "//main//h2")
    assert headings == [section["heading"] for section in EASY_READ_SECTIONS]
    assert any(line.startswith("Schritt 1:") for line in text_of(tree, "//main//p"))
    assert "/de/lotse/" in tree.xpath("//main//a/@href")
    # BITV 2.0 § 4: the easy-read page also explains how to find one's way and the accessibility statement.
    assert "So finden Sie sich auf dieser Internet-Seite zurecht" in headings and "Barriere-Freiheit" in headings
    assert "/de/barrierefreiheit/" in tree.xpath("//main//a/@href")
    sentences = [s for sec in EASY_READ_SECTIONS for p in sec["paragraphs"] for s in leichte_sprache.sentences(p)]
    assert max(len(sentence.split()) for sentence in sentences) <= 15  # short sentences, one idea each
    assert "/de/leichte-sprache/" not in tree.xpath("//nav[contains(@class, 'main-nav')]//a/@href")
    assert not Page.objects.get(reverse_id="leichte-sprache").get_admin_content("en")


def test_leichte_sprache_in_another_language_shows_the_german_page_marked_as_german(client):
    response = client.get("/en/leichte-sprache/")
    assert response.status_code == 200
    tree = parse(response)
    content = tree.xpath("//main//*[@lang='de'][.//h2]")
    assert content and "Für wen ist IQ?" in " ".join(content[0].itertext())


def test_every_page_in_every_language_links_to_leichte_sprache_in_its_header(client):
    """The header link is on every page of the tree in every language, and it leads to the German page."""
    checked = 0
    for spec in PAGE_TREE:
        for language in LANGUAGES:
            response = client.get(f"/{language}/{page_path(spec)}")
            assert response.status_code == 200, (spec.reverse_id, language)
            tree = parse(response)
            header_links = tree.xpath("//header//a[not(ancestor::nav[contains(@class, 'language-switcher')])]/@href")
            assert header_links.count("/de/leichte-sprache/") == 1, (spec.reverse_id, language)
            assert len(tree.xpath("//h1")) == 1, (spec.reverse_id, language)
            checked += 1
    assert checked == len(PAGE_TREE) * len(LANGUAGES)


def _counts():
    return {
        "pages": Page.objects.count(),
        "contents": PageContent.admin_manager.count(),
        "published": PageContent.objects.count(),
        "plugins": CMSPlugin.objects.count(),
        "versions": Version.objects.count(),
        "urls": PageUrl.objects.count(),
    }


def test_rebuild_adds_new_pages_and_languages_to_a_tree_built_earlier():
    """A database with the first de/en tree gains the counselling and Leichte Sprache pages (in their place) and the
    new languages; pages and languages it has are left alone; a further run changes nothing."""
    before = _counts()
    programm_de = PageContent.objects.get(page__reverse_id="programm", language="de")
    Page.objects.filter(reverse_id__in=["beratung", "leichte-sprache"]).delete()
    PageContent.admin_manager.exclude(language__in=["de", "en"]).delete()
    PageUrl.objects.exclude(language__in=["de", "en"]).delete()  # the CMS removes a language's URLs with it
    assert _counts()["pages"] == before["pages"] - 2

    call_command("build_pages", verbosity=0)

    assert _counts() == before
    roots = [page.reverse_id for page in Page.objects.filter(depth=1).order_by("path")]
    assert roots.index("beratung") + 1 == roots.index("lotse")
    assert roots[-1] == "leichte-sprache"
    assert PageContent.objects.get(page__reverse_id="programm", language="de").pk == programm_de.pk
    for reverse_id in SIX_LANGUAGE_PAGES:
        assert sorted(
            PageContent.objects.filter(page__reverse_id=reverse_id).values_list("language", flat=True)
        ) == sorted(LANGUAGES)
    call_command("build_pages", verbosity=0)
    assert _counts() == before


def test_translated_titles_are_written_in_their_own_script():
    """German names appear only as explanations: every page title of a translation is in the language's script."""
    scripts = {"ar": r"[\u0600-\u06ff]", "fa": r"[\u0600-\u06ff]", "uk": r"[\u0400-\u04ff]"}
    for language, pattern in scripts.items():
        for reverse_id, text in page_texts(language).items():
            assert re.search(pattern, text.title), (language, reverse_id)
