"""
Open data GET /api/projekte.json: the conventions of /api/beratungsstellen.json (meta, stable field names, caching
headers, 304, CORS), published projects only, every field of a record.
"""

import datetime
import json

import pytest
from django.utils.http import http_date

from landesnetzwerke.clock import german_time
from landesnetzwerke.projects.models import Teilprojekt
from tests.projects.helpers import TODAY, make_project, network, place

pytestmark = pytest.mark.django_db

URL = "/api/projekte.json"
FIELDS = {
    "id", "slug", "title", "texts", "traeger", "landesnetzwerk", "landesnetzwerk_slug", "bundesland",
    "field_of_action", "target_groups", "places", "starts_on", "ends_on", "running_now", "funding", "contact",
    "website", "url", "is_sample", "updated_at",
}  # fmt: skip


def payload(client, **headers):
    response = client.get(URL, **headers)
    assert response.status_code == 200
    return response, json.loads(response.content)


def test_meta_and_every_published_project(client):
    response, data = payload(client)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    meta = data["meta"]
    published = Teilprojekt.objects.published()
    assert meta["count"] == len(data["projekte"]) == published.count()
    assert meta["contains_sample_data"] is True
    assert meta["date"] == german_time().date().isoformat()
    latest = max(p.updated_at for p in published)
    assert meta["last_modified"] == latest.isoformat()
    assert all(set(record) == FIELDS for record in data["projekte"])
    assert [record["id"] for record in data["projekte"]] == sorted(p.pk for p in published)


def test_a_record_has_every_fact_of_the_project(client):
    project = make_project(
        network("HH"),
        titles={"de": {"title": "Offene Daten Hamburg", "summary": "Kurz"}, "en": "Open data Hamburg"},
        places=[place("Hamburg")],
        field_of_action="faire-integration",
        traeger="Datenträger e. V.",
        target_groups=["gefluechtete"],
        starts_on=datetime.date(2024, 3, 1),
        ends_on=None,
        funding="bund",
        contact_name="Jana Beispiel",
        contact_phone="+49 40 66969 123",
        website="https://example.org/projekt",
    )
    _response, data = payload(client)
    record = next(r for r in data["projekte"] if r["id"] == project.pk)
    hamburg = place("Hamburg")
    assert record == {
        "id": project.pk,
        "slug": project.slug,
        "title": "Offene Daten Hamburg",
        "texts": {
            "de": {"title": "Offene Daten Hamburg", "summary": "Kurz", "description": "", "contact_role": ""},
            "en": {"title": "Open data Hamburg", "summary": "", "description": "", "contact_role": ""},
        },
        "traeger": "Datenträger e. V.",
        "landesnetzwerk": "IQ Netzwerk Hamburg",
        "landesnetzwerk_slug": "hamburg",
        "bundesland": "HH",
        "field_of_action": "faire-integration",
        "target_groups": ["gefluechtete"],
        "places": [
            {
                "name": "Hamburg",
                "plz": hamburg.plz,
                "bundesland": "HH",
                "latitude": hamburg.latitude,
                "longitude": hamburg.longitude,
            }
        ],
        "starts_on": "2024-03-01",
        "ends_on": None,
        "running_now": True,
        "funding": "bund",
        "contact": {"name": "Jana Beispiel", "email": project.contact_email, "phone": "+49 40 66969 123"},
        "website": "https://example.org/projekt",
        "url": f"http://testserver/de/projekte/{project.slug}/",
        "is_sample": False,
        "updated_at": Teilprojekt.objects.get(pk=project.pk).updated_at.isoformat(),
    }


def test_ended_projects_are_not_running_now(client):
    project = make_project(
        network("HH"), starts_on=TODAY - datetime.timedelta(days=400), ends_on=TODAY - datetime.timedelta(days=1)
    )
    _response, data = payload(client)
    assert next(r for r in data["projekte"] if r["id"] == project.pk)["running_now"] is False


def test_drafts_are_not_open_data(client):
    draft = make_project(network("HH"), published=False)
    _response, data = payload(client)
    assert draft.pk not in {record["id"] for record in data["projekte"]}


def test_caching_headers_and_conditional_requests(client):
    response, _data = payload(client)
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "*"
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(URL, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_change_is_visible_at_once_with_a_new_etag(client):
    response, _data = payload(client)
    project = Teilprojekt.objects.published().first()
    project.traeger = "Geänderter Träger gGmbH"
    project.save()
    changed, data = payload(client, HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed["ETag"] != response["ETag"]
    assert next(r for r in data["projekte"] if r["id"] == project.pk)["traeger"] == "Geänderter Träger gGmbH"
    assert changed["Last-Modified"] == http_date(Teilprojekt.objects.get(pk=project.pk).updated_at.timestamp())


def test_only_safe_methods(client):
    assert client.post(URL).status_code == 405
    assert client.head(URL).status_code == 200
