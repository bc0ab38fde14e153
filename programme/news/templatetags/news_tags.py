"""`{% latest_news 3 as news %}` (home page) and `{% latest_news 3 network as news %}` (a network's page)."""

from django import template

from programme.editorial.content import in_language
from programme.editorial.views import latest
from programme.news.models import NewsItemContent

register = template.Library()


@register.simple_tag
def latest_news(number, network=None):
    """The newest published news in the visitor's language (of `network`, if given) and the list's address."""
    return latest(in_language(NewsItemContent).for_lists().newest_first(), "news:list", number, network)
