"""Whole responses for anonymous visitors from the shared cache."""

import hashlib
import json
import re
import time

from cms.cache import CMS_PAGE_CACHE_VERSION_KEY
from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_response_headers

from iqportal.paths import NEVER_CACHED, admin_path_pattern, is_static_or_media


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
        if is_static_or_media(path) or path.startswith(NEVER_CACHED) or admin_path_pattern().match(path):
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
