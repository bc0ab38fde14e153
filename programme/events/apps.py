from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "programme.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from programme.editorial.content import set_up
        from programme.events.models import Event, EventContent

        set_up(EventContent, Event)
