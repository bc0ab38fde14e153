"""
Project middleware: request ids, the 503 page when the database is down, the Content-Security-Policy
(strict for visitors, relaxed for editors) and two-factor verification for staff.
"""

import hashlib
import json
import logging
import re
import sys
import time

from cms.cache import CMS_PAGE_CACHE_VERSION_KEY
from cms.middleware.language import LanguageCookieMiddleware as BaseLanguageCookieMiddleware
from cms.middleware.toolbar import ToolbarMiddleware as BaseToolbarMiddleware
from cms.utils import apphook_reload
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.signals import got_request_exception, request_finished
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_response_headers
from django.utils.http import urlencode

from iqportal.logging import clean_request_id, get_request_id, set_request_id

logger = logging.getLogger("iqportal")

#: Errors that mean "the database cannot be reached", as opposed to a bug in a query.
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)


class RequestIDMiddleware:
    """Takes a sane ``X-Request-ID`` from the proxy or makes one, logs with it and echoes it in the response."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = clean_request_id(request.headers.get(self.header))
        set_request_id(request.request_id)
        response = self.get_response(request)
        response[self.header] = request.request_id
        return response


class ApphookReloadMiddleware:
    """
    django CMS's ApphookReloadMiddleware (reloads the URLs when an editor changed an apphook), with three
    changes for production: it skips static files, media and the health check; it asks the database at
    most every APPHOOK_RELOAD_INTERVAL seconds per process (0, the DEBUG default, means every request, as
    django CMS does); and a database outage does not stop the request (the view answers 503 if it must).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._next_check = 0.0

    def __call__(self, request):
        path = request.path_info
        if not (path.startswith((settings.STATIC_URL, settings.MEDIA_URL)) or path in ("/healthz", "/robots.txt")):
            now = time.monotonic()
            if now >= self._next_check:
                try:
                    apphook_reload.ensure_urlconf_is_up_to_date()
                except DatabaseError:
                    logger.warning("Apphook reload check skipped: database unavailable")
                else:
                    self._next_check = now + settings.APPHOOK_RELOAD_INTERVAL
        return self.get_response(request)


MACHINE_PATHS = ("/healthz", "/robots.txt", "/sitemap.xml", "/api/")


class ToolbarMiddleware(BaseToolbarMiddleware):
    """
    django CMS's toolbar middleware, not run for machine endpoints (health check, robots.txt, sitemap, the
    open-data API): they never show a toolbar, and setting one up costs time and a database query.
    """

    machine_paths = MACHINE_PATHS

    def is_cms_request(self, request):
        if request.path_info.startswith(self.machine_paths):
            return False
        return super().is_cms_request(request)

    def process_response(self, request, response):
        # Without a toolbar, django CMS falls back to an empty one that marks every response never-cache;
        # machine endpoints set their own caching headers.
        if request.path_info.startswith(self.machine_paths):
            return response
        return super().process_response(request, response)


class LanguageCookieMiddleware(BaseLanguageCookieMiddleware):
    """django CMS's language cookie, not set by machine endpoints: their publicly cached answers carry no cookie."""

    def process_response(self, request, response):
        if request.path_info.startswith(MACHINE_PATHS):
            return response
        return super().process_response(request, response)


def _flag_database_outage(sender, request=None, **kwargs):
    """Marks a request whose unhandled exception was a database outage (see DatabaseUnavailableMiddleware)."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_DOWN_ERRORS):
        request._iqportal_database_down = True


got_request_exception.connect(_flag_database_outage, dispatch_uid="iqportal-flag-database-outage")


def _forget_request_id(sender, **kwargs):
    """Log lines written between requests (e.g. by a worker thread) must not carry the last request's id."""
    set_request_id("-")


request_finished.connect(_forget_request_id, dispatch_uid="iqportal-forget-request-id")


def _language_for(request):
    """The visitor's language, found without any database access (URL prefix, then cookie and headers)."""
    language = translation.get_language_from_path(request.path_info)
    if not language:
        try:
            language = translation.get_language_from_request(request, check_path=False)
        except Exception:  # a malformed Accept-Language must not hide the 503 page
            language = settings.LANGUAGE_CODE
    return language or settings.LANGUAGE_CODE


def database_unavailable_response(request):
    """The friendly 503 page in the visitor's language; renders without touching the database."""
    context = {
        "request_id": getattr(request, "request_id", None) or get_request_id(),
        "request_path": request.get_full_path(),
    }
    try:
        with translation.override(_language_for(request)):
            body = loader.render_to_string("503.html", context)
    except Exception:  # the page must come out even if, say, the static files manifest is missing
        logger.exception("The 503 template could not be rendered")
        body = "<!DOCTYPE html><title>503</title><h1>Service temporarily unavailable. Please try again later.</h1>"
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(settings.DATABASE_DOWN_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """
    Answers 503 with a friendly page when a view cannot reach the database.

    Errors raised by other middleware (e.g. loading a session) never reach ``process_exception``; Django's
    500 handler (``iqportal.views.server_error``) turns those into the same 503 page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code >= 500 and getattr(request, "_iqportal_database_down", False):
            # Raised in another middleware and already turned into a 500 (the debug page when DEBUG is on).
            return database_unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN_ERRORS):
            logger.error("Database unavailable: %s", exception, extra={"status_code": 503})
            return database_unavailable_response(request)
        return None


class AnonymousResponseCacheMiddleware:
    """
    Serves whole responses to anonymous visitors from the shared cache, in front of the session, locale,
    CSRF, authentication and CMS middleware, so a popular page or a repeated Lotse search costs a cache
    lookup instead of a render.

    Only GET requests without a session cookie (visitors, not editors) and without toolbar or edit
    parameters are cached; the query string is part of the key with its parameters sorted, so one search
    asked in any order is one entry. Only 200 responses that set no cookie (apart from the language cookie,
    which is set again when needed), hold no CSRF token and do not forbid caching are stored. The key
    contains django CMS's page-cache version and the directory version (iqportal.cache), so publishing a
    page or saving an office makes every stored response stale at once, on every app host that shares the
    cache. Outer middleware (security headers, CSP, request id) still runs for cached responses.
    ANONYMOUS_CACHE_SECONDS sets the lifetime, shortened to the response's own max-age (e.g. office pages, whose
    "open now" must be current); 0 (the DEBUG default) turns the cache off.
    """

    key_prefix = "iqportal:anon:"
    bypass_parameters = {"edit", "preview", "structure", "toolbar_on", "toolbar_off", "toolbar_disable"}
    cacheable_types = ("text/html", "application/json")
    allowed_cookies = {"csrftoken", "django_language"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        from django.core.cache import cache

        stored = cache.get(key)
        if stored is not None:
            return self._rebuild(request, stored)
        response = self.get_response(request)
        entry = self._entry(request, response)
        if entry is not None:
            cache.set(key, entry, self._lifetime(response))
        return response

    @staticmethod
    def _lifetime(response):
        """ANONYMOUS_CACHE_SECONDS, or less when the view says its page ages faster (its max-age)."""
        match = re.search(r"max-age=(\d+)", response.get("Cache-Control", ""))
        seconds = settings.ANONYMOUS_CACHE_SECONDS
        return min(seconds, int(match.group(1))) if match else seconds

    def _key(self, request):
        seconds = getattr(settings, "ANONYMOUS_CACHE_SECONDS", 0)
        if not seconds or request.method != "GET":
            return None
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            return None  # the view answers conditional requests (304) itself
        cookies = set(request.COOKIES) - {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
        if cookies:  # a session (editors) or anything else a view might read
            return None
        path = request.path_info
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/healthz")) or _admin_path_pattern().match(path):
            return None
        query = request.META.get("QUERY_STRING", "")
        if len(query) > 512 or len(path) > 512:
            return None
        try:
            parameters = sorted(request.GET.lists())
        except Exception:  # a malformed query string: let the view answer it, uncached
            return None
        if self.bypass_parameters.intersection(name for name, _values in parameters):
            return None
        from cms.cache import _get_cache_version
        from django.core.cache import cache

        from iqportal.cache import DIRECTORY_VERSION_KEY, directory_version

        versions = cache.get_many([CMS_PAGE_CACHE_VERSION_KEY, DIRECTORY_VERSION_KEY])
        # After a cache flush both versions are missing; set them now (as rendering would), or the response
        # would be stored under a key that the next request, made after rendering set them, never asks for.
        raw = json.dumps(
            [
                request.get_host(),
                path,
                parameters,
                versions.get(CMS_PAGE_CACHE_VERSION_KEY) or _get_cache_version(),
                versions.get(DIRECTORY_VERSION_KEY) or directory_version(),
            ]
        )
        return self.key_prefix + hashlib.sha256(raw.encode()).hexdigest()

    def _entry(self, request, response):
        if response.status_code != 200 or response.streaming:
            return None
        if not response.get("Content-Type", "").startswith(self.cacheable_types):
            return None
        if set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}:
            return None
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds this visitor's CSRF token
            return None
        # "Vary: Cookie" comes from reading the (empty) session of a visitor without one; such responses are
        # only ever served to other requests without a session cookie, so it does not stop caching.
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
        if vary & {"*", "authorization"}:
            return None
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("no-cache", "no-store", "private")):
            return None
        headers = [(name, value) for name, value in response.items() if name.lower() not in self._per_request_headers]
        return {"content": response.content, "headers": headers, "stored": time.time()}

    _per_request_headers = {
        "set-cookie",
        "x-request-id",
        "content-security-policy",
        "content-security-policy-report-only",
        "permissions-policy",
        "strict-transport-security",
        "expires",
    }

    def _rebuild(self, request, stored):
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"]:
            response[name] = value
        cache_control = response.get("Cache-Control", "")
        if "max-age=" in cache_control:
            # The max-age was set when the page was stored: count down from there, as django CMS does.
            max_age = int(re.search(r"max-age=(\d+)", cache_control).group(1))
            remaining = max(0, max_age - int(time.time() - stored["stored"]))
            patch_response_headers(response, cache_timeout=remaining)
        language = response.get("Content-Language")
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                value=language,
                max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 60 * 60,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


def _admin_path_pattern():
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:(?:{languages})/)?admin/")


def _sign_in_path_pattern():
    languages = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:(?:{languages})/)?admin/(?:login|logout|password_reset|2fa)/")


def is_editor_request(request):
    """
    True for the admin and for logged-in staff (who see the CMS toolbar). Never touches the database
    for visitors without a session cookie, and counts as a visitor when the session cannot be loaded.
    """
    if _admin_path_pattern().match(request.path_info):
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
            cached = is_editor_request(request) and not _sign_in_path_pattern().match(request.path_info)
            request._iqportal_is_editor = cached
        return cached


class OTPRequiredMiddleware:
    """
    With ``OTP_REQUIRED_FOR_STAFF`` on, a staff member who logged in with a password but has not yet given
    a one-time code is sent to the verification page (or, without a device, to the setup page) for every
    URL except those pages, logout and health checks. Install after django-otp's ``OTPMiddleware``.
    """

    exempt_url_names = {"iqportal_otp:verify", "iqportal_otp:setup", "admin:logout", "healthz"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            return self._redirect(request)
        return self.get_response(request)

    def _must_verify(self, request):
        if not getattr(settings, "OTP_REQUIRED_FOR_STAFF", False):
            return False
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return False
        if user.is_verified():
            return False
        if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.view_name not in self.exempt_url_names

    def _redirect(self, request):
        from django_otp import devices_for_user

        has_device = any(devices_for_user(request.user, confirmed=True))
        url = reverse("iqportal_otp:verify" if has_device else "iqportal_otp:setup")
        if request.method in ("GET", "HEAD"):
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        return redirect(url)
