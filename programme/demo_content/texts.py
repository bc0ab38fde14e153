"""
The translatable texts of the demo pages: one YAML file per language in texts/, named by the language code
(de.yaml, en.yaml, zh-hans.yaml), read with the structure (structure.yaml) into `PageText`s for the page builder.

A text file maps a page's reverse_id to its texts: title, meta_description, optionally menu_title and page_title,
and one entry per block key of structure.yaml (a block with one text is written as that text, one with several
as a mapping of its field names and its children's keys). A page exists in a language when its file has the
page; a page the file has must have every text the structure expects (`missing_texts`), and nothing it does not
use (`unknown_texts`).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import yaml
from django.conf import settings
from django.utils import translation

from programme.demo_content import leichte_sprache
from programme.demo_content.structure import (
    OPTIONAL_PAGE_TEXTS,
    PAGE_TEXTS,
    PLACEHOLDER,
    BlockSpec,
    PageSpec,
    Structure,
    load_structure,
    placeholder_problems,
)
from programme.presentation import format_number

TEXTS_DIR = Path(__file__).with_name("texts")

# A paragraph reference ("§ 81a"): in right-to-left plain text it is isolated left-to-right, like {value:…}.
PARAGRAPH_REFERENCE = re.compile(r"(?<!\u2066)§+\s*\d+[a-z]?(?![\w\u2069])")


class TextsError(ValueError):
    """A text file lacks texts the structure expects, has texts it does not use, or names what it does not define."""


@dataclass(frozen=True)
class Block:
    """One plugin to add, with all its field values, in one language."""

    plugin_type: str
    data: dict
    children: tuple["Block", ...] = ()


@dataclass(frozen=True)
class PageText:
    """One page in one language: its titles, its description and its content blocks."""

    title: str
    blocks: tuple[Block, ...] = ()
    menu_title: str = ""
    page_title: str = ""
    meta_description: str = ""


@dataclass(frozen=True)
class TextCheck:
    """What a language's text file lacks and what it has that the structure does not use, by page (reverse_id)."""

    missing: dict[str, list[str]] = field(default_factory=dict)
    unknown: dict[str, list[str]] = field(default_factory=dict)

    def problems(self) -> list[str]:
        return [f"missing {path}" for paths in self.missing.values() for path in paths] + [
            f"unknown {path}" for paths in self.unknown.values() for path in paths
        ]


def ltr(value: str) -> str:
    """Keeps a phone number or a paragraph sign left-to-right in right-to-left plain text: the isolates LRI … PDI."""
    return f"\u2066{value}\u2069"


def unwrap(text: str) -> str:
    """A plain text as a text file writes it: line breaks are spaces, a blank line separates paragraphs."""
    paragraphs = re.split(r"\n[ \t]*\n", text.strip())
    return "\n\n".join(" ".join(line.strip(" \t") for line in paragraph.split("\n")) for paragraph in paragraphs)


def text_languages() -> list[str]:
    """The languages that have a text file."""
    return sorted(path.stem for path in TEXTS_DIR.glob("*.yaml"))


@cache
def read_texts(language: str) -> dict:
    """The language's text file as written (empty when there is none). Callers must not change it."""
    path = TEXTS_DIR / f"{language}.yaml"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as file:
        texts = yaml.safe_load(file) or {}
    if not isinstance(texts, dict):
        raise TextsError(f"texts/{language}.yaml must map page reverse_ids to their texts.")
    return texts


def check_texts(language: str, texts: dict | None = None) -> TextCheck:
    """Compares a language's texts (by default its file) with what the structure expects of the pages it has."""
    texts = read_texts(language) if texts is None else texts
    structure = load_structure()
    specs = {spec.reverse_id: spec for spec in structure.pages}
    missing, unknown = defaultdict(list), defaultdict(list)
    for reverse_id, entry in texts.items():
        spec = specs.get(reverse_id)
        if spec is None or not spec.in_language(language):
            unknown[reverse_id].append(str(reverse_id))
            continue
        _PageChecker(structure, language, missing[reverse_id], unknown[reverse_id]).page(spec, entry)
    return TextCheck(
        missing={key: paths for key, paths in missing.items() if paths},
        unknown={key: paths for key, paths in unknown.items() if paths},
    )


def missing_texts(language: str, texts: dict | None = None) -> dict[str, list[str]]:
    """Per page the language has: the texts (dotted keys, "arbeitgeber.guide.visa.duration") its file lacks."""
    return check_texts(language, texts).missing


def unknown_texts(language: str, texts: dict | None = None) -> dict[str, list[str]]:
    """Per page: keys the language's file has that the structure does not use, and placeholders naming nothing."""
    return check_texts(language, texts).unknown


def page_texts(language: str, texts: dict | None = None) -> dict[str, PageText]:
    """
    The demo pages written in `language` (by default from its file), by reverse_id, with every placeholder
    filled in. Raises TextsError when the texts do not match the structure.
    """
    if texts is None:
        return _file_page_texts(language)
    problems = check_texts(language, texts).problems()
    if problems:
        raise TextsError(f"texts/{language}.yaml: " + "; ".join(problems))
    structure = load_structure()
    resolver = _Resolver(structure, language)
    return {
        spec.reverse_id: resolver.page(spec, texts[spec.reverse_id])
        for spec in structure.pages
        if spec.reverse_id in texts
    }


@cache
def _file_page_texts(language: str) -> dict[str, PageText]:
    return page_texts(language, read_texts(language))


def forget_files() -> None:
    """Reads the text files again when next asked (they are read once per process)."""
    read_texts.cache_clear()
    _file_page_texts.cache_clear()


class _PageChecker:
    def __init__(self, structure: Structure, language: str, missing: list, unknown: list):
        self.structure = structure
        self.language = language
        self.missing = missing
        self.unknown = unknown

    def page(self, spec: PageSpec, entry) -> None:
        if not isinstance(entry, dict):
            self.missing.append(f"{spec.reverse_id} (a mapping of the page's texts)")
            return
        for name in PAGE_TEXTS:
            if name in entry or name not in OPTIONAL_PAGE_TEXTS:
                self.text(f"{spec.reverse_id}.{name}", "text", entry.get(name))
        self.blocks(spec.blocks, entry, spec.reverse_id, own_texts=PAGE_TEXTS)

    def blocks(self, blocks: tuple[BlockSpec, ...], entry: dict, where: str, *, own_texts) -> None:
        blocks = [block for block in blocks if block.in_language(self.language)]
        used = {*own_texts, *(block.key for block in blocks)}
        self.unknown.extend(f"{where}.{key}" for key in entry if key not in used)
        for block in blocks:
            self.block(block, entry.get(block.key), f"{where}.{block.key}")

    def block(self, block: BlockSpec, entry, where: str) -> None:
        if block.single_text:
            self.text(where, block.texts[block.single_text], entry)
        elif block.texts or block.children:
            if entry is not None and not isinstance(entry, dict):
                self.missing.append(f"{where} (a mapping of {', '.join(block.texts)} and the entries' keys)")
                return
            entry = entry or {}
            for name, kind in block.texts.items():
                self.text(f"{where}.{name}", kind, entry.get(name))
            self.blocks(block.children, entry, where, own_texts=block.texts)

    def text(self, where: str, kind: str, value) -> None:
        if value is None or value == "" or value == []:
            self.missing.append(where)
        elif not _is_text(kind, value):
            self.missing.append(f"{where} (not {_KIND_NAMES[kind]})")
        else:
            for text in _strings(value):
                self.unknown.extend(f"{where}: {problem}" for problem in placeholder_problems(self.structure, text))


_KIND_NAMES = {
    "html": "a text (HTML)",
    "text": "a text",
    "lines": "a list of texts",
    "easy_read": "a list of sections, each with a heading and a list of paragraphs",
}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _strings(item)


def _is_text(kind: str, value) -> bool:
    if kind == "lines":
        return isinstance(value, list) and all(isinstance(line, str) and line.strip() for line in value)
    if kind == "easy_read":
        return isinstance(value, list) and all(
            isinstance(section, dict)
            and set(section) == {"heading", "paragraphs"}
            and isinstance(section["heading"], str)
            and _is_text("lines", section["paragraphs"])
            for section in value
        )
    return isinstance(value, str) and bool(value.strip())


class _Resolver:
    """Turns a page's texts into `PageText`s: fills in placeholders, keeps left-to-right runs in right-to-left text."""

    def __init__(self, structure: Structure, language: str):
        self.structure = structure
        self.language = language
        self.right_to_left = language.split("-")[0] in settings.LANGUAGES_BIDI

    def page(self, spec: PageSpec, entry: dict) -> PageText:
        return PageText(
            **{name: self.text(entry.get(name, ""), "text") for name in PAGE_TEXTS},
            blocks=self.blocks(spec.blocks, entry),
        )

    def blocks(self, blocks: tuple[BlockSpec, ...], entry: dict) -> tuple[Block, ...]:
        return tuple(self.block(block, entry.get(block.key)) for block in blocks if block.in_language(self.language))

    def block(self, block: BlockSpec, entry) -> Block:
        data = {name: self.fill(value) if isinstance(value, str) else value for name, value in block.fields.items()}
        if block.single_text:
            data[block.single_text] = self.text(entry, block.texts[block.single_text])
            return Block(block.plugin_type, data)
        entry = entry or {}
        data.update({name: self.text(entry[name], kind) for name, kind in block.texts.items()})
        return Block(block.plugin_type, data, self.blocks(block.children, entry))

    def text(self, value, kind: str) -> str:
        if kind == "lines":
            return "\n".join(self.text(line, "text") for line in value)
        if kind == "easy_read":
            sections = [
                {
                    "heading": self.text(section["heading"], "text"),
                    "paragraphs": [self.text(paragraph, "text") for paragraph in section["paragraphs"]],
                }
                for section in value
            ]
            return leichte_sprache.html(sections)
        isolate = self.right_to_left and kind == "text"
        value = value.strip() if kind == "html" else unwrap(value)
        if isolate:
            value = PARAGRAPH_REFERENCE.sub(lambda match: ltr(match.group()), value)
        return self.fill(value, isolate=isolate)

    def fill(self, value: str, *, isolate: bool = False) -> str:
        return PLACEHOLDER.sub(partial(self._placeholder, isolate=isolate), value)

    def _placeholder(self, match: re.Match, *, isolate: bool) -> str:
        kind, name = match.groups()
        if kind == "page":
            return f"/{self.language}/{self.structure.path(name)}"
        if kind == "link":
            return self.structure.links[name]
        if kind == "figure":
            with translation.override(self.language):
                return format_number(self.structure.figure_number(name))
        value = self.structure.values[name]
        return ltr(value) if isolate else value
