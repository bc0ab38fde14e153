"""django CMS's toolbar middleware, skipping machine endpoints."""

from cms.middleware.toolbar import ToolbarMiddleware as BaseToolbarMiddleware

from iqportal.paths import is_machine_path


class ToolbarMiddleware(BaseToolbarMiddleware):
    """
    django CMS's toolbar middleware, not run for machine endpoints (health check, robots.txt, sitemap, the
    open-data API): they never show a toolbar, and setting one up costs time and a database query.
    """

    def is_cms_request(self, request):
        if is_machine_path(request.path_info):
            return False
        return super().is_cms_request(request)

    def process_response(self, request, response):
        # Without a toolbar, django CMS falls back to an empty one that marks every response never-cache;
        # machine endpoints set their own caching headers.
        if is_machine_path(request.path_info):
            return response
        return super().process_response(request, response)
