"""
The demo content as data: structure.yaml and one text file per language. Every page a language has must have all
the texts the structure expects, nothing it does not use, and a page a translator adds to a file is built.
"""

import copy
import shutil

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from programme import pages
from programme.demo_content import (
    load_structure,
    missing_texts,
    page_texts,
    page_tree,
    read_texts,
    text_languages,
    texts,
    unknown_texts,
)
from programme.demo_content.structure import STRUCTURE_FILE, StructureError, parse_structure
from programme.demo_content.texts import TextsError
from programme.page_builder import content_languages
from tests.html import parse

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def edited(language):
    """A copy of the language's texts to change."""
    return copy.deepcopy(read_texts(language))


@pytest.fixture
def text_files(tmp_path, monkeypatch):
    """A copy of the text files that a test may change; the builder reads it instead of programme's own files."""
    directory = tmp_path / "texts"
    shutil.copytree(texts.TEXTS_DIR, directory)
    monkeypatch.setattr(texts, "TEXTS_DIR", directory)
    texts.forget_files()
    yield directory
    texts.forget_files()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_a_language_has_has_all_its_texts(language):
    assert missing_texts(language) == {}
    assert unknown_texts(language) == {}
    assert page_texts(language)  # resolves: every placeholder names something structure.yaml defines


def test_every_text_file_is_a_site_language_and_german_and_english_have_every_page():
    assert set(text_languages()) == set(LANGUAGES)
    for language in ["de", "en"]:
        expected = {spec.reverse_id for spec in page_tree() if spec.in_language(language)}
        assert set(page_texts(language)) == expected, language
    assert "leichte-sprache" not in page_texts("en")


def test_removed_texts_are_listed_by_page():
    changed = edited("de")
    del changed["home"]["title"]
    del changed["lotse"]["intro"]  # a block with one text, written as that text
    del changed["arbeitgeber"]["guide"]["visa"]["duration"]
    del changed["beratung"]["recognition"]["occupation"]  # an entry with two texts
    changed["arbeitgeber"]["faq"]["cost"]["answer"] = ""
    changed["arbeitgeber"]["guide"]["find"]["documents"] = "one line"  # lines must be a list

    assert missing_texts("de", changed) == {
        "home": ["home.title"],
        "beratung": ["beratung.recognition.occupation.title", "beratung.recognition.occupation.text"],
        "lotse": ["lotse.intro"],
        "arbeitgeber": [
            "arbeitgeber.guide.find.documents (not a list of texts)",
            "arbeitgeber.guide.visa.duration",
            "arbeitgeber.faq.cost.answer",
        ],
    }
    with pytest.raises(TextsError, match=r"missing home\.title.*missing lotse\.intro"):
        page_texts("de", changed)


def test_optional_page_texts_and_left_out_pages_are_not_missing():
    changed = edited("en")
    del changed["programm"]["menu_title"]
    del changed["impressum"]
    assert missing_texts("en", changed) == {}
    assert "impressum" not in page_texts("en", changed)
    assert page_texts("en", changed)["programm"].menu_title == ""


def test_unknown_keys_and_placeholders_are_listed_by_page():
    changed = edited("en")
    changed["home"]["intro_text"] = "<p>A misspelt block key</p>"
    changed["arbeitgeber"]["guide"]["visa"]["durationn"] = "A misspelt field"
    changed["beratung"]["easy_read_link"] = "<p>German only</p>"
    changed["leichte-sprache"] = copy.deepcopy(read_texts("de")["leichte-sprache"])  # German only
    changed["kontakt"] = {"title": "No such page"}
    changed["lotse"]["intro"] += '<p><a href="{page:kontakt}">Contact</a> {value:fax}</p>'

    assert unknown_texts("en", changed) == {
        "home": ["home.intro_text"],
        "beratung": ["beratung.easy_read_link"],
        "lotse": [
            "lotse.intro: {page:kontakt} names no page of structure.yaml",
            "lotse.intro: {value:fax} names no value of structure.yaml",
        ],
        "arbeitgeber": ["arbeitgeber.guide.visa.durationn"],
        "leichte-sprache": ["leichte-sprache"],
        "kontakt": ["kontakt"],
    }
    with pytest.raises(TextsError, match="unknown home.intro_text"):
        page_texts("en", changed)


def test_placeholders_are_filled_in_for_the_language():
    structure = load_structure()
    ar, de, en = page_texts("ar"), page_texts("de"), page_texts("en")
    assert '<a href="/ar/beratung/">' in ar["lotse"].blocks[0].data["body"]
    assert '<a href="/de/programm/handlungsschwerpunkte/">' in de["programm"].blocks[2].data["body"]
    partners = de["arbeitgeber"].blocks[4].children
    assert [partner.data["url"] for partner in partners][:3] == [
        structure.links["anerkennung"],
        structure.links["make_it_in_germany"],
        structure.links["zsba"],
    ]
    focus = de["handlungsschwerpunkte"].blocks[1]
    assert focus.data["link_url"] == "/de/lotse/"
    assert "185.365 Beratungen, davon 95.690 Erstberatungen" in focus.data["text"]
    assert "in 74 festen und 100 mobilen Beratungsstellen" in focus.data["text"]
    assert "185,365 counselling sessions, 95,690 of them" in en["handlungsschwerpunkte"].blocks[1].data["text"]
    figures = de["programm"].blocks[1].children
    assert [(figure.data["value"], figure.data.get("part_value")) for figure in figures[:3]] == [
        (185365, 95690),
        (3762, None),
        (9286, 3569),
    ]


def test_left_to_right_runs_are_isolated_in_right_to_left_plain_text_only():
    hotline = load_structure().values["hotline"]
    for language in ["ar", "fa"]:
        steps = page_texts(language)["arbeitgeber"].blocks[2].children
        assert f"\u2066{hotline}\u2069" in steps[1].data["who_helps"]
        assert "\u2066§ 81a\u2069" in steps[3].data["what_to_do"]
    for language in ["de", "uk"]:
        steps = page_texts(language)["arbeitgeber"].blocks[2].children
        assert hotline in steps[1].data["who_helps"] and "\u2066" not in steps[1].data["who_helps"]
    assert "\u2066" not in page_texts("ar")["beratung"].blocks[0].data["body"]  # HTML writes <span class="ltr">


def test_plain_texts_join_wrapped_lines_and_keep_paragraphs():
    changed = edited("en")
    changed["arbeitgeber"]["faq"]["cost"]["answer"] = "Nothing.\nIt is free\n  of charge.\n\nReally."
    answer = page_texts("en", changed)["arbeitgeber"].blocks[3].children[0].data["answer"]
    assert answer == "Nothing. It is free of charge.\n\nReally."


def test_the_structure_defines_the_pages_the_code_relies_on():
    assert set(pages.REQUIRED_PAGES) <= {spec.reverse_id for spec in page_tree()}
    data = yaml.safe_load(STRUCTURE_FILE.read_text(encoding="utf-8"))
    data["pages"] = [page for page in data["pages"] if page["reverse_id"] != pages.EMPLOYER_PAGE]
    for page in data["pages"]:  # links to the employer page
        for block in page.get("blocks", []):
            block.get("fields", {}).pop("link_url", None)
    with pytest.raises(
        StructureError, match=r"lacks the pages the code relies on \(programme.pages\): \['arbeitgeber'\]"
    ):
        parse_structure(data)


def test_a_language_is_a_text_file_and_a_languages_entry(text_files):
    (text_files / "it.yaml").write_text(
        yaml.safe_dump({"lotse": {"title": "Trovare una consulenza", "meta_description": "…", "intro": "<p>…</p>"}}),
        encoding="utf-8",
    )
    assert "it" not in content_languages()
    with override_settings(LANGUAGES=[*settings.LANGUAGES, ("it", "Italiano")]):
        assert content_languages()[-1] == "it"
    assert list(page_texts("it")) == ["lotse"]


@pytest.mark.django_db
def test_a_page_a_translator_adds_to_a_text_file_is_built_in_that_language(client, text_files):
    assert parse(client.get("/fa/programm/prozesskette/")).xpath("//*[contains(@class, 'fallback-notice')]")
    prozesskette = copy.deepcopy(read_texts("en")["prozesskette"])
    prozesskette["title"] = "زنجیره فرایند"
    prozesskette["phases"]["title"] = "پنج مرحله"
    with (text_files / "fa.yaml").open("a", encoding="utf-8") as file:
        file.write("\n" + yaml.safe_dump({"prozesskette": prozesskette}, allow_unicode=True))
    assert missing_texts("fa") == {}

    call_command("build_pages", verbosity=0)

    response = client.get("/fa/programm/prozesskette/")
    tree = parse(response)
    assert (tree.get("lang"), tree.get("dir")) == ("fa", "rtl")
    assert not tree.xpath("//*[contains(@class, 'fallback-notice')]")
    assert tree.xpath("//h1")[0].text_content().strip() == "زنجیره فرایند"
    assert "پنج مرحله" in [h2.text_content().strip() for h2 in tree.xpath("//main//h2")]
