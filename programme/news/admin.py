from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from programme.editorial.admin_base import TEXT_FIELDS, EditorialAdmin, EditorialAdminForm
from programme.news.models import NewsItem, NewsItemContent


class NewsItemAdminForm(EditorialAdminForm):
    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("content__image") and not (cleaned_data.get("content__image_alt") or "").strip():
            self.add_error("content__image_alt", _("Describe the image for people who cannot see it."))
        return cleaned_data


@admin.register(NewsItem)
class NewsItemAdmin(EditorialAdmin):
    form = NewsItemAdminForm
    content_model = NewsItemContent
    list_display = (
        "content__title",
        "date",
        "owner",
        "is_sample",
        "get_author",
        "get_modified_date",
        "admin_list_actions",
    )
    list_filter = ("is_sample", "landesnetzwerk", "schwerpunkte")
    date_hierarchy = "date"

    def get_fieldsets(self, request, obj=None):
        return [
            (_("Text in this language"), {"fields": (*TEXT_FIELDS, "content__image", "content__image_alt")}),
            (
                _("The same in every language"),
                {
                    "fields": ("slug", "date", "landesnetzwerk", "fachstelle", "schwerpunkte", "is_sample"),
                    "description": self.shared_description,
                },
            ),
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "schwerpunkte":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)
