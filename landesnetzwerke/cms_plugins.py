from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models import NetworkOfficesPluginModel
from landesnetzwerke.views import lotse_is_available


@plugin_pool.register_plugin
class NetworkOfficesPlugin(CMSPluginBase):
    """
    “Offices of network X”: the published offices of one Landesnetzwerk, inside any page.

    Pages with this plugin are cached by django CMS; saving or deleting an office, its hours or its network
    invalidates the page cache (iqportal/invalidation.py). The list shows no dates, so it cannot go stale by time.
    """

    model = NetworkOfficesPluginModel
    name = _("Offices of a Landesnetzwerk")
    module = _("Directory")
    render_template = "landesnetzwerke/plugins/network_offices.html"
    allow_children = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        offices = instance.landesnetzwerk.beratungsstellen.published().order_by("city", "name")
        if instance.kind:
            offices = offices.filter(kind=instance.kind)
        offices = list(offices)
        context.update(
            {
                "network": instance.landesnetzwerk,
                "offices": offices,
                "has_sample_data": any(office.is_sample for office in offices),
                "lotse_available": lotse_is_available(),
            }
        )
        return context
