"""The HTTP methods the site answers, and its answer to OPTIONS (the CORS preflight for the open data)."""

from django.http import HttpResponse, HttpResponseNotAllowed

from iqportal.paths import API

#: Everything the site, the admin and django CMS's editor use.
SITE_METHODS = ("GET", "HEAD", "OPTIONS", "POST")
#: The open data is read-only.
OPEN_DATA_METHODS = ("GET", "HEAD", "OPTIONS")
#: Request headers a client of the open data may send from another origin (beyond the CORS-safelisted ones).
OPEN_DATA_REQUEST_HEADERS = ("Accept", "Accept-Language", "If-Modified-Since", "If-None-Match")


class HTTPMethodMiddleware:
    """
    Answers a method the site does not use (PUT, DELETE, PROPFIND, TRACE, …, and POST to the open data) with
    405 and an Allow header, before the CSRF middleware would show its 403 page for it. Answers OPTIONS itself
    with 204 and Allow; for the open data (/api/, which any origin may read) also with the CORS preflight
    headers that a browser asks for before a cross-origin request with headers such as If-None-Match.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        open_data = request.path_info.startswith(API)
        allowed = OPEN_DATA_METHODS if open_data else SITE_METHODS
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        if request.method != "OPTIONS":
            return self.get_response(request)
        response = HttpResponse(status=204)
        response["Allow"] = ", ".join(allowed)
        if open_data:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = ", ".join(OPEN_DATA_METHODS)
            response["Access-Control-Allow-Headers"] = ", ".join(OPEN_DATA_REQUEST_HEADERS)
            response["Access-Control-Max-Age"] = "86400"
        return response
