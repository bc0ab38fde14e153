"""
Where an uploaded import file waits between its preview and the editor's confirmation, and the admin mixin that
imports it exactly once. Any django-import-export admin can use it (the offices today, other resources next):

    class ProjectAdmin(ConfirmOnceImportMixin, ImportExportMixin, admin.ModelAdmin): ...

The file waits in the database (PendingImport), not in the cache: a cache evicts entries (local memory keeps
300), may be down (Redis refusing connections), and only Redis is shared between app hosts. The preview stages
the file; if the preview can be confirmed, the file is handed to the editor who uploaded it, for this resource
and format. The confirmation claims it in one conditional UPDATE: only its owner can, only once, and only
within PENDING_IMPORT_LIFETIME. Every other confirmation (a double click, the back button, a second app host, an
expired preview, a forged or somebody else's file name) gets a message in the editor's language instead.

A confirmed import is all or nothing: if a row has an error, nothing is saved and the message names the rows.
A resource that refuses a row because its record changed after the export raises a ValidationError with
code="stale" and params `name` (the record), `row` (the version in the file) and `current` (the version
stored); the message then lists those rows with both versions.
"""

import datetime
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_noop, ngettext
from django.views.decorators.http import require_POST
from import_export.forms import SelectableFieldsExportForm
from import_export.resources import Resource
from import_export.results import Result, RowResult
from import_export.tmp_storages import BaseStorage

from landesnetzwerke.file_formats import SafeCSV, SafeXLSX
from landesnetzwerke.import_preview import build_preview
from landesnetzwerke.models.imports import ClaimRefusal, ClaimRefused, PendingImport

if TYPE_CHECKING:
    from import_export.admin import ImportMixin as _ImportAdmin
else:
    _ImportAdmin = object

PENDING_IMPORT_LIFETIME = datetime.timedelta(hours=6)  # an editor has a working morning to check the preview

# django-import-export's own messages that its German catalogue words informally ("du"); our catalogue gives
# them in the formal address (the site's), so they are listed here for `makemessages` to keep them.
THIRD_PARTY_MESSAGES = [
    gettext_noop("No valid data to import. Ensure your file has the correct headers or data for import."),
    gettext_noop('Select at least 1 field for "%(resource_name)s" to export'),
]


class PendingImportStorage(BaseStorage):
    """django-import-export's temporary storage, in the database (see the module's description)."""

    lifetime = PENDING_IMPORT_LIFETIME

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._data: bytes | None = None

    def save(self, data: bytes) -> None:
        pending = PendingImport.objects.stage(data, self.lifetime)
        self.name, self._data = pending.token, pending.data

    def read(self) -> bytes:
        if self._data is None:
            stored = PendingImport.objects.filter(token=self.name).values_list("data", flat=True).first()
            self._data = bytes(stored or b"")
        return self._data

    def remove(self) -> None:
        PendingImport.objects.release_data(self.name)


class ColumnExportForm(SelectableFieldsExportForm):
    """The export form's checkboxes are labelled with the file's column names (as the import page lists them)."""

    def _get_field_label(self, resource: type[Resource], field_name: str) -> str:
        field = resource.fields.get(field_name)
        return field.column_name if field else field_name


def resource_key(resource_class: type[Resource]) -> str:
    return f"{resource_class.__module__}.{resource_class.__qualname__}"


class ConfirmOnceImportMixin(_ImportAdmin):
    """For a ModelAdmin with django-import-export's ImportMixin (put it first): see the module's description."""

    tmp_storage_class = PendingImportStorage
    import_formats = [SafeCSV, SafeXLSX]
    export_formats = [SafeCSV, SafeXLSX]
    import_template_name = "landesnetzwerke/admin/import.html"
    export_template_name = "landesnetzwerke/admin/export.html"
    export_form_class = ColumnExportForm
    model: type[models.Model]
    #: the column whose value names a row in the preview when the row could not be read into a record
    import_title_column = "name"

    # --- who may, and with what -------------------------------------------------------------------------------

    def has_import_permission(self, request: HttpRequest) -> bool:
        opts = self.model._meta
        user = request.user
        return user.has_perm(f"{opts.app_label}.add_{opts.model_name}") and user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        )

    def has_export_permission(self, request: HttpRequest) -> bool:
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def get_import_resource_kwargs(self, request: HttpRequest, **kwargs: Any) -> dict[str, Any]:
        return {"user": request.user}  # the resource confines the rows to the user's networks

    def get_export_resource_kwargs(self, request: HttpRequest, **kwargs: Any) -> dict[str, Any]:
        return {"user": request.user}

    def export_action(self, request: HttpRequest) -> HttpResponse:
        """Unknown filters in the query string (an old bookmark, a typo) give the unfiltered export page."""
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.warning(
                request, gettext("The list filters in the address were not understood; they were ignored.")
            )
            return HttpResponseRedirect(request.path)

    # --- the preview -----------------------------------------------------------------------------------------

    def import_action(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is None or not hasattr(context.get("form"), "cleaned_data"):
            return response
        import_form = context["form"]
        upload = import_form.cleaned_data.get("import_file")
        token = getattr(upload, "tmp_storage_name", None)
        if token is None:
            return response
        resource_class = self.choose_import_resource_class(import_form, request)
        if context.get("confirm_form") is None:
            PendingImport.objects.filter(token=token, owner__isnull=True).delete()  # nothing can confirm it
        else:
            file_format = self.get_import_formats()[int(import_form.cleaned_data["format"])]().get_title()
            PendingImport.objects.hand_to(token, request.user, resource_key(resource_class), upload.name, file_format)
        if context.get("result") is not None:
            resource = resource_class(**self.get_import_resource_kwargs(request, form=import_form))
            context["preview"] = build_preview(context["result"], resource, self.import_title_column)
            context["preview_lifetime_hours"] = int(PENDING_IMPORT_LIFETIME.total_seconds() // 3600)
        return response

    def add_data_read_fail_error_to_form(self, form: Any, e: Exception) -> None:
        form.add_error(
            "import_file",
            gettext(
                "The file could not be read. Check that you chose its format (CSV or XLSX) and that a CSV file "
                "is saved as UTF-8, then upload it again."
            ),
        )

    # --- the confirmation ------------------------------------------------------------------------------------

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        kwargs["rollback_on_validation_errors"] = True  # one broken row: nothing is saved
        return kwargs

    @method_decorator(require_POST)
    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_confirm_form(request)
        formats, resources = self.get_import_formats(), self.get_import_resource_classes(request)
        if not form.is_valid():
            return self._refuse_confirmation(request, ClaimRefused(ClaimRefusal.UNKNOWN))
        format_index, resource_index = form.cleaned_data["format"], form.cleaned_data.get("resource") or "0"
        if not (
            format_index.isdigit()
            and int(format_index) < len(formats)
            and resource_index.isdigit()
            and int(resource_index) < len(resources)
        ):
            return self._refuse_confirmation(request, ClaimRefused(ClaimRefusal.UNKNOWN))
        input_format = formats[int(format_index)](encoding=self.from_encoding)
        try:
            pending = PendingImport.objects.claim(
                form.cleaned_data["import_file_name"],
                owner=request.user,
                resource=resource_key(resources[int(resource_index)]),
                file_format=input_format.get_title(),
            )
        except ClaimRefused as refusal:
            return self._refuse_confirmation(request, refusal)
        try:
            dataset = input_format.create_dataset(bytes(pending.data))
            result = self.process_dataset(dataset, form, request, file_name=pending.original_name, **kwargs)
        finally:
            PendingImport.objects.release_data(pending.token)
        return self.process_result(result, request)

    def _import_page(self) -> HttpResponseRedirect:
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_import"))

    def _refuse_confirmation(self, request: HttpRequest, refusal: ClaimRefused) -> HttpResponseRedirect:
        if refusal.reason is ClaimRefusal.CONFIRMED and refusal.pending and refusal.pending.claimed_at:
            when = timezone.localtime(refusal.pending.claimed_at).strftime("%H:%M")
            message = gettext(
                "This import has already been confirmed (at %(time)s). Nothing was imported again: check the list "
                "of %(objects)s."
            ) % {"time": when, "objects": self.model._meta.verbose_name_plural}
        elif refusal.reason is ClaimRefusal.EXPIRED:
            message = gettext(
                "The preview of this import has expired: a preview waits %(hours)s hours for its confirmation. "
                "Nothing was imported. Please upload the file again."
            ) % {"hours": int(PENDING_IMPORT_LIFETIME.total_seconds() // 3600)}
        else:
            message = gettext(
                "This import cannot be confirmed: no preview of it is waiting for you. Nothing was imported. "
                "Please upload the file again."
            )
        messages.error(request, message)
        return self._import_page()

    def process_result(self, result: Result, request: HttpRequest) -> HttpResponse:
        """All or nothing: a result with any error was rolled back; say which rows, and why for refused ones."""
        if not (result.has_errors() or result.has_validation_errors()):
            return super().process_result(result, request)
        rows = sorted({row.number for row in result.invalid_rows} | {number for number, _errors in result.row_errors()})
        messages.error(
            request,
            ngettext(
                "Nothing was imported: row %(rows)s has errors. Correct the file and import it again.",
                "Nothing was imported: rows %(rows)s have errors. Correct the file and import it again.",
                len(rows) or 1,
            )
            % {"rows": ", ".join(str(number) for number in rows) or "?"},
        )
        for number, error in stale_rows(result):
            messages.error(
                request,
                gettext(
                    "Row %(number)s, “%(name)s”, was refused: it is based on version %(row)s, but another editor "
                    "has saved version %(current)s since your export. Export again and repeat your changes."
                )
                % {"number": number, **(error.params or {})},
            )
        return self._import_page()

    def add_success_message(self, result: Result, request: HttpRequest) -> None:
        totals = result.totals
        messages.success(
            request,
            gettext("Import finished: %(new)s new, %(updated)s updated, %(deleted)s deleted, %(unchanged)s unchanged.")
            % {
                "new": totals[RowResult.IMPORT_TYPE_NEW],
                "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
                "deleted": totals[RowResult.IMPORT_TYPE_DELETE],
                "unchanged": totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )


def stale_rows(result: Result) -> list[tuple[int, ValidationError]]:
    """(row number, error) of the rows refused because their record changed after the export."""
    refused: list[tuple[int, ValidationError]] = []
    for row in result.invalid_rows:
        for errors in getattr(row.error, "error_dict", {}).values():
            refused.extend((row.number, error) for error in errors if error.code == "stale" and error.params)
    return refused
