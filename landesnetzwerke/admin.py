"""
Admin for the directory.

Editors of a Landesnetzwerk (members of its editor group) see and change only that network's offices, in
every path: list, change, delete, history, import and export. Central editors (permission
`edit_all_networks`, e.g. the group "Zentrale Redaktion") and superusers see all. A change based on an older
version of an office is refused (optimistic locking); coordinates far from the postcode give a warning.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from iqportal.locking import VersionCheckFormMixin
from landesnetzwerke.directory import plz_distance_warning
from landesnetzwerke.import_storage import ConfirmOnceImportMixin
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Oeffnungszeit, Sprache, Sprechtag, Thema
from landesnetzwerke.models.offices import can_edit_all_networks
from landesnetzwerke.resources import BeratungsstelleResource

SAMPLE_NOTICE = _(
    "Sample data: the address, phone number, e-mail and opening hours of this office are invented for the "
    "demonstration (only the place and its coordinates are real). Replace them with real data and switch off "
    "“sample data”, or delete the office."
)


class OeffnungszeitInline(admin.TabularInline):
    model = Oeffnungszeit
    extra = 0
    verbose_name_plural = _("opening hours (several slots a day are allowed)")


class SprechtagInline(admin.TabularInline):
    model = Sprechtag
    extra = 0
    verbose_name_plural = _("consultation days (mobile counselling)")


class BeratungsstelleAdminForm(VersionCheckFormMixin, TranslatableModelForm):
    stale_message = _(
        "Another editor changed this counselling office after you opened it (last change: %(when)s). "
        "Your changes have not been saved. Open the office again to see the current data, then "
        "repeat your changes."
    )
    deleted_message = _("This counselling office has been deleted in the meantime.")

    class Meta:
        model = Beratungsstelle
        fields = "__all__"


class LandesnetzwerkAdminForm(VersionCheckFormMixin, TranslatableModelForm):
    class Meta:
        model = Landesnetzwerk
        fields = "__all__"


def _display(field, value):
    """A field's value as the history shows it: objects and choices by name, long texts shortened."""
    if isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
        if value is not None and not isinstance(value, models.Model):
            value = field.queryset.filter(pk=value).first()
    elif isinstance(field, forms.MultipleChoiceField) and isinstance(value, list | tuple):
        labels = dict(field.choices)
        value = [labels.get(item, item) for item in value]
    elif isinstance(field, forms.ChoiceField) and value not in (None, ""):
        value = dict(field.choices).get(value, value)
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, models.QuerySet | list | tuple):
        value = ", ".join(sorted(str(item) for item in value)) or "–"
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:79] + "…"


class ValueHistoryMixin:
    """
    The admin's history names what changed with the old and the new value ("Telefon: „…“ → „…“"), not only
    the field, so editors can see and undo a change. Imports write their own entries (django-import-export).
    """

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        if add:
            return message
        details = []
        for name in form.changed_data:
            field = form.fields.get(name)
            if field is None or name == "expected_version":
                continue
            before, after = form.initial.get(name), form.cleaned_data.get(name)
            details.append(f"{field.label}: „{_display(field, before)}“ → „{_display(field, after)}“")
        if not details:
            return message
        entry = LogEntry(change_message=json.dumps(message))
        summary = entry.get_change_message()
        return "; ".join(filter(None, [summary.rstrip("."), *details]))


def editable_network_ids(request):
    """IDs of the networks the user edits, or None for central editors (all); cached on the request."""
    if not hasattr(request, "_editable_network_ids"):
        user = request.user
        request._editable_network_ids = (
            None
            if can_edit_all_networks(user)
            else set(Landesnetzwerk.objects.editable_by(user).values_list("pk", flat=True))
        )
    return request._editable_network_ids


class ScopedToNetworksMixin:
    """Restricts every admin path (list, change, delete, history, export) to the user's networks' objects."""

    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def network_id_of(self, obj):
        return obj.landesnetzwerk_id

    def _in_scope(self, request, obj):
        allowed = editable_network_ids(request)
        return obj is None or allowed is None or self.network_id_of(obj) in allowed

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)


@admin.register(Beratungsstelle)
class BeratungsstelleAdmin(
    ValueHistoryMixin, ScopedToNetworksMixin, ConfirmOnceImportMixin, ImportExportMixin, TranslatableAdmin
):
    form = BeratungsstelleAdminForm
    resource_classes = [BeratungsstelleResource]
    inlines = [OeffnungszeitInline, SprechtagInline]
    list_display = [
        "name",
        "kind",
        "plz",
        "city",
        "bundesland",
        "landesnetzwerk",
        "published",
        "sample_data",
        "updated_at",
    ]
    list_filter = [
        "kind",
        "published",
        "is_sample",
        "bundesland",
        ("landesnetzwerk", admin.RelatedOnlyFieldListFilter),
        "topics",
        "languages",
        "by_video",
        "wheelchair_accessible",
    ]
    search_fields = ["name", "traeger", "street", "plz", "city", "email", "source_id"]
    list_select_related = ["landesnetzwerk"]
    readonly_fields = ["version", "updated_at"]
    filter_horizontal = ["topics", "languages"]
    fieldsets = [
        (None, {"fields": ["kind", "landesnetzwerk", "name", "traeger", "published", "is_sample"]}),
        (_("Address"), {"fields": ["street", "plz", "city", "bundesland", "latitude", "longitude"]}),
        (_("Contact"), {"fields": ["phone", "email", "website"]}),
        (
            _("Counselling"),
            {
                "fields": [
                    "topics",
                    "languages",
                    ("in_person", "by_phone", "by_video", "by_email"),
                    "wheelchair_accessible",
                ]
            },
        ),
        (_("Texts (per language)"), {"fields": ["description", "accessibility", "directions"]}),
        (
            _("Mobile counselling: service area"),
            {"fields": ["service_radius_km", "service_plz_prefixes"], "classes": ["collapse"]},
        ),
        (_("Record"), {"fields": ["source_id", "version", "updated_at", "expected_version"]}),
    ]

    @admin.display(boolean=True, description=_("sample data"), ordering="is_sample")
    def sample_data(self, obj):
        return obj.is_sample

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, dict(options)) for name, options in super().get_fieldsets(request, obj)]
        if obj is not None and obj.is_sample:
            fieldsets[0][1]["description"] = SAMPLE_NOTICE
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "landesnetzwerk":
            kwargs["queryset"] = Landesnetzwerk.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warning = plz_distance_warning(obj)
        if warning:
            messages.warning(request, warning)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None and obj.is_sample:
                messages.warning(request, SAMPLE_NOTICE)
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "GET" and self.get_queryset(request).filter(is_sample=True).exists():
            messages.warning(
                request,
                _(
                    "Offices marked as sample data have invented addresses and contacts; they are shown on the "
                    "site with a “sample data” notice until you replace them (e.g. by importing real data)."
                ),
            )
        return super().changelist_view(request, extra_context)

    # --- import / export: ConfirmOnceImportMixin (landesnetzwerke/import_storage.py) --------------------

    def get_export_queryset(self, request):
        return super().get_export_queryset(request).with_details()


@admin.register(Landesnetzwerk)
class LandesnetzwerkAdmin(ValueHistoryMixin, ScopedToNetworksMixin, TranslatableAdmin):
    form = LandesnetzwerkAdminForm
    list_display = [
        "name",
        "bundesland",
        "coordination",
        "editor_group",
        "fixed_offices",
        "mobile_offices",
        "is_sample",
    ]
    search_fields = ["name", "coordination", "slug"]
    list_select_related = ["editor_group"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "bundesland", "coordination", "description", "editor_group"]}),
        (_("Contact"), {"fields": ["website", "email", "phone", "street", "plz", "city", "is_sample"]}),
        (_("Record"), {"fields": ["version", "updated_at", "expected_version"]}),
    ]
    central_only_fields = ["name", "slug", "bundesland", "editor_group"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_office_counts()

    def network_id_of(self, obj):
        return obj.pk

    @admin.display(description=_("fixed offices"), ordering="fixed_count")
    def fixed_offices(self, obj):
        return obj.fixed_count

    @admin.display(description=_("mobile offices"), ordering="mobile_count")
    def mobile_offices(self, obj):
        return obj.mobile_count

    def get_readonly_fields(self, request, obj=None):
        record = ["version", "updated_at"]
        return record if can_edit_all_networks(request.user) else [*record, *self.central_only_fields]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and can_edit_all_networks(request.user)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and can_edit_all_networks(request.user)


@admin.register(Thema)
class ThemaAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug", "position"]
    ordering = ["position"]


@admin.register(Sprache)
class SpracheAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_local"]
    search_fields = ["code", "name_en", "name_local"]
