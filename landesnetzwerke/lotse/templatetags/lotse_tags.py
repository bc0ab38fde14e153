"""Template helpers for the Lotse: search links that keep the visitor's filters, and number formats."""

from django import template
from django.http import QueryDict

from landesnetzwerke.lotse.forms import PARAMETERS
from landesnetzwerke.lotse.office import tel_href
from landesnetzwerke.lotse.views import lotse_path, url_of

register = template.Library()


@register.simple_tag(takes_context=True)
def lotse_query(context, **changes):
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
        if value not in (None, ""):
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
def dot_decimal(value, places=2):
    """A number with a dot as decimal separator whatever the language (for data attributes)."""
    try:
        return f"{float(value):.{int(places)}f}"
    except (TypeError, ValueError):
        return ""


@register.filter
def tel_uri(phone):
    return tel_href(phone)


@register.simple_tag(takes_context=True)
def lotse_url(context, name, pk=None):
    """`{% lotse_url "office" pk=office.pk %}`: a Lotse URL that works even where the page is untranslated."""
    return lotse_path(context["request"], name, pk)


@register.simple_tag
def absolute_url(obj):
    """`{% absolute_url network %}`: the object's URL, or "" (no link) where its page is missing."""
    return url_of(obj)
