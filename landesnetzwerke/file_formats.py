"""
The file formats of imports and exports (CSV, XLSX), safe to open in a spreadsheet program.

Formula guard: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (also after spaces, and after a
tab or carriage return) as a formula. A spreadsheet may also split a cell where the file does not: Excel with
German settings splits on `;`, other programs on tabs, and a program that ignores quotes splits inside them.
So the guard looks at the start of every piece a spreadsheet could make of a cell (split on `,`, `;`, tab,
line breaks) and puts an apostrophe before such a piece, which spreadsheets show as text. Phone numbers such as
`+49 30 1234-5` are not formulas and stay as they are. The import takes the apostrophes away again (one per
piece, so text that itself starts with apostrophes survives), so an export imports again unchanged.

CSV cells are all quoted, so cells with `,`, `;`, tabs or line breaks stay one cell for every program that reads
quotes.
"""

import csv
import re
from collections.abc import Callable
from typing import Any

from import_export.formats.base_formats import CSV, XLSX
from tablib import Dataset

_PIECE_START = r"(?:^|(?<=[,;\t\r\n]))"  # the start of the cell, or of a piece after a separator
_FORMULA_START = r"'*[=+\-@\t\r]"  # a formula's first character, after any apostrophes already there
_GUARD = re.compile(_PIECE_START + r"( *)(" + _FORMULA_START + r")(?=([^,;\t\r\n]*))")
_UNGUARD = re.compile(_PIECE_START + r"( *)'(" + _FORMULA_START + r")")
HARMLESS_NUMBER = re.compile(r"[+-]?[0-9 ()/.-]*")  # "+49 30 1234-5", "-3.5": numbers, not formulas


def _guard_piece(match: re.Match[str]) -> str:
    spaces, start, rest = match.groups()
    if HARMLESS_NUMBER.fullmatch(start + rest):
        return match.group(0)
    return f"{spaces}'{start}"


def escape_formula(text: str) -> str:
    """The text with an apostrophe before every piece a spreadsheet could run as a formula."""
    return _GUARD.sub(_guard_piece, text)


def unescape_formula(text: str) -> str:
    """The text as it was before escape_formula()."""
    return _UNGUARD.sub(r"\1\2", text)


def _map_cells(dataset: Dataset, function: Callable[[str], str]) -> Dataset:
    rows = [tuple(function(cell) if isinstance(cell, str) else cell for cell in row) for row in dataset]
    return Dataset(*rows, headers=dataset.headers)


class GuardedFormatMixin:
    """For a django-import-export format: cells guarded on export, unguarded on import (put it first)."""

    def export_data(self, dataset: Dataset, **kwargs: Any) -> Any:
        return super().export_data(_map_cells(dataset, escape_formula), **kwargs)  # type: ignore[misc]

    def create_dataset(self, in_stream: Any, **kwargs: Any) -> Dataset:
        return _map_cells(super().create_dataset(in_stream, **kwargs), unescape_formula)  # type: ignore[misc]


class SafeCSV(GuardedFormatMixin, CSV):
    def export_data(self, dataset: Dataset, **kwargs: Any) -> Any:
        return super().export_data(dataset, quoting=csv.QUOTE_ALL, **kwargs)


class SafeXLSX(GuardedFormatMixin, XLSX):
    pass
