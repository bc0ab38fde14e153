"""
Plain-text helpers of the site search: the words of a text, their keys, plain text from HTML.

A *key* is how the search compares words: `landesnetzwerke.names.normalize_name` of the word (case, diacritics and
the German umlaut spellings ignored: München = Muenchen = munchen), with the decimal digits of every script as ASCII
digits and the Arabic and Persian spellings of yeh and kaf made one. The index stores the keys of every document;
a query word matches a document when one of the document's keys begins with the query word's key.
"""

import html
import re
import sys
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from django.utils.html import strip_tags

from landesnetzwerke.names import normalize_name

#: Longer "words" (a URL without separators, a hash) are not words anybody searches for.
WORD_MAX_LENGTH = 64


def _combining_marks() -> str:
    """A regex character class body with every combining mark (categories Mn, Mc, Me) of the Basic Plane."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, min(sys.maxunicode, 0xFFFF) + 1):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{start:04x}-\\u{end:04x}" if end > start else f"\\u{start:04x}" for start, end in ranges)


# A word: letters and digits of any script with their combining marks (Arabic vowel signs, Devanagari vowel signs).
# Underscores, punctuation, symbols, spaces and format characters (e.g. the Persian zero-width non-joiner) separate
# words, as they do in normalize_name.
WORD = re.compile(rf"(?:[^\W_]|[{_combining_marks()}])+")

# Arabic and Persian keyboards write the same letters with different code points.
_SCRIPT_VARIANTS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647"})


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of `text`, as matches (their positions are needed to highlight them)."""
    return WORD.finditer(text or "")


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """The key of one word ("" for none); see the module docstring."""
    if not word.isascii():
        word = "".join(str(digit) if (digit := unicodedata.decimal(char, None)) is not None else char for char in word)
    key = normalize_name(word).replace(" ", "")  # normalize_name writes "St" as "sankt": no space inside a key
    if not key.isascii():
        key = key.translate(_SCRIPT_VARIANTS)
    return key[:WORD_MAX_LENGTH]


def text_keys(text: str) -> list[str]:
    """The keys of the words of `text`, in order, each once."""
    seen: dict[str, None] = {}
    for match in words(text):
        word = match.group()
        if len(word) <= WORD_MAX_LENGTH:
            key = word_key(word)
            if key:
                seen.setdefault(key, None)
    return list(seen)


def spellings(text: str) -> dict[str, str]:
    """Each key of `text` with the first spelling it has there (the vocabulary keeps one spelling per key)."""
    found: dict[str, str] = {}
    for match in words(text):
        word = match.group()
        if len(word) <= WORD_MAX_LENGTH:
            key = word_key(word)
            if key and key not in found:
                found[key] = word
    return found


def joined_keys(keys: list[str]) -> str:
    """How Suchdokument.keys stores keys: separated and surrounded by spaces, so " key" matches a word's start."""
    return f" {' '.join(keys)} " if keys else ""


_TAG_START = re.compile(r"<")
_SPACE = re.compile(r"\s+")


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment (a text plugin's body): tags removed, entities decoded, white space folded."""
    if not markup:
        return ""
    # A space before every tag, so that "<p>a</p><p>b</p>" gives "a b", not "ab".
    return plain(html.unescape(strip_tags(_TAG_START.sub(" <", markup))))


def plain(text: str) -> str:
    """White space folded; control characters (other than white space) removed."""
    cleaned = "".join(char for char in text if char.isspace() or unicodedata.category(char) != "Cc")
    return _SPACE.sub(" ", cleaned).strip()


def sentence(*parts: object) -> str:
    """The non-empty parts as one line of plain text, separated by " · " (how facts of a record are indexed)."""
    return plain(" · ".join(str(part) for part in parts if part))
