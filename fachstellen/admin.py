from django.contrib import admin
from parler.admin import TranslatableAdmin
from parler.forms import TranslatableModelForm

from fachstellen.models import Fachstelle
from iqportal.locking import VersionCheckFormMixin


class FachstelleAdminForm(VersionCheckFormMixin, TranslatableModelForm):
    class Meta:
        model = Fachstelle
        fields = "__all__"


@admin.register(Fachstelle)
class FachstelleAdmin(TranslatableAdmin):
    form = FachstelleAdminForm
    readonly_fields = ["version", "updated_at"]
    list_display = ["name", "organisation", "position", "is_sample"]
    search_fields = ["name", "organisation", "slug"]
    ordering = ["position", "name"]
