from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from programme.editorial.admin_base import TEXT_FIELDS, EditorialAdmin
from programme.events.models import Event, EventContent


@admin.register(Event)
class EventAdmin(EditorialAdmin):
    content_model = EventContent
    list_display = (
        "content__title",
        "starts_at",
        "attendance",
        "owner",
        "is_sample",
        "get_author",
        "get_modified_date",
        "admin_list_actions",
    )
    list_filter = ("is_sample", "attendance", "landesnetzwerk", "zielgruppen")
    date_hierarchy = "starts_at"
    readonly_fields = ("latitude", "longitude")

    def get_fieldsets(self, request, obj=None):
        return [
            (_("Text in this language"), {"fields": TEXT_FIELDS}),
            (
                _("When and where (the same in every language)"),
                {
                    "fields": (
                        "slug",
                        ("starts_at", "ends_at"),
                        "attendance",
                        "online_url",
                        "venue",
                        "street",
                        ("plz", "city"),
                        ("latitude", "longitude"),
                    ),
                    "description": _(
                        "Times are German time (Europe/Berlin). The coordinates are taken from the postcode or place "
                        "when you save."
                    ),
                },
            ),
            (
                _("Organiser, audience and registration (the same in every language)"),
                {
                    "fields": (
                        "landesnetzwerk",
                        "fachstelle",
                        "zielgruppen",
                        "sprachen",
                        "registration_url",
                        "registration_email",
                        "is_sample",
                    ),
                    "description": self.shared_description,
                },
            ),
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "zielgruppen":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        if db_field.name == "sprachen":
            kwargs["widget"] = admin.widgets.FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
