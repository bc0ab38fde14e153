"""Settings of the CMS plugins that show directory records inside any page."""

from cms.models import CMSPlugin
from django.db import models
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models.offices import Beratungsstelle, Landesnetzwerk


class NetworkOfficesPluginModel(CMSPlugin):
    """“Offices of network X”: the published offices of one Landesnetzwerk, optionally of one kind."""

    landesnetzwerk = models.ForeignKey(
        Landesnetzwerk, on_delete=models.CASCADE, related_name="+", verbose_name=_("Landesnetzwerk")
    )
    kind = models.CharField(
        _("kind"),
        max_length=5,
        choices=Beratungsstelle.Kind.choices,
        blank=True,
        help_text=_("Leave empty to show fixed and mobile offices."),
    )

    class Meta:
        verbose_name = _("offices of a Landesnetzwerk (plugin)")
        verbose_name_plural = _("offices of a Landesnetzwerk (plugins)")

    def __str__(self):
        return str(self.landesnetzwerk)
