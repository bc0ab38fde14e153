from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "programme.search"
    label = "search"
    verbose_name = _("Site search")

    def ready(self) -> None:
        from programme.search import registry

        registry.discover()
