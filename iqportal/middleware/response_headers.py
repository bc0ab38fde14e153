"""Headers on every response: Cross-Origin-Resource-Policy, and a Vary header without empty elements."""

from django.utils.cache import cc_delim_re

from iqportal.paths import API


class ResponseHeadersMiddleware:
    """
    ``Cross-Origin-Resource-Policy: same-origin`` on every response, so other sites cannot load the site's
    pages, scripts or images into theirs; ``cross-origin`` for the open data (/api/), which any origin may use.
    A view may set its own.

    ``Vary`` is tidied: django CMS's page cache sets an empty ``Vary`` when no plugin varies on anything, and
    the session middleware then appends to it (``Vary: , Cookie``). Empty and repeated elements are dropped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = "cross-origin" if request.path_info.startswith(API) else "same-origin"
        response.headers.setdefault("Cross-Origin-Resource-Policy", policy)
        if "Vary" in response.headers:
            response.headers["Vary"] = tidy_vary(response.headers["Vary"])
            if not response.headers["Vary"]:
                del response.headers["Vary"]
        return response


def tidy_vary(value: str) -> str:
    """The header's elements without empty ones and repeats (in any case), in their order."""
    seen, elements = set(), []
    for element in cc_delim_re.split(value):
        element = element.strip()
        if element and element.lower() not in seen:
            seen.add(element.lower())
            elements.append(element)
    return ", ".join(elements)
