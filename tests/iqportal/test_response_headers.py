"""Headers on every response: Cross-Origin-Resource-Policy and a well-formed Vary."""

import pytest
from django.test import Client

from iqportal.middleware.response_headers import tidy_vary

pytestmark = pytest.mark.django_db


def _vary(response):
    return [element.strip() for element in response["Vary"].split(",")]


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from the response cache"])
@pytest.mark.parametrize("path", ["/de/", "/de/programm/", "/en/lotse/?q=10115"])
def test_pages_send_a_vary_header_without_empty_elements(settings, path, cached):
    settings.APPHOOK_RELOAD_INTERVAL = 3600
    if cached:
        settings.ANONYMOUS_CACHE_SECONDS = 600
    client = Client()
    for _attempt in range(2):  # the second one comes from django CMS's page cache or the response cache
        response = client.get(path)
        assert response.status_code == 200
        assert all(_vary(response)), response["Vary"]
        assert "Cookie" in _vary(response)
        assert len(_vary(response)) == len({element.lower() for element in _vary(response)})


@pytest.mark.parametrize("path", ["/de/", "/de/lotse/?q=10115", "/de/admin/login/", "/robots.txt", "/healthz"])
def test_pages_may_be_used_by_this_site_only(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/api/beratungsstellen.json", "/api/projekte.json"])
def test_the_open_data_may_be_used_by_any_site(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize(
    ("value", "tidy"),
    [(", Cookie", "Cookie"), ("Cookie, , cookie,Accept-Language", "Cookie, Accept-Language"), (" , ", "")],
)
def test_tidy_vary(value, tidy):
    assert tidy_vary(value) == tidy
