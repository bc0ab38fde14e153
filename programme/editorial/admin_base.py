"""
The admin of a versioned editorial item (news, events): one form with a tab per language for the texts and the
fields shared by every language, the list with the state of each language's version, and the network rules of
landesnetzwerke.ownership (a network's editors see and change only their network's items). djangocms-versioning
adds the versions list, publishing, reverting and the toolbar's preview (`grouper_admin_mixin="__default__"`).
"""

from typing import Any

from cms.admin.utils import GrouperModelAdmin
from django import forms
from django.contrib import admin
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.ownership import NetworkOwnedAdminMixin

TEXT_FIELDS = ("content__language", "content__title", "content__teaser")


class EditorialAdminForm(forms.ModelForm):
    """The grouper's form (GrouperModelAdmin adds the content fields, named content__<field>; the model checks
    the grouper's own fields)."""


class EditorialAdmin(NetworkOwnedAdminMixin, GrouperModelAdmin):
    form = EditorialAdminForm
    extra_grouping_fields = ("language",)
    list_filter = ("is_sample", "landesnetzwerk")
    search_fields = ("slug", "content__title", "content__teaser")
    prepopulated_fields = {"slug": ("content__title",)}
    list_per_page = 50

    shared_description = _(
        "These facts are the same in every language and take effect when you save. The body text is written on the "
        "page itself: open it with “Preview” in the list, then “Edit”."
    )

    @admin.display(description=_("from"))
    def owner(self, obj: Any) -> str:
        return obj.landesnetzwerk.name if obj.landesnetzwerk else (obj.fachstelle.name if obj.fachstelle else "–")

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("landesnetzwerk", "fachstelle")


def guard_versions_list(content_model: Any) -> None:
    """
    The versions list of an item another network owns is not found (404) for a network's editor: its rows are
    filtered already (landesnetzwerke.ownership), but its heading would still name the item.
    """
    from djangocms_versioning import versionables

    versionable = versionables.for_content(content_model)
    version_admin = admin.site._registry[versionable.version_model_proxy]
    original = version_admin.changelist_view

    def changelist_view(request: HttpRequest, extra_context: Any = None) -> Any:
        value = request.GET.get(versionable.grouper_field_name)
        if value is not None:
            editable = versionable.grouper_model.objects.editable_by(request.user)
            if not value.isdigit() or not editable.filter(pk=int(value)).exists():
                raise Http404
        return original(request, extra_context)

    version_admin.changelist_view = changelist_view
