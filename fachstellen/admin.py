from django.contrib import admin
from parler.admin import TranslatableAdmin

from fachstellen.models import Fachstelle


@admin.register(Fachstelle)
class FachstelleAdmin(TranslatableAdmin):
    list_display = ["name", "organisation", "position", "is_sample"]
    search_fields = ["name", "organisation", "slug"]
    ordering = ["position", "name"]
