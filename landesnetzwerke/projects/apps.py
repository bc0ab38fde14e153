from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """The project database: the programme's sub-projects (Teilprojekte), their search, pages and open data."""

    name = "landesnetzwerke.projects"
    label = "projects"
    verbose_name = _("Sub-projects (Teilprojekte)")

    def ready(self) -> None:
        from landesnetzwerke.ownership import install_version_conditions
        from landesnetzwerke.projects import signals

        install_version_conditions()
        signals.connect()
