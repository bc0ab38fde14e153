from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LandesnetzwerkeConfig(AppConfig):
    name = "landesnetzwerke"
    verbose_name = _("Landesnetzwerke and counselling offices")

    def ready(self):
        from landesnetzwerke import plugin_cache

        plugin_cache.register()
