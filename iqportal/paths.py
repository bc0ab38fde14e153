"""
The site's URL paths that middleware treats specially, named once.

Machine endpoints answer programs (load balancers, crawlers, open-data users), never a person: they get no
CMS toolbar and no language cookie. ``iqportal/urls.py`` mounts them from these constants.
"""

import re

from django.conf import settings

HEALTH_CHECK = "/healthz"
ROBOTS_TXT = "/robots.txt"
SITEMAP = "/sitemap.xml"
API = "/api/"  # the open-data JSON

MACHINE_PATHS = (HEALTH_CHECK, ROBOTS_TXT, SITEMAP, API)
#: Machine endpoints whose answer contains no URL of a CMS page, so they need no apphook (URL) reload check.
WITHOUT_PAGE_URLS = (HEALTH_CHECK, ROBOTS_TXT)
#: Machine endpoints that must ask the database on every request, never be served from a cache.
NEVER_CACHED = (HEALTH_CHECK,)


def route(path):
    """The pattern for ``django.urls.path()``: the path without its leading slash."""
    return path.removeprefix("/")


def is_machine_path(path):
    return path.startswith(MACHINE_PATHS)


def is_static_or_media(path):
    return path.startswith((settings.STATIC_URL, settings.MEDIA_URL))


def _languages_pattern():
    return "|".join(re.escape(code) for code, _name in settings.LANGUAGES)


def admin_path_pattern():
    """The admin, with or without a language prefix."""
    return re.compile(rf"^/(?:(?:{_languages_pattern()})/)?admin/")


def sign_in_path_pattern():
    """The admin pages a visitor without an account reaches: login, logout, password reset, two-factor login."""
    return re.compile(rf"^/(?:(?:{_languages_pattern()})/)?admin/(?:login|logout|password_reset|2fa)/")
