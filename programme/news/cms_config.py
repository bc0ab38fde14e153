from cms.app_base import CMSAppConfig
from cms.utils.i18n import get_language_tuple
from djangocms_versioning.datastructures import VersionableItem, default_copy

from programme.news.models import NewsItemContent
from programme.news.views import render_news_content


class NewsCMSConfig(CMSAppConfig):
    cms_enabled = True
    # The toolbar's preview and edit of a news text (a draft too) render its detail page.
    cms_toolbar_enabled_models = [(NewsItemContent, render_news_content, "news_item")]
    djangocms_versioning_enabled = True
    versioning = [
        VersionableItem(
            content_model=NewsItemContent,
            grouper_field_name="news_item",
            extra_grouping_fields=["language"],
            version_list_filter_lookups={"language": get_language_tuple},
            copy_function=default_copy,  # copies the fields and the body's plugins into a new draft
            grouper_selector_option_label=lambda obj, language: str(obj),
            grouper_admin_mixin="__default__",
        )
    ]
