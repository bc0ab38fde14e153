from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FachstellenConfig(AppConfig):
    name = "fachstellen"
    verbose_name = _("Fachstellen")
