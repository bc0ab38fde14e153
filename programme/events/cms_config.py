from cms.app_base import CMSAppConfig
from cms.utils.i18n import get_language_tuple
from djangocms_versioning.datastructures import VersionableItem, default_copy

from programme.events.models import EventContent
from programme.events.views import render_event_content


class EventsCMSConfig(CMSAppConfig):
    cms_enabled = True
    # The toolbar's preview and edit of an event text (a draft too) render its detail page.
    cms_toolbar_enabled_models = [(EventContent, render_event_content, "event")]
    djangocms_versioning_enabled = True
    versioning = [
        VersionableItem(
            content_model=EventContent,
            grouper_field_name="event",
            extra_grouping_fields=["language"],
            version_list_filter_lookups={"language": get_language_tuple},
            copy_function=default_copy,  # copies the fields and the body's plugins into a new draft
            grouper_selector_option_label=lambda obj, language: str(obj),
            grouper_admin_mixin="__default__",
        )
    ]
