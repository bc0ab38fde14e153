"""
Dependencies that hang (the host accepts connections, the service never answers): the site still answers within
its bounds, says which dependency is down, and recovers by itself when it comes back.
"""

import copy
import json
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client, override_settings

from iqportal import cache_backends
from tests.iqportal.servers import REDIS, SilentServer, production_env, redis_available, run_python

pytestmark = pytest.mark.django_db

REDIS_COST = 1.0  # seconds Redis hanging may add to a page (one REDIS_TIMEOUT of 0.25 s, then no waiting)
REDIS_BOUND = 1.5  # seconds a health check may take with Redis hanging


NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def fail_fast_redis(port):
    return {
        "default": {
            "BACKEND": "iqportal.cache_backends.FailFastRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/13",
            "KEY_PREFIX": "iqportal-test-hang",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "CIRCUIT_BREAKER_SECONDS": 30},
        }
    }


@pytest.fixture(autouse=True)
def _fresh_breakers(monkeypatch):
    monkeypatch.setattr(cache_backends, "_breakers", {})


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(cache_backends, "clock", lambda: now[0])
    return now


def timed_get(client, path):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


REDIS_PAGES = [
    ("/de/", '<html lang="de" dir="ltr">'),
    ("/ar/", '<html lang="ar" dir="rtl">'),
    ("/de/lotse/?q=10115", 'id="results"'),
    ("/robots.txt", "Sitemap:"),
]


@pytest.mark.parametrize(("path", "expected"), REDIS_PAGES)
def test_with_redis_hanging_pages_render_within_a_second(path, expected):
    client = Client()
    with override_settings(CACHES=NO_CACHE):  # a render without any cache, once to warm up, once to compare
        assert client.get(path).status_code == 200
        _response, uncached = timed_get(client, path)
    with SilentServer() as redis, override_settings(CACHES=fail_fast_redis(redis.port), ANONYMOUS_CACHE_SECONDS=60):
        for attempt in range(2):  # the first request meets the timeout, the second the open breaker
            response, elapsed = timed_get(client, path)
            assert response.status_code == 200, (path, attempt)
            assert expected in response.content.decode()
            # The hanging cache costs at most a second (on a busy machine the render itself may take as long).
            assert elapsed < uncached + REDIS_COST, f"{path}: {elapsed:.2f} s, {uncached:.2f} s without a cache"
        assert redis.accepted == 1  # of all the cache calls of both pages, one waited; the others skipped Redis


def test_healthz_names_a_hanging_cache_but_stays_in_service():
    with SilentServer() as redis, override_settings(CACHES=fail_fast_redis(redis.port)):
        response, elapsed = timed_get(Client(), "/healthz")
    assert response.status_code == 200  # the site works without its cache: the load balancer keeps the host
    assert response.json() == {"status": "degraded", "database": "up", "cache": "down"}
    assert elapsed < REDIS_BOUND


def test_pages_use_redis_again_when_it_comes_back(clock):
    if not redis_available():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    with SilentServer() as redis, override_settings(CACHES=fail_fast_redis(redis.port), ANONYMOUS_CACHE_SECONDS=60):
        from django.core.cache import cache

        client = Client()
        assert client.get("/de/").status_code == 200
        assert client.get("/healthz").json()["cache"] == "down"

        redis.forward_to = REDIS
        clock[0] += 31  # the breaker's interval has passed
        assert client.get("/healthz").json() == {"status": "ok", "database": "up", "cache": "up"}
        assert client.get("/de/").status_code == 200
        assert cache.get("iqportal:directory-version") is not None  # the page stored what it derived in Redis
        cache.clear()


DATABASE_BOUND = 4.0  # seconds a page may take with PostgreSQL hanging (one DB_CONNECT_TIMEOUT of 2 s, then 503)


@contextmanager
def database_behind(server):
    """
    The site's connection to a PostgreSQL at the given SilentServer (ENGINE iqportal.db_backend, as the settings
    make it, with their connect_timeout), whatever database the test run uses; the test's own connection is put
    back afterwards.
    """
    from iqportal.db_backend.base import DatabaseWrapper

    original = connections["default"]
    settings_dict = copy.deepcopy(original.settings_dict)
    if original.vendor != "postgresql":
        settings_dict.update(NAME="iqportal", USER="iqportal", PASSWORD="")
    settings_dict.update(ENGINE="iqportal.db_backend", HOST="127.0.0.1", PORT=str(server.port), CONN_MAX_AGE=0)
    settings_dict["OPTIONS"] = {"connect_timeout": settings.DB_CONNECT_TIMEOUT}
    wrapper = DatabaseWrapper(settings_dict, alias="default")
    connections["default"] = wrapper
    try:
        yield wrapper
    finally:
        wrapper.close()
        connections["default"] = original


def settle_test_process(client):
    """
    One request with the database up first: loading the demo content into this test process left django CMS's
    "URLs changed" trigger connected, which writes to the database at the end of the next request. (In a real
    worker it fires at the end of the editor's own request, with the database up.)
    """
    assert client.get("/healthz").status_code == 200


DATABASE_PAGES = [
    ("/ar/", "ar", "rtl", "غير متاح مؤقتًا"),
    ("/de/lotse/?q=10115", "de", "ltr", "Vorübergehend nicht erreichbar"),
    ("/uk/programm/", "uk", "ltr", "Тимчасово недоступно"),
]


def test_production_settings_bound_every_postgresql_connection_and_statement():
    code = (
        "import django, json; django.setup(); from django.conf import settings;"
        "print(json.dumps({k: settings.DATABASES['default'][k] for k in ('ENGINE', 'OPTIONS')}))"
    )
    database_url = "postgres://iqportal@db.example.org:5432/iqportal"
    defaults = run_python(code, env=production_env(DATABASE_URL=database_url))
    assert defaults.returncode == 0, defaults.stderr
    assert json.loads(defaults.stdout.strip().splitlines()[-1]) == {
        "ENGINE": "iqportal.db_backend",  # one connection attempt per request
        "OPTIONS": {"connect_timeout": 2, "options": "-c statement_timeout=30000"},
    }
    tuned_env = production_env(DATABASE_URL=database_url, REQUEST_TIMEOUT="12", DB_CONNECT_TIMEOUT="1")
    tuned = run_python(code, env=tuned_env)
    assert json.loads(tuned.stdout.strip().splitlines()[-1])["OPTIONS"] == {
        "connect_timeout": 1,
        "options": "-c statement_timeout=12000",
    }
    unlimited = run_python(code, env=production_env(DATABASE_URL=database_url, DB_STATEMENT_TIMEOUT="0"))
    assert json.loads(unlimited.stdout.strip().splitlines()[-1])["OPTIONS"] == {"connect_timeout": 2}


@pytest.mark.parametrize(("path", "language", "direction", "heading"), DATABASE_PAGES)
def test_with_postgresql_hanging_pages_answer_503_in_the_visitors_language(path, language, direction, heading):
    client = Client(raise_request_exception=False)
    settle_test_process(client)
    with SilentServer() as postgres, database_behind(postgres):
        response, elapsed = timed_get(client, path)
        assert response.status_code == 503
        body = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}"' in body
        assert heading in body
        assert elapsed < DATABASE_BOUND, f"{path}: {elapsed:.2f} s"
        assert postgres.accepted == 1  # apphook check, view, toolbar: one attempt to connect, not three

        response, elapsed = timed_get(client, "/healthz")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable", "database": "down", "cache": "up"}
        assert elapsed < DATABASE_BOUND
        assert postgres.accepted == 2  # the next request tries again

    assert client.get(path).status_code == 200  # the database is back: so is the site


@pytest.mark.postgres_database
def test_the_same_connection_recovers_when_postgresql_answers_again():
    """What one request learned (the database does not answer) does not stick: the next one connects."""
    client = Client(raise_request_exception=False)
    settle_test_process(client)
    with SilentServer() as postgres, database_behind(postgres):
        assert client.get("/en/").status_code == 503
        postgres.forward_to = (settings.DATABASES["default"]["HOST"] or "127.0.0.1", 5432)
        assert client.get("/healthz").json() == {"status": "ok", "database": "up", "cache": "up"}
        assert client.get("/en/").status_code == 200


def test_outside_requests_every_attempt_is_made():
    """Management commands and background threads are not requests: they keep Django's behaviour."""
    from django.db.utils import OperationalError

    with SilentServer() as postgres, database_behind(postgres) as wrapper:
        for _attempt in range(2):
            with pytest.raises(OperationalError):
                wrapper.ensure_connection()
        assert postgres.accepted == 2


def test_apphook_pages_work_again_in_a_process_that_built_its_urls_during_the_outage():
    """django CMS builds no apphook URLs while the database is down (and keeps that); the first check after the
    outage rebuilds them, so the Lotse is the Lotse again, not its CMS page without the locator."""
    from cms.utils.apphook_reload import reload_urlconf

    client = Client(raise_request_exception=False)
    settle_test_process(client)
    try:
        with SilentServer() as postgres, database_behind(postgres):
            reload_urlconf()  # as in a worker that starts during the outage: no apphook URLs
            assert client.get("/de/lotse/?q=10115").status_code == 503
        response = client.get("/de/lotse/?q=10115")
        assert response.status_code == 200
        assert 'id="results"' in response.content.decode()
    finally:
        reload_urlconf()
