"""
Open data: GET /api/beratungsstellen.json lists every published counselling office (the fields: README, section
Open data; each office's record: landesnetzwerke.lotse.serializers).

The body is built in a constant number of queries and cached (keyed by the directory version, which every
office or network change bumps); responses carry Cache-Control, ETag (a hash of the body) and Last-Modified,
and answer conditional requests with 304.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from iqportal.cache import directory_cache_key
from landesnetzwerke.lotse.links import absolute_lotse_url
from landesnetzwerke.lotse.serializers import office_record
from landesnetzwerke.models import Beratungsstelle

CACHE_SECONDS = 300


def build_payload(request):
    offices = Beratungsstelle.objects.published().for_lists().order_by("pk")
    # Office pages in the default language, whatever the client's.
    language = settings.LANGUAGE_CODE
    records = [
        office_record(office, absolute_lotse_url(request, "office", language=language, pk=office.pk))
        for office in offices
    ]
    last_modified = max((o.updated_at for o in offices), default=None)
    return {
        "meta": {
            "count": len(records),
            "last_modified": last_modified.isoformat() if last_modified else None,
            "contains_sample_data": any(r["is_sample"] for r in records),
            "fields": "see the README, section Open data; kind: fest (fixed office) or mobil (mobile counselling)",
        },
        "beratungsstellen": records,
    }, last_modified


@require_safe
def beratungsstellen_json(request):
    """Every published counselling office as JSON (open data)."""
    key = directory_cache_key("api", "beratungsstellen", request.get_host(), request.scheme)
    cached = cache.get(key)
    if cached is None:
        payload, last_modified = build_payload(request)
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
