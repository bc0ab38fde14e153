"""
Subscribers in the admin, for central editors only: e-mail addresses are personal data that network editors have no
reason to see, so every view here also requires the central editors' permission (whatever model permissions a
group has been given). Nothing is added or changed here: subscriptions come only from the double opt-in. Central
editors may delete an address (a request to be forgotten) and export a list's confirmed subscribers as CSV.
"""

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models.offices import can_edit_all_networks
from programme.subscriptions.export import write_subscribers
from programme.subscriptions.models import Abonnement, Abonnent, Anmeldung


class CentralEditorsOnly:
    """Read-only admin that only central editors (and superusers) reach; deleting needs the model permission."""

    def has_module_permission(self, request):
        return can_edit_all_networks(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return can_edit_all_networks(request.user) and super().has_view_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return can_edit_all_networks(request.user) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AbonnementInline(CentralEditorsOnly, admin.TabularInline):
    model = Abonnement
    extra = 0
    fields = readonly_fields = ("liste", "language", "consented_at", "confirmed_at", "consent_text")


@admin.register(Abonnent)
class AbonnentAdmin(CentralEditorsOnly, admin.ModelAdmin):
    list_display = ("email", "created")
    search_fields = ("email",)
    fields = readonly_fields = ("email", "created")
    inlines = [AbonnementInline]


@admin.register(Abonnement)
class AbonnementAdmin(CentralEditorsOnly, admin.ModelAdmin):
    list_display = ("abonnent", "liste", "language", "consented_at", "confirmed_at")
    list_filter = ("liste", "language")
    search_fields = ("abonnent__email",)
    list_select_related = ("abonnent",)
    fields = readonly_fields = ("abonnent", "liste", "language", "consented_at", "confirmed_at", "consent_text")
    actions = ["export_csv"]

    @admin.action(description=_("Export the selected subscriptions (CSV)"))
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="abonnements-{timezone.localdate():%Y-%m-%d}.csv"'
        write_subscribers(response, queryset, request.build_absolute_uri)
        return response


@admin.register(Anmeldung)
class AnmeldungAdmin(CentralEditorsOnly, admin.ModelAdmin):
    list_display = ("abonnent", "created", "confirmed_at", "language")
    list_filter = ("language",)
    search_fields = ("abonnent__email",)
    list_select_related = ("abonnent",)
    fields = readonly_fields = ("abonnent", "listen", "language", "consent_text", "created", "confirmed_at")
