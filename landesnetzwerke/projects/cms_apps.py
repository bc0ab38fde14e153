from typing import Any

from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class ProjectsApphook(CMSApp):
    name = _("Project database (search and project pages)")
    app_name = "projects"

    def get_urls(self, page: Any = None, language: str | None = None, **kwargs: Any) -> list[str]:
        return ["landesnetzwerke.projects.urls"]
