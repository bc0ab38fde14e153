from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "programme.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from landesnetzwerke.ownership import install_version_conditions
        from programme.publications.signals import connect_signals

        install_version_conditions()
        connect_signals()
