"""
`{% next_events 3 as events %}` (home page), `{% next_events 3 network as events %}` (a network's page), and
`{{ event|event_period }}`: when an event takes place, in German time and the visitor's date and time format.
"""

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from landesnetzwerke.clock import german_time
from programme.editorial.views import latest
from programme.events.views import upcoming_events

register = template.Library()


@register.simple_tag
def next_events(number, network=None):
    """The next published events (not yet ended) in the visitor's language, of `network` if given."""
    return latest(upcoming_events(german_time()), "events:list", number, network)


def _time(moment):
    return format_html('<time datetime="{}">{}</time>', moment.isoformat(), formats.time_format(moment, "TIME_FORMAT"))


def _day(moment):
    return format_html(
        _("{weekday}, {date}"),
        weekday=formats.date_format(moment, "l"),
        date=formats.date_format(moment, "DATE_FORMAT"),
    )


@register.filter
def event_period(event):
    """ "Tuesday, 12 March 2026, 10:00–12:00", or start and end with their dates for an event over several days."""
    start, end = event.local_start, event.local_end
    if event.is_one_day:
        return format_html(_("{date}, {start}–{end}"), date=_day(start), start=_time(start), end=_time(end))
    return format_html(
        _("{start_date}, {start} – {end_date}, {end}"),
        start_date=_day(start),
        start=_time(start),
        end_date=_day(end),
        end=_time(end),
    )
