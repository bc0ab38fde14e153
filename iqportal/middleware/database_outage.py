"""The friendly 503 page, in the visitor's language, when the database cannot be reached."""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from iqportal.logging import get_request_id

logger = logging.getLogger("iqportal")

#: Errors that mean "the database cannot be reached", as opposed to a bug in a query.
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)


def flag_database_outage(sender, request=None, **kwargs):
    """``got_request_exception`` receiver: marks a request whose unhandled exception was a database outage (see
    DatabaseUnavailableMiddleware)."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_DOWN_ERRORS):
        request._iqportal_database_down = True


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
