"""
Template helpers for the Lotse: its links, search links that keep the visitor's filters, number formats, and
the sentences of presenters as filters (`{{ result|results_heading }}`).
"""

from typing import Any

from django import template
from django.http import QueryDict

from landesnetzwerke.lotse import cards, links, presenters
from landesnetzwerke.lotse.forms import PARAMETERS
from landesnetzwerke.lotse.office import tel_href

register = template.Library()

for _presenter in (
    presenters.results_heading,
    presenters.fixed_count,
    presenters.mobile_count,
    presenters.part_of_name_notice,
    presenters.outside_land_notice,
    presenters.radius_notice,
    presenters.empty_message,
    presenters.fixed_list_heading,
    presenters.map_description,
    presenters.map_legend,
    presenters.office_whereabouts,
    presenters.service_area,
    presenters.day_and_date,
    presenters.time_span,
    presenters.opening_headline,
    presenters.opening_detail,
):
    register.filter(_presenter.__name__, _presenter)


@register.simple_tag(takes_context=True)
def lotse_query(context: template.Context, **changes: Any) -> str:
    """
    "?…" for the search with the current parameters changed: `{% lotse_query page=2 %}`. A value of None or
    "" removes the parameter; only the Lotse's own parameters are kept. Changing the place (q, lat, lon, land)
    starts again at page 1.
    """
    request = context.get("request")
    current = request.GET if request is not None else QueryDict()
    query = QueryDict(mutable=True)
    for key in PARAMETERS:
        value = current.get(key)
        if value:
            query[key] = value
    if {"q", "lat", "lon", "land"} & changes.keys():
        query.pop("page", None)
        if "q" in changes:
            query.pop("lat", None)
            query.pop("lon", None)
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def dot_decimal(value: Any, places: int = 2) -> str:
    """A number with a dot as decimal separator whatever the language (for data attributes)."""
    try:
        return f"{float(value):.{int(places)}f}"
    except (TypeError, ValueError):
        return ""


@register.filter
def tel_uri(phone: str | None) -> str:
    return tel_href(phone)


@register.simple_tag
def lotse_url(name: str, pk: int | None = None) -> str:
    """`{% lotse_url "office" pk=office.pk %}`: a Lotse URL in the active language (links.lotse_url)."""
    return links.lotse_url(name, pk=pk) or ""


@register.simple_tag
def absolute_url(obj: Any) -> str:
    """`{% absolute_url network %}`: the object's URL, or "" (no link) where its page is missing."""
    return links.page_url(obj)


@register.simple_tag
def office_cards(result: Any) -> dict[int, cards.CardParts]:
    """`{% office_cards result as office_cards %}`: the card parts of the result's offices, in one cache round trip."""
    return cards.card_parts(result.shown_offices) if result is not None else {}


@register.simple_tag(takes_context=True)
def office_card(context: template.Context, office: Any) -> cards.CardParts:
    """`{% office_card office as card %}`: the office's card parts, from the page's office_cards or the cache."""
    batch = context.get("office_cards") or {}
    return batch.get(office.pk) or cards.card_parts([office])[office.pk]
