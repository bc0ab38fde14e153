"""
Which texts of a project a visitor reads, and the search words of its published texts.

Plain functions on model instances that are already loaded: `choose_content` picks the content of the visitor's
language or of the first fallback language (settings.CONTENT_FALLBACKS) that has one; `fallback_text` does the
same for one field (an Arabic content may have only its title, its description then comes from English);
`search_words` folds text as the gazetteer folds place names (case, diacritics, umlaut spellings).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import get_language

from landesnetzwerke.names import normalize_name
from landesnetzwerke.templatetags.directory_tags import TranslatedText

if TYPE_CHECKING:
    from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent

TEXT_FIELDS = ("title", "summary", "description", "contact_role")


def language_order(language: str | None = None) -> list[str]:
    """The visitor's language, then the fallbacks, then every other site language."""
    language = language or get_language() or settings.LANGUAGE_CODE
    order = [language, *settings.CONTENT_FALLBACKS, *(code for code, _name in settings.LANGUAGES)]
    return list(dict.fromkeys(order))


def choose_content(contents: Iterable[TeilprojektContent], language: str | None = None) -> TeilprojektContent | None:
    by_language = {content.language: content for content in contents}
    return next((by_language[code] for code in language_order(language) if code in by_language), None)


# What the directory's pages use for translated texts: the text, its language, whether it is a fallback (with
# `lang_attrs` for the element that holds it).
Text = TranslatedText


def fallback_text(contents: Iterable[TeilprojektContent], field: str, language: str | None = None) -> Text:
    """`field` in the visitor's language, else in the first fallback language whose content has it."""
    language = language or get_language() or settings.LANGUAGE_CODE
    by_language = {content.language: content for content in contents}
    for code in language_order(language):
        content = by_language.get(code)
        value = getattr(content, field, "") if content is not None else ""
        if value:
            return Text(text=value, language=code, is_fallback=code != language)
    return Text(text="", language=language, is_fallback=False)


def search_words(text: str) -> list[str]:
    """The words of a text as the search compares them: "Qualifizierungsberatung München" gives
    ["qualifizierungsberatung", "munchen"] (Muenchen and MÜNCHEN give the same)."""
    words: list[str] = []
    for token in text.split():
        words.extend(normalize_name(token).split())
    return list(dict.fromkeys(word for word in words if word))


def search_text(project: Teilprojekt, contents: Iterable[TeilprojektContent], place_names: Iterable[str]) -> str:
    """The search column of a project: its published texts in every language, Träger and places, as words."""
    parts = [project.traeger, *place_names]
    for content in contents:
        parts.extend(getattr(content, field) for field in TEXT_FIELDS)
    words = search_words(" ".join(part for part in parts if part))
    return f" {' '.join(words)} " if words else ""
