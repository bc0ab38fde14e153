from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class PublicationsApphook(CMSApp):
    name = _("Publications (list and pages)")
    app_name = "publications"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["programme.publications.urls"]
