"""Registers the projects' texts with djangocms-versioning and the CMS toolbar (preview of drafts)."""

from typing import Any

from cms.app_base import CMSAppConfig
from cms.utils.i18n import get_language_tuple
from django.http import HttpRequest, HttpResponse
from djangocms_versioning.datastructures import VersionableItem, default_copy

from landesnetzwerke.projects.models import TeilprojektContent


def render_project_content(request: HttpRequest, content: TeilprojektContent) -> HttpResponse:
    """The toolbar's preview of a version (draft or published): the project page with exactly these texts."""
    from landesnetzwerke.projects.views import render_project_page

    return render_project_page(request, content.teilprojekt, content, preview=True)


def _option_label(grouper: Any, language: str) -> str:
    return str(grouper)


class ProjectsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_toolbar_enabled_models = [(TeilprojektContent, render_project_content, "teilprojekt")]
    djangocms_versioning_enabled = True
    versioning = [
        VersionableItem(
            content_model=TeilprojektContent,
            grouper_field_name="teilprojekt",
            extra_grouping_fields=["language"],
            version_list_filter_lookups={"language": get_language_tuple},
            copy_function=default_copy,
            grouper_selector_option_label=_option_label,
            grouper_admin_mixin="__default__",
        )
    ]
