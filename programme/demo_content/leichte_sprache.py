"""
Easy-read German ("Leichte Sprache") as HTML: the `easy_read` text kind of structure.yaml.

The text file writes the easy-read page as sections, each a heading and paragraphs (texts/de.yaml,
"leichte-sprache"). Written after the rules of Leichte Sprache: short sentences, one statement per sentence, active
voice, the reader addressed as "Sie", hard words explained where they appear, long compound words split with a
hyphen (Beratungs-Stelle), numbers as digits. Each paragraph is a few sentences; the HTML puts each sentence on a
line of its own.
"""

import re

from django.utils.html import escape


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph: each ends with . ? ! or : before a space or the paragraph's end (so an address
    such as info@example.org stays whole)."""
    return [sentence for sentence in re.split(r"(?<=[.?!:])\s+", paragraph.strip()) if sentence]


def html(sections: list[dict]) -> str:
    """The sections for a text plugin: an h2 per section, one <p> per paragraph, a line break after each sentence
    (the page template renders the page's only h1)."""
    chunks = []
    for section in sections:
        chunks.append(f"<h2>{escape(section['heading'])}</h2>")
        for paragraph in section["paragraphs"]:
            chunks.append("<p>" + "<br>\n".join(escape(sentence) for sentence in sentences(paragraph)) + "</p>")
    return "\n".join(chunks)
