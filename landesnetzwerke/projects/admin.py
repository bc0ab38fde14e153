"""
Admin of the project database: one form per project with the facts (same in every language) and, per language
tab, the texts of the latest version (draft or published; versioned by djangocms-versioning).

Editors of a Landesnetzwerk see, change, publish and import only their network's projects
(landesnetzwerke.ownership); central editors everything. A save based on an outdated form is refused (optimistic
locking, as for offices), and the history names each changed fact with its old and new value.
"""

from __future__ import annotations

from typing import Any

from cms.admin.utils import GrouperModelAdmin
from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from iqportal.locking import VersionCheckFormMixin
from landesnetzwerke.admin import ValueHistoryMixin
from landesnetzwerke.import_storage import ConfirmOnceImportMixin
from landesnetzwerke.ownership import NetworkOwnedAdminMixin
from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent, set_places, unique_slug
from landesnetzwerke.projects.places import PlaceResolver, format_places
from landesnetzwerke.projects.resources import TeilprojektResource

SAMPLE_NOTICE = _(
    "Sample data: this project is invented for the demonstration (its title, organisation, contact and texts; the "
    "places are real). Replace it with a real project and switch off “sample data”, or delete it."
)


class PlacesField(forms.CharField):
    """The places where a project works, one a line ("30159 Hannover"); resolved to gazetteer places."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("places where it works"))
        kwargs.setdefault(
            "help_text",
            _(
                "One place a line: postcode and name (30159 Hannover), or a name or postcode alone. Visitors find the "
                "project near these places."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return format_places(value).replace("; ", "\n")
        return value

    def clean(self, value: Any) -> list[Any]:
        resolved = PlaceResolver().resolve(super().clean(value) or "")
        if resolved.errors:
            raise forms.ValidationError(resolved.errors)
        return resolved.places


class TeilprojektAdminForm(VersionCheckFormMixin, forms.ModelForm):
    place_list = PlacesField()
    stale_message = _(
        "Another editor changed this project after you opened it (last change: %(when)s). Your changes have not "
        "been saved. Open the project again to see the current data, then repeat your changes."
    )
    deleted_message = _("This project has been deleted in the meantime.")

    class Meta:
        model = Teilprojekt
        fields = [  # places: through place_list
            "landesnetzwerk",
            "field_of_action",
            "traeger",
            "starts_on",
            "ends_on",
            "target_groups",
            "funding",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
            "is_sample",
            "slug",
            "source_id",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["place_list"].initial = list(self.instance.places.all())


@admin.register(Teilprojekt)
class TeilprojektAdmin(
    ValueHistoryMixin, NetworkOwnedAdminMixin, ConfirmOnceImportMixin, ImportExportMixin, GrouperModelAdmin
):
    import_title_column = "title_de"
    form = TeilprojektAdminForm
    resource_classes = [TeilprojektResource]
    content_model = TeilprojektContent
    extra_grouping_fields = ("language",)
    list_display = (
        "content__title",
        "landesnetzwerk",
        "field_of_action",
        "starts_on",
        "ends_on",
        "sample_data",
        "get_author",
        "get_modified_date",
        "state_indicator",
        "admin_list_actions",
    )
    list_filter = (
        ("landesnetzwerk", admin.RelatedOnlyFieldListFilter),
        "field_of_action",
        "funding",
        "is_sample",
    )
    search_fields = ("content__title", "traeger", "slug", "source_id")
    list_select_related = ("landesnetzwerk",)
    readonly_fields = ("version", "updated_at")
    fieldsets = [
        (None, {"fields": ["content__language", "content__title", "landesnetzwerk", "field_of_action", "traeger"]}),
        (
            _("Texts (in the language of the tab)"),
            {"fields": ["content__summary", "content__description", "content__contact_role"]},
        ),
        (_("Where and when"), {"fields": ["place_list", "starts_on", "ends_on"]}),
        (_("Target groups and funding"), {"fields": ["target_groups", "funding"]}),
        (_("Contact"), {"fields": ["contact_name", "contact_email", "contact_phone", "website"]}),
        (_("Record"), {"fields": ["is_sample", "slug", "source_id", "version", "updated_at", "expected_version"]}),
    ]

    @admin.display(boolean=True, description=_("sample data"), ordering="is_sample")
    def sample_data(self, obj: Teilprojekt) -> bool:
        return obj.is_sample

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> Any:
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        if obj is not None and obj.is_sample:
            fieldsets[0][1]["description"] = SAMPLE_NOTICE
        return fieldsets

    def save_model(self, request: HttpRequest, obj: Teilprojekt, form: Any, change: bool) -> None:
        if not obj.slug:
            obj.slug = unique_slug(form.cleaned_data.get("content__title") or "", exclude_pk=obj.pk)
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if "place_list" in form.cleaned_data:
            set_places(form.instance, form.cleaned_data["place_list"])

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None) -> Any:
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None and obj.is_sample:
                messages.warning(request, SAMPLE_NOTICE)
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if request.method == "GET" and self.get_queryset(request).filter(is_sample=True).exists():
            messages.warning(
                request,
                _(
                    "Projects marked as sample data are invented; they are shown on the site with a “sample data” "
                    "notice until you replace them (e.g. by importing real data)."
                ),
            )
        return super().changelist_view(request, extra_context)

    def get_export_queryset(self, request: HttpRequest) -> Any:
        return super().get_export_queryset(request).order_by("pk")
