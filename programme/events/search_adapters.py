"""The site search's adapter for events (programme.editorial.search; contract: programme.search.registry)."""

import datetime

from django.utils.translation import gettext_lazy as _

from programme.editorial.search import EditorialAdapter
from programme.events.models import Event
from programme.search.registry import register


@register
class EventAdapter(EditorialAdapter):
    type = "event"
    label = _("Event")
    model = "events.Event"
    content_model = "events.EventContent"
    grouper_field = "event"
    dependencies = {  # documents name the organiser: a network or a Fachstelle
        "landesnetzwerke.Landesnetzwerk": lambda network: network.events_event_set.values_list("pk", flat=True),
        "fachstellen.Fachstelle": lambda fachstelle: fachstelle.event_set.values_list("pk", flat=True),
    }

    def facts(self, obj: Event) -> list[str]:
        return [obj.publisher_name, obj.get_attendance_display(), obj.place_line]

    def date(self, obj: Event) -> datetime.datetime:
        return obj.starts_at
