"""
Open data: GET /api/projekte.json lists every published sub-project, with the conventions of
/api/beratungsstellen.json (landesnetzwerke.api): a `meta` block with count, last_modified and
contains_sample_data; stable field names (README; each record: serializers.project_record); Cache-Control, ETag (a
hash of the body), Last-Modified, 304 for conditional requests, CORS for any origin.

The body is built in a constant number of queries and cached, keyed by the directory version (every project change
bumps it, signals.py) and the day (`running_now` is as of that day in Germany).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import override
from django.views.decorators.http import require_safe

from iqportal.cache import directory_cache_key
from landesnetzwerke.clock import german_time
from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent, project_url
from landesnetzwerke.projects.serializers import project_record

CACHE_SECONDS = 300


def build_payload(request: HttpRequest, today: datetime.date) -> tuple[dict[str, Any], datetime.datetime | None]:
    contents = Prefetch("contents", queryset=TeilprojektContent.objects.all(), to_attr="published")
    projects = list(Teilprojekt.objects.published().for_lists().prefetch_related(contents).order_by("pk"))
    with override(settings.LANGUAGE_CODE):  # project pages in the default language, whatever the client's
        records = [project_record(project, _absolute(request, project), today) for project in projects]
    last_modified = max((project.updated_at for project in projects), default=None)
    return {
        "meta": {
            "count": len(records),
            "last_modified": last_modified.isoformat() if last_modified else None,
            "contains_sample_data": any(record["is_sample"] for record in records),
            "date": today.isoformat(),
            "fields": "see the README, section Open data; running_now: on meta.date (Europe/Berlin)",
        },
        "projekte": records,
    }, last_modified


def _absolute(request: HttpRequest, project: Teilprojekt) -> str | None:
    path = project_url(project)
    return request.build_absolute_uri(path) if path else None


@require_safe
def projekte_json(request: HttpRequest) -> HttpResponse:
    """Every published sub-project as JSON (open data)."""
    today = german_time().date()
    key = directory_cache_key("api", "projekte", today.isoformat(), request.get_host(), request.scheme)
    cached = cache.get(key)
    if cached is None:
        payload, last_modified = build_payload(request, today)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        cached = (body, f'"{hashlib.sha256(body).hexdigest()[:32]}"', last_modified)
        cache.set(key, cached, CACHE_SECONDS)
    body, etag, last_modified = cached
    response = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified.timestamp()) if last_modified else None
    )
    if response is None:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
