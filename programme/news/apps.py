from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "programme.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from landesnetzwerke.ownership import install_version_conditions
        from programme.editorial.admin_base import guard_versions_list
        from programme.editorial.content import connect_cache_invalidation
        from programme.news.models import NewsItem, NewsItemContent

        install_version_conditions()
        connect_cache_invalidation(NewsItemContent, NewsItem)
        guard_versions_list(NewsItemContent)
