"""`{% latest_news 3 as news %}` (home page) and `{% latest_news 3 network as news %}` (a network's page)."""

from dataclasses import dataclass

from django import template

from programme.editorial.content import in_language, item_url
from programme.news.models import NewsItemContent

register = template.Library()


@dataclass(frozen=True)
class Latest:
    contents: list
    list_url: str | None  # None while no published page has the news apphook


@register.simple_tag
def latest_news(number, network=None):
    """The newest published news in the visitor's language (of `network`, if given) and the list's address."""
    contents = in_language(NewsItemContent).for_lists().newest_first()
    list_url = item_url("news:list")
    if network:
        contents = contents.of_network(network)
        list_url = list_url and f"{list_url}?netzwerk={network.slug}"
    return Latest(list(contents[:number]), list_url)
