"""
Events as iCalendar (RFC 5545), with the `icalendar` package: one VCALENDAR with PRODID and VERSION, a VTIMEZONE
for Europe/Berlin covering the events' dates, and one VEVENT per event (DTSTART/DTEND with TZID, a UID that stays
the same for an event in every language and version, DTSTAMP, SUMMARY, DESCRIPTION, URL, LOCATION and, for events
on site, GEO). The package escapes text and folds long lines.
"""

import datetime
import uuid

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress
from icalendar import Event as VEvent

from landesnetzwerke.clock import BERLIN

PRODID = "-//IQ Portal//Termine//DE"
UID_NAMESPACE = uuid.UUID("5b1c2f0e-6a8e-4d6b-9a55-1f3c0b7e2d41")  # this site's events; never change it


def event_uid(event) -> str:
    """The event's UID: the same in every language, version and calendar file, and unique to this site."""
    return f"{uuid.uuid5(UID_NAMESPACE, str(event.pk))}@iq-portal"


def calendar_for(contents, *, name: str, absolute_url) -> bytes:
    """An iCalendar file of the events' texts (EventContent), each linked with `absolute_url(path)`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    stamp = timezone.now()
    for content in contents:
        calendar.add_component(_vevent(content, stamp, absolute_url))
    if contents:
        first = min(content.event.local_start.date() for content in contents)
        last = max(content.event.local_end.date() for content in contents)
        calendar.add_missing_timezones(
            first_date=first - datetime.timedelta(days=366), last_date=last + datetime.timedelta(days=366)
        )
    return calendar.to_ical()


def _vevent(content, stamp, absolute_url) -> VEvent:
    event = content.event
    page_url = absolute_url(content.get_absolute_url() or "/")
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("dtstart", event.local_start.astimezone(BERLIN))
    vevent.add("dtend", event.local_end.astimezone(BERLIN))
    vevent.add("summary", content.title)
    description = [content.teaser]
    if event.is_online:
        description.append(f"{_('Online link')}: {event.online_url}")
    if event.registration_url or event.registration_email:
        description.append(f"{_('Registration')}: {event.registration_url or event.registration_email}")
    description.append(page_url)
    vevent.add("description", "\n\n".join(description))
    vevent.add("url", page_url)
    if event.is_on_site:
        vevent.add("location", event.place_line)
        if event.latitude is not None and event.longitude is not None:
            vevent.add("geo", (event.latitude, event.longitude))
    else:
        vevent.add("location", event.online_url)
    if event.registration_email:
        organizer = vCalAddress(f"mailto:{event.registration_email}")
        organizer.params["cn"] = event.organiser_name
        vevent.add("organizer", organizer)
    vevent.add("status", "CONFIRMED")
    vevent.add("transp", "OPAQUE")
    return vevent
