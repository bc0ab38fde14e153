"""
Counselling offices as JSON-ready dicts: one record of an office for the open data (landesnetzwerke.api) and the
Lotse's JSON search (views.SearchJsonView), which adds the distance and, for mobile counselling, the next
consultation days. The fields are listed in the README, section "Open data".
"""

from collections.abc import Callable
from typing import Any

from landesnetzwerke.lotse.search import FixedHit, LotseResult, MobileHit
from landesnetzwerke.models import Beratungsstelle, Sprechtag

# The office's page as an absolute URL, or None while no page carries the Lotse apphook.
OfficeURL = Callable[[Beratungsstelle], str | None]


def office_record(office: Beratungsstelle, url: str | None) -> dict[str, Any]:
    """The office's open-data record; `office` comes from a for_lists() QuerySet (network, topics, languages)."""
    return {
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
        "service_area": service_area(office),
        "is_sample": office.is_sample,
        "updated_at": office.updated_at.isoformat(),
    }


def service_area(office: Beratungsstelle) -> dict[str, Any] | None:
    """Where mobile counselling comes: its centre, radius and postcode prefixes; None for a fixed office."""
    if not office.is_mobile:
        return None
    return {
        "center": {"latitude": office.latitude, "longitude": office.longitude},
        "radius_km": office.service_radius_km,
        "plz_prefixes": office.plz_prefix_list,
    }


def consultation_day_record(day: Sprechtag) -> dict[str, str]:
    return {"date": day.date.isoformat(), "starts": f"{day.starts:%H:%M}", "ends": f"{day.ends:%H:%M}"}


def _distance(distance_km: float | None) -> float | None:
    return round(distance_km, 2) if distance_km is not None else None


def fixed_hit_record(hit: FixedHit, url: str | None) -> dict[str, Any]:
    return {**office_record(hit.office, url), "distance_km": _distance(hit.distance_km)}


def mobile_hit_record(hit: MobileHit, url: str | None) -> dict[str, Any]:
    return {
        **office_record(hit.office, url),
        "distance_km": _distance(hit.distance_km),
        "next_days": [consultation_day_record(day) for day in hit.next_days],
    }


def search_record(result: LotseResult, office_url: OfficeURL) -> dict[str, Any]:
    """The JSON search's body for a result: status, candidates and, when the place was found, the offices."""
    body: dict[str, Any] = {"status": str(result.status), "candidates": [c.query for c in result.candidates]}
    location, page = result.location, result.page
    if not result.found or location is None or page is None:
        return body
    body.update(
        location={
            "label": location.label,
            "bundesland": location.bundesland,
            "latitude": location.latitude,
            "longitude": location.longitude,
        },
        radius_km=result.radius_km,
        widened=result.widened,
        nearest_anywhere=result.nearest_anywhere,
        fixed_total=result.fixed_total,
        mobile_total=result.mobile_total,
        page=page.number,
        pages=page.paginator.num_pages,
        fixed=[fixed_hit_record(hit, office_url(hit.office)) for hit in result.fixed],
        mobile=[mobile_hit_record(hit, office_url(hit.office)) for hit in result.mobile],
    )
    return body
