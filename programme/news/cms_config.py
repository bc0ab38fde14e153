from cms.app_base import CMSAppConfig

from programme.editorial.content import versionable
from programme.news.models import NewsItemContent
from programme.news.views import render_news_content


class NewsCMSConfig(CMSAppConfig):
    cms_enabled = True
    # The toolbar's preview and edit of a text (a draft too) render its page.
    cms_toolbar_enabled_models = [(NewsItemContent, render_news_content, "news_item")]
    djangocms_versioning_enabled = True
    versioning = [versionable(NewsItemContent)]
