"""
Projects as JSON-ready dicts: the record of a project in the open data (/api/projekte.json, projects.api). The
fields are listed in the README, section "Open data: GET /api/projekte.json"; their names are a public contract.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings

from landesnetzwerke.projects import texts
from landesnetzwerke.projects.models import Projektort, Teilprojekt


def place_record(place: Projektort) -> dict[str, Any]:
    return {
        "name": place.name,
        "plz": place.plz,
        "bundesland": place.bundesland,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def project_record(project: Teilprojekt, url: str | None, today: datetime.date) -> dict[str, Any]:
    """The project's open-data record; `project` comes with its network, places and published texts (`published`,
    as search._load and api.build_payload load them)."""
    contents = sorted(project.published, key=lambda content: content.language)
    default = texts.choose_content(contents, settings.LANGUAGE_CODE)
    return {
        "id": project.pk,
        "slug": project.slug,
        "title": default.title if default is not None else "",
        "texts": {
            content.language: {field: getattr(content, field) for field in texts.TEXT_FIELDS} for content in contents
        },
        "traeger": project.traeger,
        "landesnetzwerk": project.landesnetzwerk.name,
        "landesnetzwerk_slug": project.landesnetzwerk.slug,
        "bundesland": project.landesnetzwerk.bundesland,
        "field_of_action": project.field_of_action,
        "target_groups": list(project.target_groups),
        "places": [place_record(place) for place in project.places.all()],
        "starts_on": project.starts_on.isoformat(),
        "ends_on": project.ends_on.isoformat() if project.ends_on else None,
        "running_now": project.is_running_on(today),
        "funding": project.funding,
        "contact": {"name": project.contact_name, "email": project.contact_email, "phone": project.contact_phone},
        "website": project.website,
        "url": url,
        "is_sample": project.is_sample,
        "updated_at": project.updated_at.isoformat(),
    }
