"""
The event pages: upcoming events (not yet ended at the time of the request, the soonest first), the archive of past
events (the latest first), both filtered by network and audience, one page per event, and the iCalendar files.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from landesnetzwerke.clock import german_time
from programme.editorial.content import in_language, item_url
from programme.editorial.views import FilteredListView, detail_response, published_detail
from programme.events.forms import EventFilterForm
from programme.events.ics import calendar_for
from programme.events.models import EventContent

CALENDAR_SIZE = 500


def upcoming_events(now, language=None):
    return in_language(EventContent, language).for_lists().upcoming(now)


class EventListView(FilteredListView):
    """Upcoming events. Cached pages are kept no longer than until the first listed event ends."""

    template_name = "events/list.html"
    form_class = EventFilterForm
    archive = False

    def get(self, request, *args, **kwargs):
        self.now = german_time()
        response = super().get(request, *args, **kwargs)
        if not self.archive:
            cap_cache_lifetime(response, self.now, response.context_data["contents"])
        return response

    def get_contents(self):
        contents = in_language(EventContent).for_lists()
        return contents.past(self.now) if self.archive else contents.upcoming(self.now)

    def filter_contents(self, contents, filters):
        contents = super().filter_contents(contents, filters)
        if "zielgruppe" in filters:
            contents = contents.for_audience(filters["zielgruppe"])
        return contents

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=self.archive, now=self.now, **kwargs)


def cap_cache_lifetime(response, now, contents):
    """A page listing upcoming events must not be served from a cache after the first of them has ended."""
    ends = [content.event.ends_at for content in contents]
    if not ends:
        return
    seconds = int((min(ends) - now).total_seconds()) + 1
    if seconds < settings.CMS_CACHE_DURATIONS["content"]:
        patch_cache_control(response, max_age=max(seconds, 0))


def event_detail(request, slug):
    return render_event_content(request, published_detail(EventContent, slug))


def render_event_content(request, content):
    """An event's page; also the toolbar's preview and edit of an event text (cms_config)."""
    now = german_time()
    has_ended = content.event.has_ended(now)
    event = content.event
    extra = {
        "has_ended": has_ended,
        "registration_open": not has_ended and bool(event.registration_url or event.registration_email),
        "ics_url": event.get_ics_url(),
        "list_url": item_url("events:list"),
    }
    return detail_response(request, content, extra)


def calendar_response(body, filename=None):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    content = published_detail(EventContent, slug)
    body = calendar_for([content], name=content.title, absolute_url=request.build_absolute_uri)
    return calendar_response(body, filename=f"{content.event.slug}.ics")


def upcoming_ics(request):
    contents = list(upcoming_events(german_time())[:CALENDAR_SIZE])
    body = calendar_for(contents, name=_("IQ events"), absolute_url=request.build_absolute_uri)
    return calendar_response(body)
