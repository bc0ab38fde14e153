"""
Links to the Lotse's pages in any language: the one place that knows where the search and the office pages are.

The Lotse lives below the CMS page that carries its apphook (cms_apps.LotseApphook), so its URLs exist in the
languages that page has content in. Everything that links to the Lotse calls `lotse_url()`: the office's
get_absolute_url, the Landesnetzwerk's prefilled search, the open data, the views and the `{% lotse_url %}` tag.
"""

from typing import Protocol

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, reverse
from django.utils.translation import get_language, override

# The Lotse's URL names (urls.py); "office" and "office-vcard" need the office's pk.
NAMES = ("search", "search-json", "office", "office-vcard")


# reverse() in another language activates that language and back; what it gives changes only when the URLs are
# loaded again (an editor changed an apphook: django CMS reloads them, and Django makes a new URL resolver). So the
# paths are kept for the resolver they came from.
_reversed: dict[tuple[str, str, int | None, str], str | None] = {}
_reversed_by: list[object] = [None]
_REVERSED_MAX = 20000


def _reversed_path(url_name: str, language: str, pk: int | None) -> str | None:
    resolver = get_resolver()
    if _reversed_by[0] is not resolver or len(_reversed) > _REVERSED_MAX:
        _reversed.clear()
        _reversed_by[0] = resolver
    key = (url_name, language, pk, get_script_prefix())
    if key not in _reversed:
        with override(language):
            try:
                _reversed[key] = reverse(url_name, kwargs={"pk": pk} if pk is not None else {})
            except NoReverseMatch:
                _reversed[key] = None
    return _reversed[key]


def _reverse(name: str, language: str, pk: int | None) -> str | None:
    return _reversed_path(f"lotse:{name}", language, pk)


def _root(language: str) -> str:
    root = _reversed_path("pages-root", language, None)
    if root is None:
        raise NoReverseMatch("pages-root")
    return root


def lotse_url(name: str = "search", *, language: str | None = None, pk: int | None = None) -> str | None:
    """
    The path of a Lotse page in `language` (by default the active one): "search", "search-json", or an office's
    "office" or "office-vcard" (give `pk`). None while no published page carries the Lotse apphook.

    Where the Lotse's page has no content in that language yet, django CMS still serves it there (language
    fallback) but can neither reverse nor resolve the pages below it: the search is then the page's path under
    that language's prefix, and the pages below it are linked in the site's default language.
    """
    if name not in NAMES:
        raise ValueError(f"name must be one of {NAMES}")
    language = language or get_language() or settings.LANGUAGE_CODE
    url = _reverse(name, language, pk)
    if url is not None or language == settings.LANGUAGE_CODE:
        return url
    url = _reverse(name, settings.LANGUAGE_CODE, pk)
    if url is None or name != "search":
        return url
    return _root(language) + url.removeprefix(_root(settings.LANGUAGE_CODE))


def absolute_lotse_url(
    request: HttpRequest, name: str = "search", *, language: str | None = None, pk: int | None = None
) -> str | None:
    """lotse_url() as an absolute URL on the host the request came to (for open data, JSON, JSON-LD, vCards)."""
    path = lotse_url(name, language=language, pk=pk)
    return request.build_absolute_uri(path) if path is not None else None


class _HasPage(Protocol):
    def get_absolute_url(self) -> str: ...


def page_url(obj: _HasPage) -> str:
    """obj.get_absolute_url(), or "" (no link) while no page shows such objects in the active language."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""
