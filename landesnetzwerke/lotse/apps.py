from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LotseConfig(AppConfig):
    name = "landesnetzwerke.lotse"
    label = "lotse"
    verbose_name = _("Lotse (counselling locator)")
