"""Whole responses for anonymous visitors from the shared cache."""

import hashlib
import json
import re
import time
from dataclasses import dataclass

from cms.cache import CMS_PAGE_CACHE_VERSION_KEY
from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_response_headers

from iqportal.paths import NEVER_CACHED, admin_path_pattern, is_static_or_media


class ReadRecordingQueryDict(QueryDict):
    """request.GET that notes the names of the parameters asked for by name (get, [], getlist, in), copies included."""

    def __init__(self, *args, **kwargs):
        self.names_read = set()
        super().__init__(*args, **kwargs)
        self.names_read = set()  # parsing the query string asked for every name present

    def __getitem__(self, key):
        self.names_read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.names_read.add(key)
        return super().__contains__(key)

    def getlist(self, key, default=None):
        self.names_read.add(key)
        return super().getlist(key, default)

    # A copy (a form normalising its data, a view building links) reads for the page too.
    def __copy__(self):
        result = super().__copy__()
        result.names_read = self.names_read
        return result

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.names_read = self.names_read
        return result


@dataclass
class Lookup:
    """What a request's cache entry is found by."""

    scope: list  # scheme, host, path, CMS page-cache version, directory version
    parameters: dict  # every query parameter of the request: name -> values
    manifest_key: str
    known_names: frozenset  # the names the page at this path is known to read
    has_manifest: bool

    def key(self, names):
        """The entry's key: the scope and the request's parameters among `names`, sorted."""
        parameters = sorted((name, values) for name, values in self.parameters.items() if name in names)
        raw = json.dumps([*self.scope, parameters])
        return AnonymousResponseCacheMiddleware.key_prefix + hashlib.sha256(raw.encode()).hexdigest()


class AnonymousResponseCacheMiddleware:
    """
    Serves whole responses to anonymous visitors from the shared cache, in front of the session, locale,
    CSRF, authentication and CMS middleware, so a popular page or a repeated Lotse search costs a cache
    lookup instead of a render.

    Only GET requests without a session cookie (visitors, not editors) are cached. An entry is keyed on the
    scheme, the host, the path and only those query parameters the page reads, sorted (one search asked in any
    order is one entry). Which parameters a page reads is learnt while it renders (request.GET records the
    names asked for) and kept per path beside the entries, with the same lifetime. A request with a parameter
    the page does not read (a tracking parameter, a made-up one, or one of django CMS's that mean nothing for
    visitors: unkeyed_parameters) is served the entry without it, or rendered and not stored: strangers cannot
    fill the cache with new entries. Each entry also records the names its page read, and is served only to
    requests that agree with it on all of them.

    Only 200 responses that set no cookie (apart from the language cookie, which is set again when needed),
    hold no CSRF token and do not forbid caching are stored. The key contains django CMS's page-cache version
    and the directory version (iqportal.cache), so publishing a page or saving an office makes every stored
    response stale at once, on every app host that shares the cache. Outer middleware (security headers, CSP,
    request id) still runs for cached responses. ANONYMOUS_CACHE_SECONDS sets the lifetime, shortened to the
    response's own max-age (e.g. office pages, whose "open now" must be current); 0 (the DEBUG default) turns
    the cache off.
    """

    key_prefix = "iqportal:anon:"
    manifest_prefix = "iqportal:anon-reads:"
    #: Parameters that django CMS reads on every page but that mean nothing for visitors: its toolbar and edit
    #: modes (editors only) and ?language= (the site's language is in the path). Never part of a key, and a
    #: visitor's request carrying one is not stored, like one with a parameter the page does not read.
    unkeyed_parameters = frozenset(
        {
            "edit",
            "preview",
            "structure",
            "toolbar_on",
            "toolbar_off",
            "toolbar_disable",
            "persist",
            "cms_path",
            "language",
        }
    )
    cacheable_types = ("text/html", "application/json")
    max_length = 512  # longer paths or query strings are answered, never stored

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = self._lookup(request)
        if lookup is None:
            return self.get_response(request)
        from django.core.cache import cache

        stored = cache.get(lookup.key(lookup.known_names))
        if stored is not None and self._fits(stored, lookup):
            return self._rebuild(request, stored)
        recorder = ReadRecordingQueryDict(request.META.get("QUERY_STRING", ""), encoding=request.encoding)
        request.GET = recorder
        response = self.get_response(request)
        if request.__dict__.get("GET") is not recorder:  # replaced by inner code: what the page read is unknown
            return response
        names_read = recorder.names_read - self.unkeyed_parameters
        if not lookup.parameters.keys() <= names_read:
            return response  # a parameter the page does not read: answered, never stored
        entry = self._entry(request, response)
        if entry is not None:
            entry["read"] = sorted(names_read)
            cache.set(lookup.key(names_read), entry, self._lifetime(response))
            names = lookup.known_names | names_read
            if names != lookup.known_names or not lookup.has_manifest:
                manifest = {"scope": lookup.scope[3:], "names": sorted(names)}
                cache.set(lookup.manifest_key, manifest, settings.ANONYMOUS_CACHE_SECONDS)
        return response

    @staticmethod
    def _fits(stored, lookup):
        """Whether the request agrees with the stored entry's request on every parameter that page read."""
        read = stored.get("read")
        if read is None:
            return False
        return not (set(read) & lookup.parameters.keys()) - lookup.known_names

    @staticmethod
    def _lifetime(response):
        """ANONYMOUS_CACHE_SECONDS, or less when the view says its page ages faster (its max-age)."""
        match = re.search(r"max-age=(\d+)", response.get("Cache-Control", ""))
        seconds = settings.ANONYMOUS_CACHE_SECONDS
        return min(seconds, int(match.group(1))) if match else seconds

    def _lookup(self, request):
        """How to find the request's entry, or None for a request that is never served from the cache."""
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
        if len(request.META.get("QUERY_STRING", "")) > self.max_length or len(path) > self.max_length:
            return None
        try:
            parameters = dict(request.GET.lists())
        except Exception:  # a malformed query string: let the view answer it, uncached
            return None
        from cms.cache import _get_cache_version
        from django.core.cache import cache

        from iqportal.cache import DIRECTORY_VERSION_KEY, directory_version

        manifest_key = self.manifest_prefix + hashlib.sha256(path.encode()).hexdigest()
        found = cache.get_many([CMS_PAGE_CACHE_VERSION_KEY, DIRECTORY_VERSION_KEY, manifest_key])
        # After a cache flush both versions are missing; set them now (as rendering would), or the response
        # would be stored under a key that the next request, made after rendering set them, never asks for.
        versions = [
            found.get(CMS_PAGE_CACHE_VERSION_KEY) or _get_cache_version(),
            found.get(DIRECTORY_VERSION_KEY) or directory_version(),
        ]
        # The scheme: a page rendered for https (X-Forwarded-Proto from the proxy) holds https URLs.
        scope = [request.scheme, request.get_host(), path, *versions]
        manifest = found.get(manifest_key)
        has_manifest = isinstance(manifest, dict) and manifest.get("scope") == versions
        known_names = frozenset(manifest["names"]) if has_manifest else frozenset()
        return Lookup(scope, parameters, manifest_key, known_names, has_manifest)

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
