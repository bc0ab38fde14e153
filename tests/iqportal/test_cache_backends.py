"""The fail-fast Redis cache: a Redis that hangs or is down costs one short timeout, then none, and comes back."""

import logging
import threading
import time

import pytest

from iqportal import cache_backends
from iqportal.cache_backends import FailFastRedisCache
from tests.iqportal.servers import REDIS, SilentServer, free_port, redis_available

TIMEOUT = 0.25  # the production default of REDIS_TIMEOUT


def fail_fast_cache(port, **options):
    return FailFastRedisCache(
        f"redis://127.0.0.1:{port}/13",
        {"OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT, **options}},
    )


@pytest.fixture(autouse=True)
def _fresh_breakers(monkeypatch):
    """Breakers are per process and location: a port used by an earlier test must not start out open."""
    monkeypatch.setattr(cache_backends, "_breakers", {})


@pytest.fixture
def clock(monkeypatch):
    """The breakers' clock, which the test moves on instead of waiting."""
    now = [1000.0]
    monkeypatch.setattr(cache_backends, "clock", lambda: now[0])
    return now


@pytest.fixture
def real_redis():
    if not redis_available():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")


def test_a_hanging_redis_costs_one_short_timeout_and_is_logged_once(caplog):
    with SilentServer() as server:
        cache = fail_fast_cache(server.port)
        started = time.monotonic()
        with caplog.at_level(logging.INFO, logger="iqportal.cache"):
            values = [cache.get("key", "fallback") for _ in range(50)]
            for _ in range(50):
                cache.set("key", "value")
            assert cache.get_many(["a", "b"]) == {}
            assert cache.add("key", "value") is False
            assert cache.get_or_set("key", "computed") == "computed"
            with pytest.raises(ValueError):
                cache.incr("counter")  # as for a missing key, which callers handle
        elapsed = time.monotonic() - started

    assert values == ["fallback"] * 50
    assert elapsed < 1.0, f"{elapsed:.2f} s for 100 cache calls"  # one timeout of 0.25 s, then no waiting
    assert server.accepted == 1  # the first call tried, every later one skipped Redis
    records = [record for record in caplog.records if record.name == "iqportal.cache"]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING and records[0].exc_info is None
    assert "unavailable" in records[0].getMessage()


def test_a_redis_refusing_connections_gives_misses_not_errors():
    cache = fail_fast_cache(free_port())  # nothing listens there
    assert cache.get("key", "fallback") == "fallback"
    cache.set("key", "value")
    assert cache.is_available() is False


def test_the_log_names_the_cache_without_its_password(caplog):
    cache = FailFastRedisCache(f"redis://:s3cret@127.0.0.1:{free_port()}/1", {"OPTIONS": {"socket_timeout": TIMEOUT}})
    with caplog.at_level(logging.INFO, logger="iqportal.cache"):
        cache.get("key")
    assert "s3cret" not in caplog.text
    assert "redis://127.0.0.1:" in caplog.text


def test_the_cache_comes_back_by_itself_after_the_interval(clock, caplog, real_redis):
    with SilentServer() as server:
        cache = fail_fast_cache(server.port, CIRCUIT_BREAKER_SECONDS=30)
        cache.get("key")  # fails: the breaker opens
        server.forward_to = REDIS  # Redis answers again...

        clock[0] += 10
        cache.set("key", "stored")
        assert cache.get("key") is None  # ...but within the interval nobody asks it
        assert server.accepted == 1

        clock[0] += 21
        with caplog.at_level(logging.INFO, logger="iqportal.cache"):
            cache.set("key", "stored")  # the first call after the interval tries, and succeeds
        assert cache.get("key") == "stored"
        assert cache.is_available() is True
        assert "answers again" in caplog.text
        cache.delete("key")


def test_after_the_interval_one_thread_tries_while_the_others_skip(clock):
    """gthread workers: the threads of a process share the breaker, and only one of them waits for a retry."""
    with SilentServer() as server:
        fail_fast_cache(server.port).get("key")  # the breaker opens
        assert server.accepted == 1
        clock[0] += 31

        results = []
        start = threading.Barrier(8)

        def visitor():
            cache = fail_fast_cache(server.port)  # Django makes one cache object per thread
            start.wait()
            results.append(cache.get("key", "fallback"))

        threads = [threading.Thread(target=visitor) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)

    assert results == ["fallback"] * 8
    assert server.accepted == 2  # one more attempt, not eight
