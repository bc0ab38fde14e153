"""
Template helpers for text whose direction is unknown or fixed (README, "Languages"): data such as names and
addresses in <bdi>, numbers in <span class="ltr">, and lists joined with the visitor's list separator
(Arabic and Persian write "،", not ",").

    {% load bidi_tags %}
    {{ office.city|bdi }}  {{ km|ltr }}  {{ labels|join_list }}  {{ prefixes|join_list:"ltr" }}  {% list_separator %}

The filters return safe HTML with the values escaped, so they can also be passed to {% blocktranslate with … %}.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# The separator between list items where it is not ", " (by language code without region).
LIST_SEPARATORS = {"ar": "، ", "fa": "، "}


def list_separator_for(language=None):
    """ ", " or the language's own list separator; the active language by default."""
    code = (language or get_language() or "").split("-")[0].lower()
    return LIST_SEPARATORS.get(code, ", ")


@register.simple_tag
def list_separator(language=None):
    """`{% list_separator %}`: the separator between list items in the active (or the given) language."""
    return list_separator_for(language)


def _wrapped(value, wrap):
    if wrap == "bdi":
        return format_html("<bdi>{}</bdi>", value)
    if wrap == "ltr":
        return format_html('<span class="ltr">{}</span>', value)
    return conditional_escape(value)


@register.filter
def join_list(items, wrap=""):
    """
    The items joined with the active language's list separator, each escaped and, with "bdi" or "ltr", isolated:
    `{{ names|join_list:"bdi" }}`, `{{ postcodes|join_list:"ltr" }}`.
    """
    separator = list_separator_for()
    return mark_safe(separator.join(str(_wrapped(item, wrap)) for item in items or ()))  # noqa: S308 - escaped


@register.filter
def bdi(value):
    """The value in a <bdi>: data of unknown direction (a name, "PLZ Ort") that must not mix with the sentence."""
    if value in (None, ""):
        return ""
    return _wrapped(value, "bdi")


@register.filter
def ltr(value):
    """The value in <span class="ltr">: a number, time or code that reads left to right in any sentence."""
    if value in (None, ""):
        return ""
    return _wrapped(value, "ltr")
