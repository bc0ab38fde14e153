"""A database outage gives a friendly 503 in the visitor's language, and the site recovers by itself."""

import copy
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import Client

from tests.iqportal.servers import clone_sqlite_database, free_port

pytestmark = pytest.mark.django_db


@contextmanager
def separate_connection(tmp_path):
    """
    Gives the code under test its own connection, which the test can break and mend, while the test's own
    connection (and its transaction) stays untouched: to the test database on PostgreSQL, to a copy of it
    on SQLite (whose in-memory test database the test's transaction keeps locked).
    """
    original = connections["default"]
    settings_dict = copy.deepcopy(original.settings_dict)
    if original.vendor == "sqlite":
        settings_dict["NAME"] = str(clone_sqlite_database(original, tmp_path / "site.sqlite3"))
    wrapper = original.__class__(settings_dict, alias="default")
    connections["default"] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.close()
        connections["default"] = original


def break_connection(wrapper):
    """Points the connection where no database answers, as when the server is down or unreachable."""
    wrapper.close()
    if wrapper.vendor == "sqlite":
        wrapper.settings_dict["NAME"] = "/nonexistent-directory/iqportal.sqlite3"
    else:
        wrapper.settings_dict["HOST"] = "127.0.0.1"
        wrapper.settings_dict["PORT"] = str(free_port())


PAGES = [
    ("/de/", "de", "Vorübergehend nicht erreichbar"),
    ("/en/", "en", "Temporarily unavailable"),
    ("/de/lotse/?q=10115", "de", "Vorübergehend nicht erreichbar"),
    ("/en/programm/", "en", "Temporarily unavailable"),
]


def test_database_outage_gives_503_in_the_visitors_language_and_recovers(tmp_path):
    client = Client(raise_request_exception=False)
    with separate_connection(tmp_path) as wrapper:
        working = dict(wrapper.settings_dict)
        assert client.get("/de/").status_code == 200

        break_connection(wrapper)
        # A page already in the CMS page cache is still served without the database...
        assert client.get("/de/").status_code == 200
        cache.clear()
        # ...anything else gets the friendly 503 page.
        for path, language, heading in PAGES:
            response = client.get(path)
            assert response.status_code == 503, path
            assert response["Retry-After"] == "30"
            assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
            body = response.content.decode()
            assert f'<html lang="{language}"' in body
            assert heading in body
            assert response["X-Request-ID"] in body  # a reference the visitor can quote
        assert client.get("/healthz").status_code == 503

        # The database is back: the very next requests succeed, without a restart.
        wrapper.settings_dict.update(working)
        assert client.get("/healthz").status_code == 200
        for path, _language, _heading in PAGES:
            assert client.get(path).status_code == 200, path


# A dropped PostgreSQL connection that CONN_HEALTH_CHECKS replaces is tested with real gunicorn processes in
# test_scaleout.py (Django's test client skips the per-request connection handling).


def test_an_error_raised_outside_the_view_is_also_a_503(settings, tmp_path):
    """A session cookie makes the middleware load the session from the database before any view runs."""
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "x" * 32
    with separate_connection(tmp_path) as wrapper:
        break_connection(wrapper)
        response = client.get("/en/")
        assert response.status_code == 503
        assert "Temporarily unavailable" in response.content.decode()
