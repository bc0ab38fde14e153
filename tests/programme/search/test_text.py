"""The search's plain-text helpers and highlighter, without the database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from programme.search.snippets import highlight, snippet
from programme.search.text import html_to_text, text_keys, word_key


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("München", "munchen"),
        ("Muenchen", "munchen"),
        ("MÜNCHEN", "munchen"),
        ("Straße", "strasse"),
        ("١٠١١٥", "10115"),  # Arabic-Indic digits
        ("۱۰۱۱۵", "10115"),  # Persian digits
        ("كتاب", "کتاب"),  # Arabic kaf written with the Persian letter
        ("Київ", "киів"),  # the Cyrillic diaeresis and breve are marks
        ("St", "sankt"),
    ],
)
def test_word_keys_ignore_case_diacritics_umlaut_spellings_and_script_variants(word, key):
    assert word_key(word) == key


def test_text_keys_are_the_words_once_in_order():
    assert text_keys("Beratung, Beratung! Anerkennungs- und Qualifizierungsberatung") == [
        "beratung",
        "anerkennungs",
        "und",
        "qualifizierungsberatung",
    ]
    assert text_keys("مُشاوِره و مشاوره") == ["مشاوره", "و"]  # Arabic vowel signs are part of the word, ignored


def test_html_becomes_plain_text_with_words_kept_apart():
    assert html_to_text("<h2>Titel</h2><p>Eins &amp; zwei</p><p>drei<br>vier</p>") == "Titel Eins & zwei drei vier"
    assert html_to_text('<p>A <a href="/x">Link</a>.</p><script>x</script>') == "A Link . x"


def test_highlight_marks_words_beginning_with_a_key_and_escapes_the_rest():
    assert highlight("<b>Anerkennung</b> & Beratungsstellen", ["anerkennung", "beratung"]) == (
        "&lt;b&gt;<mark>Anerkennung</mark>&lt;/b&gt; &amp; <mark>Beratungsstellen</mark>"
    )
    assert highlight("Straße in München", ["strasse", "munchen"]) == "<mark>Straße</mark> in <mark>München</mark>"


def test_a_snippet_is_a_short_window_around_the_best_match():
    text = " ".join(["Vorwort"] * 100) + " Hier steht die Anerkennung und die Beratung. " + " ".join(["Nachwort"] * 100)
    result = snippet(text, ["anerkennung", "beratung"])
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>Anerkennung</mark> und die <mark>Beratung</mark>" in result
    assert len(result) < 320


def test_a_snippet_without_a_match_is_the_beginning():
    assert snippet("Kurzer Text.", ["anderes"]) == "Kurzer Text."


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(max_size=400), keys=st.lists(st.text(min_size=1, max_size=12), max_size=4))
def test_snippets_never_carry_markup_of_their_own(text, keys):
    keys = [word_key(key) for key in keys if word_key(key)]
    marked = str(snippet(text, keys))
    stripped = marked.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped and ">" not in stripped
