"""
The admin's import and export of projects, with the safeguards of the offices' import (BeratungsstelleAdmin):
CSV and XLSX, a preview in the offices' template (row errors beside their row and column, the other rows' changes
below), nothing saved when any row has an error, the uploaded file waiting in the shared cache and claimed by exactly
one confirmation, the user's networks only, formula-safe cells (the resource's widgets).

The pieces shared with the offices are named here once so that they can be swapped for the shared import machinery
(pending imports stored in the database) when it lands: `ImportPreviewStorage` and its `claim()` (the waiting file
and the confirm-once), the preview template, and `process_import`/`process_result` below, which mirror
BeratungsstelleAdmin's for any model (its URLs come from the admin's model).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX

from landesnetzwerke.import_storage import ImportPreviewStorage


class SafeImportExportMixin(ImportExportMixin):
    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    tmp_storage_class = ImportPreviewStorage
    import_template_name = "landesnetzwerke/admin/import.html"
    import_error_display = ("message", "row")

    def _import_url(self) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_import")

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
        return {"user": request.user}

    def get_export_resource_kwargs(self, request: HttpRequest, **kwargs: Any) -> dict[str, Any]:
        return {"user": request.user}

    def get_import_data_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        kwargs["rollback_on_validation_errors"] = True  # one broken row: nothing is saved
        return kwargs

    def process_import(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        """The confirmed import; its file is claimed once (a double click, the back button, another app host)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_confirm_form(request)
        if form.is_valid():
            format_index = form.cleaned_data["format"]
            if not (format_index.isdigit() and int(format_index) < len(self.get_import_formats())):
                messages.error(request, _("The import could not be confirmed. Please upload the file again."))
                return HttpResponseRedirect(self._import_url())
            if not ImportPreviewStorage.claim(form.cleaned_data["import_file_name"]):
                messages.error(
                    request,
                    _(
                        "This import has already been confirmed, or its preview has expired. Nothing was imported "
                        "again. Check the list, and upload the file again if needed."
                    ),
                )
                return HttpResponseRedirect(self._import_url())
        return super().process_import(request, **kwargs)

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        if result.has_errors() or result.has_validation_errors():
            rows = sorted(
                {number for number, _errors in result.row_errors()} | {row.number for row in result.invalid_rows}
            )
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: row %(rows)s has errors. Correct the file and import it again.",
                    "Nothing was imported: rows %(rows)s have errors. Correct the file and import it again.",
                    len(rows) or 1,
                )
                % {"rows": ", ".join(str(number) for number in rows) or "?"},
            )
            return HttpResponseRedirect(self._import_url())
        return super().process_result(result, request)

    def export_action(self, request: HttpRequest) -> HttpResponse:
        """Unknown filters in the query string (an old bookmark, a typo) give the unfiltered export page."""
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.warning(request, _("The list filters in the address were not understood; they were ignored."))
            return HttpResponseRedirect(request.path)
