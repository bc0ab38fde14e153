"""Registers publications with django CMS: versioning (draft, preview, publish, history) and the toolbar."""

from cms.app_base import CMSAppConfig
from cms.utils.i18n import get_language_tuple
from django.shortcuts import render
from djangocms_versioning.datastructures import VersionableItem, default_copy

from programme.publications.models import PublikationContent


def render_publication_content(request, content):
    """The toolbar's preview of a version: the publication's page as visitors will see it."""
    request.toolbar.set_object(content)
    return render(request, content.get_template(), {"content": content, "preview": True})


class PublicationsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(PublikationContent, render_publication_content, "publikation")]
    djangocms_versioning_enabled = True
    versioning = [
        VersionableItem(
            content_model=PublikationContent,
            grouper_field_name="publikation",
            extra_grouping_fields=["language"],
            version_list_filter_lookups={"language": get_language_tuple},
            copy_function=default_copy,
            grouper_selector_option_label=lambda obj, language: str(obj),
            grouper_admin_mixin="__default__",
        )
    ]
