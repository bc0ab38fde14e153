"""
Open data: GET /api/beratungsstellen.json lists every published counselling office (DESIGN.md section 3).

The body is built in a constant number of queries and cached (keyed by the directory version, which every
office or network change bumps); responses carry Cache-Control, ETag (a hash of the body) and Last-Modified,
and answer conditional requests with 304.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from iqportal.cache import directory_cache_key
from landesnetzwerke.models import Beratungsstelle

CACHE_SECONDS = 300


def office_record(office, url):
    record = {
        "id": office.pk,
        "name": office.name,
        "kind": office.kind,
        "traeger": office.traeger,
        "street": office.street,
        "plz": office.plz,
        "city": office.city,
        "bundesland": office.bundesland,
        "latitude": office.latitude,
        "longitude": office.longitude,
        "landesnetzwerk": office.landesnetzwerk.name,
        "landesnetzwerk_slug": office.landesnetzwerk.slug,
        "topics": sorted(topic.slug for topic in office.topics.all()),
        "languages": sorted(language.code for language in office.languages.all()),
        "counselling_modes": office.counselling_modes,
        "wheelchair_accessible": office.wheelchair_accessible,
        "phone": office.phone,
        "email": office.email,
        "website": office.website,
        "url": url,
        "service_area": None,
        "is_sample": office.is_sample,
        "updated_at": office.updated_at.isoformat(),
    }
    if office.is_mobile:
        record["service_area"] = {
            "center": {"latitude": office.latitude, "longitude": office.longitude},
            "radius_km": office.service_radius_km,
            "plz_prefixes": office.plz_prefix_list,
        }
    return record


def office_url(request, office):
    try:
        return request.build_absolute_uri(office.get_absolute_url())
    except NoReverseMatch:  # no page carries the Lotse apphook yet
        return None


def build_payload(request):
    offices = (
        Beratungsstelle.objects.published()
        .select_related("landesnetzwerk")
        .prefetch_related("topics", "languages")
        .order_by("pk")
    )
    with translation.override(settings.LANGUAGE_CODE):  # office pages in the default language, whatever the client
        records = [office_record(office, office_url(request, office)) for office in offices]
    last_modified = max((o.updated_at for o in offices), default=None)
    return {
        "meta": {
            "count": len(records),
            "last_modified": last_modified.isoformat() if last_modified else None,
            "contains_sample_data": any(r["is_sample"] for r in records),
            "fields": "DESIGN.md section 3; kind: fest (fixed office) or mobil (mobile counselling)",
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
