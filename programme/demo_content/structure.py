"""
The demo page tree as read from structure.yaml: the pages, their blocks and what is the same in every language
(figures, links, values). Plain data, no database access; the file is checked as it is read, so a typo fails the
build (and the tests) with the place it is in.
"""

import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import yaml

from programme import pages

STRUCTURE_FILE = Path(__file__).with_name("structure.yaml")

TEXT_KINDS = ("html", "text", "lines", "easy_read")
# The texts of a page itself; the optional ones may be left out (the CMS then shows the title).
PAGE_TEXTS = ("title", "menu_title", "page_title", "meta_description")
OPTIONAL_PAGE_TEXTS = ("menu_title", "page_title")

# {page:lotse}, {link:zsba}, {value:hotline}, {figure:offices} or {figure:offices.part}.
PLACEHOLDER = re.compile(r"\{(page|link|value|figure):([\w.-]+)\}")
FIGURE_PARTS = {"": "value", "part": "part_value", "rest": None}


class StructureError(ValueError):
    """structure.yaml describes something the builder cannot build."""


@dataclass(frozen=True)
class BlockSpec:
    """A plugin on a page: its key in the text files, its type, its untranslated field values and its texts."""

    key: str
    plugin_type: str
    texts: dict  # field name → text kind (TEXT_KINDS)
    fields: dict  # field name → value; strings may hold {page:…} and {link:…}
    children: tuple["BlockSpec", ...] = ()
    languages: tuple[str, ...] = ()  # empty: every language the page is in

    def in_language(self, language: str) -> bool:
        return not self.languages or language in self.languages

    @property
    def single_text(self) -> str | None:
        """The field of a block with one text and no children: a text file writes its value in place of a mapping."""
        if len(self.texts) == 1 and not self.children:
            return next(iter(self.texts))
        return None


@dataclass(frozen=True)
class PageSpec:
    reverse_id: str
    slug: str
    template: str = "content.html"
    parent: str | None = None
    in_navigation: bool = False
    apphook: str = ""
    apphook_namespace: str = ""
    is_home: bool = False
    languages: tuple[str, ...] = ()  # empty: every language whose text file has the page
    blocks: tuple[BlockSpec, ...] = ()

    def in_language(self, language: str) -> bool:
        return not self.languages or language in self.languages


@dataclass(frozen=True)
class Structure:
    pages: tuple[PageSpec, ...]
    links: dict
    values: dict
    figures: dict  # name → FigurePlugin field values

    @property
    def reverse_ids(self) -> set[str]:
        return {spec.reverse_id for spec in self.pages}

    def page(self, reverse_id: str) -> PageSpec:
        return next(spec for spec in self.pages if spec.reverse_id == reverse_id)

    def path(self, reverse_id: str) -> str:
        """A page's path below the language prefix: "" for home, "programm/prozesskette/" (the same slugs in every
        language)."""
        spec = self.page(reverse_id)
        if spec.is_home:
            return ""
        slugs = [spec.slug]
        while spec.parent:
            spec = self.page(spec.parent)
            slugs.insert(0, spec.slug)
        return "/".join(slugs) + "/"

    def figure_number(self, name: str) -> int:
        """A figure's value ("offices"), its part ("offices.part") or the rest ("offices.rest")."""
        figure_name, _dot, part = name.partition(".")
        figure = self.figures[figure_name]
        if part == "rest":
            return figure["value"] - figure["part_value"]
        return figure[FIGURE_PARTS[part]]


_PAGE_KEYS = {field.name for field in fields(PageSpec)}


@cache
def load_structure() -> Structure:
    with STRUCTURE_FILE.open(encoding="utf-8") as file:
        return parse_structure(yaml.safe_load(file))


def parse_structure(data: dict) -> Structure:
    _check_keys(data, "the file", required={"pages", "plugins"}, allowed={"links", "values", "figures"})
    plugins = {name: _text_kinds(kinds, f"plugins.{name}") for name, kinds in data["plugins"].items()}
    figures = {name: _figure(figure, name) for name, figure in (data.get("figures") or {}).items()}
    reader = _BlockReader(plugins, figures)
    page_specs: list[PageSpec] = []
    for entry in data["pages"]:
        _check_keys(entry, f"page {entry.get('reverse_id')!r}", required={"reverse_id", "slug"}, allowed=_PAGE_KEYS)
        known = {spec.reverse_id for spec in page_specs}
        where = f"page {entry['reverse_id']!r}"
        if entry["reverse_id"] in known:
            raise StructureError(f"structure.yaml: {where} is defined twice.")
        if entry.get("parent") and entry["parent"] not in known:
            raise StructureError(f"structure.yaml: {where}: its parent must come before it.")
        blocks = reader.blocks(entry.get("blocks") or [], where, reserved=PAGE_TEXTS)
        page_specs.append(
            PageSpec(
                **{key: value for key, value in entry.items() if key not in ("blocks", "languages")},
                languages=tuple(entry.get("languages") or ()),
                blocks=blocks,
            )
        )
    structure = Structure(
        pages=tuple(page_specs), links=data.get("links") or {}, values=data.get("values") or {}, figures=figures
    )
    _check_placeholders(structure)
    missing = [reverse_id for reverse_id in pages.REQUIRED_PAGES if reverse_id not in structure.reverse_ids]
    if missing:
        raise StructureError(f"structure.yaml lacks the pages the code relies on (programme.pages): {missing}")
    return structure


class _BlockReader:
    def __init__(self, plugins: dict, figures: dict):
        self.plugins = plugins
        self.figures = figures

    def blocks(self, entries: list, where: str, *, reserved) -> tuple[BlockSpec, ...]:
        specs = tuple(self.block(entry, where) for entry in entries)
        keys = [spec.key for spec in specs]
        clashes = sorted({key for key in keys if keys.count(key) > 1 or key in reserved})
        if clashes:
            raise StructureError(f"structure.yaml: {where}: block keys used twice or named like a text: {clashes}")
        return specs

    def block(self, entry: dict, where: str) -> BlockSpec:
        _check_keys(
            entry, where, required={"key"}, allowed={"plugin", "figure", "fields", "texts", "children", "languages"}
        )
        where = f"{where}, block {entry['key']!r}"
        fields = dict(entry.get("fields") or {})
        texts = entry.get("texts")
        if "figure" in entry:
            if entry["figure"] not in self.figures:
                raise StructureError(f"structure.yaml: {where}: no figure {entry['figure']!r}.")
            figure = dict(self.figures[entry["figure"]])
            figure_texts = figure.pop("texts", None)
            texts = texts or figure_texts
            plugin_type = "FigurePlugin"
            fields = {**figure, **fields}
        else:
            plugin_type = entry.get("plugin", "")
        if plugin_type not in self.plugins:
            raise StructureError(f"structure.yaml: {where}: plugin {plugin_type!r} is not listed under `plugins`.")
        kinds = self.plugins[plugin_type]
        if isinstance(texts, list):
            unknown = [name for name in texts if name not in kinds]
            if unknown:
                raise StructureError(f"structure.yaml: {where}: {plugin_type} has no text fields {unknown}.")
            texts = {name: kinds[name] for name in texts}
        texts = _text_kinds(texts, where) if texts is not None else kinds
        children = self.blocks(entry.get("children") or [], where, reserved=texts)
        return BlockSpec(
            key=entry["key"],
            plugin_type=plugin_type,
            texts=texts,
            fields=fields,
            children=children,
            languages=tuple(entry.get("languages") or ()),
        )


def _figure(figure: dict, name: str) -> dict:
    _check_keys(figure, f"figure {name!r}", required={"value"}, allowed={"part_value", "approximate", "chart", "texts"})
    if figure.get("part_value") is not None and figure["part_value"] > figure["value"]:
        raise StructureError(f"structure.yaml: figure {name!r}: the part is larger than the value.")
    return figure


def _text_kinds(kinds: dict, where: str) -> dict:
    wrong = {name: kind for name, kind in kinds.items() if kind not in TEXT_KINDS}
    if wrong:
        raise StructureError(f"structure.yaml: {where}: text kinds must be one of {TEXT_KINDS}, not {wrong}.")
    return dict(kinds)


def _check_keys(entry, where: str, *, required: set, allowed: set) -> None:
    if not isinstance(entry, dict):
        raise StructureError(f"structure.yaml: {where} must be a mapping.")
    missing, unknown = required - entry.keys(), entry.keys() - required - allowed
    if missing or unknown:
        raise StructureError(f"structure.yaml: {where}: missing {sorted(missing)}, unknown {sorted(unknown)}.")


def _check_placeholders(structure: Structure) -> None:
    def walk(blocks, where):
        for block in blocks:
            for name, value in block.fields.items():
                if isinstance(value, str):
                    for problem in placeholder_problems(structure, value):
                        raise StructureError(f"structure.yaml: {where}.{block.key}.{name}: {problem}")
            walk(block.children, f"{where}.{block.key}")

    for spec in structure.pages:
        walk(spec.blocks, spec.reverse_id)


def placeholder_problems(structure: Structure, text: str) -> list[str]:
    """The placeholders in `text` that name nothing structure.yaml defines."""
    problems = []
    for match in PLACEHOLDER.finditer(text):
        kind, name = match.groups()
        if kind == "page":
            known = name in structure.reverse_ids
        elif kind == "figure":
            figure_name, _dot, part = name.partition(".")
            figure = structure.figures.get(figure_name)
            known = figure is not None and part in FIGURE_PARTS and (not part or figure.get("part_value") is not None)
        else:
            known = name in (structure.links if kind == "link" else structure.values)
        if not known:
            problems.append(f"{match.group()} names no {kind} of structure.yaml")
    return problems
