from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "programme.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from programme.editorial.content import set_up
        from programme.news.models import NewsItem, NewsItemContent

        set_up(NewsItemContent, NewsItem)
