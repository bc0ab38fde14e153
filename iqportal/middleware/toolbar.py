"""django CMS's toolbar middleware, skipping machine endpoints and leaving visitors' sessions alone."""

from cms.middleware.toolbar import ToolbarMiddleware as BaseToolbarMiddleware
from cms.toolbar.toolbar import CMSToolbar
from django.utils.functional import SimpleLazyObject

from iqportal.paths import is_machine_path


class ToolbarMiddleware(BaseToolbarMiddleware):
    """
    django CMS's toolbar middleware, not run for machine endpoints (health check, robots.txt, sitemap, the
    open-data API): they never show a toolbar, and setting one up costs time and a database query.

    For anyone but staff, django CMS's ``?toolbar_on`` / ``?toolbar_off`` (and its edit URLs) would write the
    toolbar's state into the session: a new session row and cookie per request, a way for strangers to fill
    the session table and to get past the response cache. Visitors have no toolbar
    (``CMS_TOOLBAR_ANONYMOUS_ON = False``), so for them nothing is written.
    """

    def is_cms_request(self, request):
        if is_machine_path(request.path_info):
            return False
        return super().is_cms_request(request)

    def process_request(self, request):
        if not self.is_cms_request(request):
            return None
        if request.user.is_staff:
            return super().process_request(request)
        request.toolbar = SimpleLazyObject(lambda: CMSToolbar(request))
        return None

    def process_response(self, request, response):
        # Without a toolbar, django CMS falls back to an empty one that marks every response never-cache;
        # machine endpoints set their own caching headers.
        if is_machine_path(request.path_info):
            return response
        return super().process_response(request, response)
