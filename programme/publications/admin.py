"""
The publications admin: one form per publication with a tab per language (django CMS's GrouperModelAdmin) and
versioning's state, versions list and publish actions. Network editors see and change only their network's
publications (NetworkOwnedAdminMixin); the PDF is checked when the form is saved.
"""

from cms.admin.utils import GrouperAdminFormMixin, GrouperModelAdmin
from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.ownership import NetworkOwnedAdminMixin
from programme.publications.models import Publikation, PublikationContent, file_and_cover_errors

GROUPER_FIELDS = ("slug", "typ", "jahr", "schwerpunkt", "landesnetzwerk", "fachstelle", "is_sample")


class PublikationAdminForm(GrouperAdminFormMixin(PublikationContent), forms.ModelForm):
    class Meta:
        model = Publikation
        fields = GROUPER_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._content_instance is None and self.instance.pk and not self.is_bound:
            # A new language version: usually the same PDF and cover as the publication's other languages.
            other = PublikationContent.admin_manager.filter(publikation=self.instance).latest_content().first()
            if other is not None:
                self.initial.setdefault("content__file", other.file_id)
                self.initial.setdefault("content__file_languages", other.file_languages)
                self.initial.setdefault("content__cover", other.cover_id)

    def clean(self):
        cleaned = super().clean()
        errors = file_and_cover_errors(
            cleaned.get("content__file"), cleaned.get("content__cover"), cleaned.get("content__cover_alt_text", "")
        )
        for name, error in errors.items():
            self.add_error(f"content__{name}", error)
        return cleaned


@admin.register(Publikation)
class PublikationAdmin(NetworkOwnedAdminMixin, GrouperModelAdmin):
    form = PublikationAdminForm
    content_model = PublikationContent
    extra_grouping_fields = ("language",)
    list_display = (
        "content__title",
        "typ",
        "jahr",
        "landesnetzwerk",
        "is_sample",
        "get_author",
        "get_modified_date",
        "state_indicator",
        "admin_list_actions",
    )
    list_filter = ("typ", "jahr", "schwerpunkt", "is_sample", "landesnetzwerk", "fachstelle")
    search_fields = ("slug", "content__title")
    prepopulated_fields = {"slug": ("content__title",)}
    fieldsets = (
        (
            _("Text in this language"),
            {"fields": ("content__language", "content__title", "content__teaser", "content__description")},
        ),
        (
            _("File and cover"),
            {"fields": ("content__file", "content__file_languages", "content__cover", "content__cover_alt_text")},
        ),
        (
            _("The same in every language"),
            {"fields": GROUPER_FIELDS},
        ),
    )


@admin.register(PublikationContent)
class PublikationContentAdmin(admin.ModelAdmin):
    """Not a page of its own: versioning's pages link here (breadcrumbs, after discarding), so it leads to the
    publication's form."""

    def has_module_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        return HttpResponseRedirect(reverse("admin:publications_publikation_changelist"))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        content = PublikationContent.admin_manager.filter(pk=object_id).first()
        if content is None:
            raise Http404
        url = reverse("admin:publications_publikation_change", args=[content.publikation_id])
        return HttpResponseRedirect(f"{url}?language={content.language}")
