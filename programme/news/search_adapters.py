"""The site search's adapter for news items (programme.editorial.search; contract: programme.search.registry)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programme.editorial.search import EditorialAdapter
from programme.news.models import NewsItem
from programme.search.registry import register


@register
class NewsAdapter(EditorialAdapter):
    type = "news"
    label = _("News")
    model = "news.NewsItem"
    content_model = "news.NewsItemContent"
    grouper_field = "news_item"
    dependencies = {  # documents name the item's network or Fachstelle
        "landesnetzwerke.Landesnetzwerk": lambda network: network.news_newsitem_set.values_list("pk", flat=True),
        "fachstellen.Fachstelle": lambda fachstelle: fachstelle.newsitem_set.values_list("pk", flat=True),
    }

    def date(self, obj: NewsItem) -> datetime.datetime:
        """The item's date: the newer ranks first among equal matches."""
        return timezone.make_aware(datetime.datetime.combine(obj.date, datetime.time()))
