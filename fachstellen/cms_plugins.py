from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from fachstellen.models import Fachstelle


@plugin_pool.register_plugin
class FachstellenListPlugin(CMSPluginBase):
    """The five Fachstellen as cards, inside any page. Saving a Fachstelle clears the page cache
    (iqportal/invalidation.py), so the plugin may be cached with its page."""

    model = CMSPlugin
    name = _("Fachstellen list")
    module = _("Directory")
    render_template = "fachstellen/plugins/fachstellen_list.html"
    allow_children = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        try:
            reverse("fachstellen:list")
            linked = True
        except NoReverseMatch:  # no page carries the Fachstellen apphook yet
            linked = False
        context.update({"fachstellen": Fachstelle.objects.prefetch_related("translations"), "linked": linked})
        return context
