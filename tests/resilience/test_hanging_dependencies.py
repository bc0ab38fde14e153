"""
Dependencies that hang (the host accepts connections, the service never answers): the site still answers within
its bounds, says which dependency is down, and recovers by itself when it comes back.
"""

import time

import pytest
from django.test import Client, override_settings

from iqportal import cache_backends
from tests.iqportal.servers import REDIS, SilentServer, redis_available

pytestmark = pytest.mark.django_db

REDIS_BOUND = 1.5  # seconds a page may take with Redis hanging (one REDIS_TIMEOUT of 0.25 s, then no waiting)


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
    with override_settings(CACHES=NO_CACHE):  # templates and code paths of a render without cache are warm:
        assert client.get(path).status_code == 200  # what follows measures what the hanging cache costs
    with SilentServer() as redis, override_settings(CACHES=fail_fast_redis(redis.port), ANONYMOUS_CACHE_SECONDS=60):
        for attempt in range(2):  # the first request meets the timeout, the second the open breaker
            response, elapsed = timed_get(client, path)
            assert response.status_code == 200, (path, attempt)
            assert expected in response.content.decode()
            assert elapsed < REDIS_BOUND, f"{path}: {elapsed:.2f} s"
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
