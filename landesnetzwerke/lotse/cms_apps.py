from typing import Any

from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class LotseApphook(CMSApp):
    name = _("Lotse (counselling locator and office pages)")
    app_name = "lotse"
    # The views check the page's permissions themselves, for visitors from the cache (urls.py, iqportal.cms_pages).
    permissions = False

    def get_urls(self, page: Any = None, language: str | None = None, **kwargs: Any) -> list[str]:
        return ["landesnetzwerke.lotse.urls"]
