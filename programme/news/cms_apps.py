from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class NewsApphook(CMSApp):
    name = _("News (list, pages and feed)")
    app_name = "news"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["programme.news.urls"]
