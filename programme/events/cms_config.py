from cms.app_base import CMSAppConfig

from programme.editorial.content import versionable
from programme.events.models import EventContent
from programme.events.views import render_event_content


class EventsCMSConfig(CMSAppConfig):
    cms_enabled = True
    # The toolbar's preview and edit of a text (a draft too) render its page.
    cms_toolbar_enabled_models = [(EventContent, render_event_content, "event")]
    djangocms_versioning_enabled = True
    versioning = [versionable(EventContent)]
