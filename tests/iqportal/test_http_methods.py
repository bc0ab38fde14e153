"""HTTP methods: 405 for those the site does not use, OPTIONS answered with 204 (CORS preflight for open data)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

OPEN_DATA = ["/api/beratungsstellen.json", "/api/projekte.json"]


@pytest.mark.parametrize("path", OPEN_DATA)
def test_a_cors_preflight_for_the_open_data_is_answered(path):
    response = Client().options(
        path,
        HTTP_ORIGIN="https://data.example.net",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"
    assert {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")} == {
        "GET",
        "HEAD",
        "OPTIONS",
    }
    assert "if-none-match" in response["Access-Control-Allow-Headers"].lower()
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    # The cross-origin request itself then gets the data.
    data = Client().get(path, HTTP_ORIGIN="https://data.example.net")
    assert data.status_code == 200 and data["Access-Control-Allow-Origin"] == "*"


def test_options_on_a_page_lists_the_methods_and_allows_no_other_origin():
    response = Client().options("/de/")
    assert response.status_code == 204
    assert response.content == b""
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize("method", ["PROPFIND", "PUT", "DELETE", "PATCH", "TRACE", "MKCOL", "BREW"])
@pytest.mark.parametrize("path", ["/de/", "/de/lotse/?q=10115", "/de/admin/", "/api/beratungsstellen.json"])
def test_methods_the_site_does_not_use_get_405_not_the_csrf_page(method, path):
    response = Client(enforce_csrf_checks=True).generic(method, path)
    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert "PROPFIND" not in response["Allow"]


def test_post_to_the_open_data_is_405():
    response = Client(enforce_csrf_checks=True).post("/api/projekte.json")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_the_methods_the_site_uses_still_work():
    client = Client(enforce_csrf_checks=True)
    assert client.get("/de/").status_code == 200
    assert client.head("/de/").status_code == 200
    assert client.post("/de/").status_code == 403  # a form without its token: the CSRF check, as before
