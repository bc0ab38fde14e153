"""
Demo content of the page tree, as data: structure.yaml (the pages, their blocks, figures, links and other values
that are the same in every language) and texts/<language>.yaml (only what is translated). Production code never
imports from here; the page reverse_ids that code relies on are in programme.pages.

Adding a language: add its text file (texts/<code>.yaml, with the pages it translates; the others fall back to
the CMS's language fallbacks) and its entry in settings.LANGUAGES. `missing_texts(code)` lists what a page lacks.
"""

from programme.demo_content.structure import PageSpec, load_structure
from programme.demo_content.texts import (
    Block,
    PageText,
    check_texts,
    missing_texts,
    page_texts,
    read_texts,
    text_languages,
    unknown_texts,
)


def page_tree() -> tuple[PageSpec, ...]:
    """The pages, parents before their children, in the order of the main navigation."""
    return load_structure().pages


__all__ = [
    "Block",
    "PageSpec",
    "PageText",
    "check_texts",
    "load_structure",
    "missing_texts",
    "page_texts",
    "page_tree",
    "read_texts",
    "text_languages",
    "unknown_texts",
]
