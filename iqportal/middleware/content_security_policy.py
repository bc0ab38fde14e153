"""The Content-Security-Policy: strict for visitors and on the sign-in pages, relaxed for editors."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import DatabaseError

from iqportal.paths import admin_path_pattern, sign_in_path_pattern


def is_editor_request(request):
    """
    True for the admin and for logged-in staff (who see the CMS toolbar). Never touches the database
    for visitors without a session cookie, and counts as a visitor when the session cannot be loaded.
    """
    if admin_path_pattern().match(request.path_info):
        return True
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    if user is None:
        return False
    try:
        return bool(user.is_authenticated and user.is_staff)
    except DatabaseError:
        return False


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """
    django-csp's middleware with two policies.

    Visitors get ``CONTENT_SECURITY_POLICY``: no inline scripts or styles at all. So do the pages where
    editors sign in (login, two-factor login, logout, password reset), which an attacker can reach without
    an account. The rest of the admin and logged-in staff get ``CONTENT_SECURITY_POLICY_EDITOR`` on top,
    which allows the inline scripts and styles of the CMS toolbar, the structure editor and the rich-text
    editor (django CMS 5.1 writes them inline, without nonces), and may be framed by the site itself.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and self._is_editor(request):
            replace = dict(settings.CONTENT_SECURITY_POLICY_EDITOR)
            replace.update(parts.replace or {})
            parts.replace = replace
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if self._is_editor(request) and response.get("X-Frame-Options") == "DENY":
            # The CMS structure editor and the admin's side frame show the site's own pages in a frame.
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    @staticmethod
    def _is_editor(request):
        cached = getattr(request, "_iqportal_is_editor", None)
        if cached is None:
            cached = is_editor_request(request) and not sign_in_path_pattern().match(request.path_info)
            request._iqportal_is_editor = cached
        return cached
