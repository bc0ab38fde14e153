"""
Template helpers for the Lotse: its links, search links that keep the visitor's filters, number formats, and
the sentences of presenters as filters (`{{ result|results_heading }}`).
"""

from typing import Any

from django import template
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from iqportal.cache import cached_many_for_directory
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
    presenters.candidate_label,
    presenters.map_description,
    presenters.map_legend,
    presenters.office_whereabouts,
    presenters.service_area,
    presenters.distance_away,
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
    return cards.result_cards(result) if result is not None else {}


@register.simple_tag(takes_context=True)
def office_card(context: template.Context, hit: Any) -> cards.CardParts:
    """`{% office_card hit as card %}`: the hit's card parts, from the page's office_cards or the cache."""
    batch = context.get("office_cards") or {}
    return batch.get(hit.office_id) or cards.card_parts([hit.office])[hit.office_id]


@register.simple_tag
def card_day(card: cards.CardParts, day: Any) -> SafeString:
    """`{% card_day card day %}`: a consultation day's list item, from the card's parts or rendered."""
    return card.days.get(day.pk) or cards.day_part(day)


FIELD_TEMPLATE = "lotse/_field.html"


def _reads_the_same_for_everybody(bound_field: Any) -> bool:
    """A field without errors whose value is empty or one of its choices: its markup depends on nothing else than
    the language and (for topics and languages) the directory."""
    if bound_field.errors:
        return False
    value = bound_field.value()
    if value in (None, ""):
        return True
    field = bound_field.field
    return hasattr(field, "valid_value") and field.valid_value(str(value))


# The form's fields in the order of the page; the first {% lotse_fields %} of a page reads all of them from the cache.
FORM_FIELDS = ("q", "thema", "sprache", "umkreis", "art", "weg", "land", "lat", "lon")


def _cached_fields(form: Any) -> dict[str, str]:
    """The markup of the form's fields that read the same for everybody, from the cache (one round trip), kept on the
    form for the page's other {% lotse_fields %}."""
    cached = getattr(form, "_lotse_cached_fields", None)
    if cached is None:
        bound = {name: form[name] for name in FORM_FIELDS if name in form.fields}
        language = get_language()
        keys = {
            name: f"lotse:field:{language}:{name}:{field.value() if field.value() is not None else ''}"
            for name, field in bound.items()
            if _reads_the_same_for_everybody(field)
        }

        def render(field_names: list[str]) -> dict[str, str]:
            return {name: render_to_string(FIELD_TEMPLATE, {"field": bound[name]}) for name in field_names}

        cached = cached_many_for_directory(keys, render) if keys else {}
        form._lotse_cached_fields = cached
    return cached


@register.simple_tag
def lotse_fields(form: Any, *names: str) -> SafeString:
    """
    `{% include "lotse/_field.html" with field=form.<name> %}` for each of `names`, in one go: the fields that read the
    same for every visitor in a language (_reads_the_same_for_everybody) come from the cache.
    """
    cached = _cached_fields(form)
    html = [cached.get(name) or render_to_string(FIELD_TEMPLATE, {"field": form[name]}) for name in names]
    return mark_safe("".join(html))  # noqa: S308 - rendered by the template engine, which escaped it
