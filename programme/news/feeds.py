"""
The news feed per language (Atom, `/<lang>/aktuelles/feed/`): the published items in that language, newest first,
with absolute links on the host the feed was asked on, and dates with their offset (German time).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.clock import BERLIN
from programme.editorial.content import in_language, item_url
from programme.news.models import NewsItemContent

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("IQ Portal – News")
    subtitle = _("News from the programme “Integration durch Qualifizierung (IQ)”, its networks and Fachstellen.")

    def get_object(self, request, *args, **kwargs):
        return request  # the links are built on the host the feed was asked on

    def link(self, request):
        return request.build_absolute_uri(item_url("news:list") or "/")

    def feed_url(self, request):
        return request.build_absolute_uri(request.path)

    def items(self, request):
        items = list(in_language(NewsItemContent).for_lists().newest_first()[:FEED_SIZE])
        for item in items:
            item.absolute_url = request.build_absolute_uri(item.get_absolute_url())
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.absolute_url

    def item_pubdate(self, item):
        # The item's date at midnight German time: an Atom date needs a time and its offset.
        return datetime.datetime.combine(item.news_item.date, datetime.time(), tzinfo=BERLIN)

    def item_updateddate(self, item):
        return max(self.item_pubdate(item), item.news_item.updated_at)

    def item_author_name(self, item):
        return item.news_item.publisher_name

    def item_categories(self, item):
        return [str(term) for term in item.news_item.schwerpunkte.all()]
