"""django CMS's language cookie middleware, skipping machine endpoints."""

from cms.middleware.language import LanguageCookieMiddleware as BaseLanguageCookieMiddleware

from iqportal.paths import is_machine_path


class LanguageCookieMiddleware(BaseLanguageCookieMiddleware):
    """django CMS's language cookie, not set by machine endpoints: their publicly cached answers carry no cookie."""

    def process_response(self, request, response):
        if is_machine_path(request.path_info):
            return response
        return super().process_response(request, response)
