import sys

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from iqportal.cache_backends import cache_is_available
from iqportal.middleware.database_outage import DATABASE_DOWN_ERRORS, database_unavailable_response
from iqportal.paths import SITEMAP


@never_cache
@require_safe
def healthz(request):
    """
    Each dependency's state: 200 when the database answers a query, 503 when it does not. A cache that does not
    answer is reported ("degraded") but stays 200: the site works without it, so a load balancer must not take
    every host out of service because the shared Redis is down. Bounded by DB_CONNECT_TIMEOUT and REDIS_TIMEOUT.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        database_up = False
    else:
        database_up = True
    cache_up = cache_is_available()
    state = {
        "status": "ok" if database_up and cache_up else ("degraded" if database_up else "unavailable"),
        "database": "up" if database_up else "down",
        "cache": "up" if cache_up else "down",
    }
    return JsonResponse(state, status=200 if database_up else 503)


@require_safe
def language_root(request: HttpRequest) -> HttpResponseRedirect:
    """
    ``/``: a temporary redirect to the home page in the visitor's language: the one they chose (the language
    cookie, set by every page they view), else the best match of their Accept-Language, else German.
    """
    language = translation.get_language_from_request(request)  # cookie, Accept-Language, LANGUAGE_CODE
    with translation.override(language):
        url = reverse("pages-root")
    query = request.GET.urlencode()  # e.g. a campaign link's parameters, re-encoded
    response = HttpResponseRedirect(f"{url}?{query}" if query else url)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: /{code}/admin/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri(SITEMAP)}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def view_on_site(request, content_type_id, object_id):
    """
    The admin's "View on site" (`admin/r/<content type>/<id>/`): Django's redirect to the object's public address,
    and 404 for an object that has none (a page that was never published, an item whose list page is missing),
    where Django's own view fails.
    """
    try:
        obj = ContentType.objects.get_for_id(content_type_id).get_object_for_this_type(pk=object_id)
        url = obj.get_absolute_url()
    except (ObjectDoesNotExist, ValueError, TypeError, AttributeError, NoReverseMatch):
        url = None
    if not url:
        raise Http404("This object has no address on the site.")
    return shortcut(request, content_type_id, object_id)


def page_not_found(request, exception=None):
    body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(body, status=404)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (e.g. an expired session): the site's own page, 403."""
    response = render(request, "403_csrf.html", {"request_path": request.path}, status=403)
    add_never_cache_headers(response)
    return response


def server_error(request):
    # A database outage seen outside a view (e.g. while loading the session) is a 503, not a bug.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN_ERRORS):
        return database_unavailable_response(request)
    # No RequestContext: whatever failed may fail again while rendering.
    body = loader.render_to_string("500.html")
    return HttpResponse(body, status=500)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout page (AXES_LOCKOUT_CALLABLE): 429 with a clear message in the visitor's language."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else None,
    }
    response = render(request, "iqportal/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    add_never_cache_headers(response)
    return response
