from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class LandesnetzwerkeApphook(CMSApp):
    name = _("Landesnetzwerke (list and detail)")
    app_name = "landesnetzwerke"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["landesnetzwerke.urls"]
