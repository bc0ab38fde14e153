"""GET /api/beratungsstellen.json: the open-data contract (README, section Open data), caching headers, query count."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from landesnetzwerke.api import beratungsstellen_json
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk
from tests.factories import add_offices

pytestmark = pytest.mark.django_db

URL = "/api/beratungsstellen.json"
CONTRACT_FIELDS = {
    "id",
    "name",
    "kind",
    "street",
    "plz",
    "city",
    "bundesland",
    "latitude",
    "longitude",
    "landesnetzwerk",
    "topics",
    "languages",
    "url",
    "service_area",
    "counselling_modes",
    "is_sample",
}


def fetch(client, **headers):
    response = client.get(URL, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response, response.json()


def test_every_published_office_with_the_contract_fields(client):
    _response, data = fetch(client)
    offices = data["beratungsstellen"]
    assert len(offices) == data["meta"]["count"] == 174
    assert sum(o["kind"] == "fest" for o in offices) == 74
    assert sum(o["kind"] == "mobil" for o in offices) == 100
    for office in offices:
        assert CONTRACT_FIELDS <= office.keys()
        assert office["kind"] in {"fest", "mobil"}
        assert isinstance(office["latitude"], float) and isinstance(office["longitude"], float)
        assert len(office["plz"]) == 5 and office["bundesland"] in {n.bundesland for n in Landesnetzwerk.objects.all()}
        assert set(office["counselling_modes"]) <= {"in_person", "by_phone", "by_video", "by_email"}
        assert office["is_sample"] is True
    assert data["meta"]["contains_sample_data"] is True


def test_values_match_the_database(client):
    office = Beratungsstelle.objects.fixed().filter(bundesland="BY").order_by("pk").first()
    _response, data = fetch(client)
    record = next(o for o in data["beratungsstellen"] if o["id"] == office.pk)
    assert record["name"] == office.name
    assert record["landesnetzwerk"] == "MigraNet – IQ Landesnetzwerk Bayern"
    assert record["topics"] == sorted(office.topics.values_list("slug", flat=True))
    assert record["languages"] == sorted(office.languages.values_list("code", flat=True))
    assert record["url"] == f"http://testserver/de/lotse/stelle/{office.pk}/"
    assert record["service_area"] is None


def test_mobile_offices_carry_their_service_area(client):
    office = Beratungsstelle.objects.mobile().order_by("pk").first()
    _response, data = fetch(client)
    record = next(o for o in data["beratungsstellen"] if o["id"] == office.pk)
    assert record["service_area"] == {
        "center": {"latitude": office.latitude, "longitude": office.longitude},
        "radius_km": office.service_radius_km,
        "plz_prefixes": office.plz_prefix_list,
    }


def test_unpublished_offices_are_left_out(client):
    office = Beratungsstelle.objects.order_by("pk").first()
    office.published = False
    office.save()
    _response, data = fetch(client)
    assert office.pk not in {o["id"] for o in data["beratungsstellen"]}
    assert data["meta"]["count"] == 173


def test_the_view_sets_caching_headers(rf):
    # Called directly: the view's own headers (middleware may add more, see the full-stack test below).
    response = beratungsstellen_json(rf.get(URL))
    assert response.status_code == 200
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert response["ETag"] and response["Last-Modified"]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_full_stack_keeps_the_caching_headers(client):
    response, _data = fetch(client)
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert "no-store" not in response["Cache-Control"] and "private" not in response["Cache-Control"]
    assert not response.cookies  # a publicly cached answer sets no cookie (no language cookie either)


def test_conditional_requests_get_304(client):
    response, _data = fetch(client)
    assert response["ETag"] and response["Last-Modified"]
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get(URL, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304


def test_a_change_gives_new_data_and_a_new_etag(client):
    first, _data = fetch(client)
    office = Beratungsstelle.objects.order_by("pk").first()
    office.name = "Umbenannte Beratungsstelle"
    office.save()  # the directory signals invalidate the cached body
    second, data = fetch(client, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second["ETag"] != first["ETag"]
    assert "Umbenannte Beratungsstelle" in {o["name"] for o in data["beratungsstellen"]}


def test_only_safe_methods(client):
    assert client.post(URL).status_code == 405


def test_queries_do_not_grow_with_the_number_of_offices(client):
    def queries():
        client.get(URL)  # warm-up for per-process lookups
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    before = queries()
    add_offices(Landesnetzwerk.objects.get(bundesland="NI"), number=6)
    after = queries()
    assert after == before
    assert before <= 6
