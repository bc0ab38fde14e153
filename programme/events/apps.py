from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "programme.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from landesnetzwerke.ownership import install_version_conditions
        from programme.editorial.admin_base import guard_versions_list
        from programme.editorial.content import connect_cache_invalidation
        from programme.events.models import Event, EventContent

        install_version_conditions()
        connect_cache_invalidation(EventContent, Event)
        guard_versions_list(EventContent)
