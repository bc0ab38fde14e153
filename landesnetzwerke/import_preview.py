"""
What the import preview shows, from django-import-export's result: the rows with errors first (each error as
text beside its column and the value in the file), then the rows that change something (only the columns they
change), and the unchanged rows as a count. A full export with one change is a page with one row.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.resources import Resource
from import_export.results import ErrorRow, InvalidRow, Result, RowResult

ACTION_LABELS = {
    RowResult.IMPORT_TYPE_NEW: _("New"),
    RowResult.IMPORT_TYPE_UPDATE: _("Update"),
    RowResult.IMPORT_TYPE_DELETE: _("Delete"),
    RowResult.IMPORT_TYPE_INVALID: _("Not importable"),
    RowResult.IMPORT_TYPE_ERROR: _("Not importable"),
}
CHANGING = (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE, RowResult.IMPORT_TYPE_DELETE)


@dataclass(frozen=True)
class CellChange:
    column: str
    before: SafeString  # the stored value, its removed parts in <del>
    after: SafeString  # the file's value, its new parts in <ins>


@dataclass(frozen=True)
class CellError:
    column: str  # "" for a problem of the whole row
    value: str  # the cell as the file has it
    messages: tuple[str, ...]


@dataclass(frozen=True)
class PreviewRow:
    number: int  # the row's number in the file, the header not counted (as the error messages count)
    action: str  # a RowResult.IMPORT_TYPE_* value
    title: str
    changes: tuple[CellChange, ...] = ()
    errors: tuple[CellError, ...] = ()

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


@dataclass
class ImportPreview:
    file_errors: list[str] = field(default_factory=list)  # problems of the whole file (e.g. a missing column)
    problems: list[PreviewRow] = field(default_factory=list)
    changes: list[PreviewRow] = field(default_factory=list)
    unchanged: int = 0
    total: int = 0

    def count(self, action: str) -> int:
        return sum(1 for row in self.changes if row.action == action)

    @property
    def new(self) -> int:
        return self.count(RowResult.IMPORT_TYPE_NEW)

    @property
    def updated(self) -> int:
        return self.count(RowResult.IMPORT_TYPE_UPDATE)

    @property
    def deleted(self) -> int:
        return self.count(RowResult.IMPORT_TYPE_DELETE)


def _columns_by_attribute(resource: Resource) -> dict[str, str]:
    """Errors name a field's attribute; the preview names the file's column (where an attribute has one)."""
    columns: dict[str, list[str]] = {}
    for resource_field in resource.get_import_fields():
        if resource_field.attribute:
            columns.setdefault(resource_field.attribute, []).append(resource_field.column_name)
    return {attribute: names[0] for attribute, names in columns.items() if len(names) == 1}


class _DiffReader(HTMLParser):
    """django-import-export's diff of a cell (diff_match_patch's HTML) as [(operation, text)]."""

    OPERATIONS = {"span": "equal", "del": "delete", "ins": "insert"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[Any]) -> None:
        if tag in self.OPERATIONS:
            self.parts.append([self.OPERATIONS[tag], ""])
        elif tag == "br" and self.parts:  # a line break is written as "¶<br>"
            self.parts[-1][1] = self.parts[-1][1].removesuffix("¶") + "\n"

    def handle_data(self, data: str) -> None:
        if self.parts:
            self.parts[-1][1] += data


def _side(parts: list[list[str]], operation: str, tag: str) -> SafeString:
    html = []
    for part_operation, text in parts:
        if part_operation in ("equal", operation):
            piece = escape(text).replace("\n", "<br>")
            html.append(piece if part_operation == "equal" else f"<{tag}>{piece}</{tag}>")
    return mark_safe("".join(html))  # noqa: S308 - every text is escaped above


def _cell_change(column: str, diff_html: str) -> CellChange | None:
    reader = _DiffReader()
    reader.feed(str(diff_html))
    if all(operation == "equal" for operation, _text in reader.parts):
        return None
    return CellChange(column, _side(reader.parts, "delete", "del"), _side(reader.parts, "insert", "ins"))


def _changed_row(result: Result, number: int, row: RowResult) -> PreviewRow:
    changes = [_cell_change(column, cell) for column, cell in zip(result.diff_headers, row.diff or (), strict=False)]
    return PreviewRow(
        number, row.import_type, row.object_repr or "", changes=tuple(change for change in changes if change)
    )


def _invalid_row(result: Result, invalid: InvalidRow, columns: dict[str, str], title_column: str) -> PreviewRow:
    values = dict(zip(result.diff_headers, invalid.values, strict=False))
    errors = []
    for attribute, messages in invalid.error_dict.items():
        column = "" if attribute == NON_FIELD_ERRORS else columns.get(attribute, attribute)
        value = values.get(column)
        errors.append(CellError(column, "" if value in (None, "---") else str(value), tuple(messages)))
    title = values.get(title_column)
    return PreviewRow(invalid.number, RowResult.IMPORT_TYPE_INVALID, str(title or ""), errors=tuple(errors))


def _error_row(error_row: ErrorRow, title_column: str) -> PreviewRow:
    row = (error_row.errors[0].row if error_row.errors else None) or {}
    messages = tuple(
        gettext("This row could not be saved (%(error)s).") % {"error": error.error} for error in error_row.errors
    )
    return PreviewRow(
        error_row.number,
        RowResult.IMPORT_TYPE_ERROR,
        str(row.get(title_column) or ""),
        errors=(CellError("", "", messages),),
    )


def build_preview(result: Result, resource: Resource, title_column: str = "name") -> ImportPreview:
    """The preview of `result` (a dry run of `resource`); `title_column` names a row that has no record."""
    columns = _columns_by_attribute(resource)
    preview = ImportPreview(total=result.total_rows)
    preview.file_errors = [str(error.error) for error in result.base_errors]
    preview.problems = sorted(
        [_invalid_row(result, invalid, columns, title_column) for invalid in result.invalid_rows]
        + [_error_row(error_row, title_column) for error_row in result.error_rows],
        key=lambda row: row.number,
    )
    preview.unchanged = result.totals[RowResult.IMPORT_TYPE_SKIP]
    # Every row has a result here (report_skipped, as django-import-export's own numbering of row errors assumes).
    for number, row in enumerate(result.rows, 1):
        if row.import_type in CHANGING:
            preview.changes.append(_changed_row(result, number, row))
    return preview
