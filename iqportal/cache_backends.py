"""
The Redis cache, made to fail fast: a Redis that is down or hangs costs a page at most one short timeout.

Django's RedisCache raises when Redis cannot be reached, and every one of the dozens of cache calls a page makes
would wait for its own socket timeout. ``FailFastRedisCache`` turns an unreachable Redis into cache misses (reads
give the default, writes do nothing) and opens a circuit breaker on the first failure: for
``CIRCUIT_BREAKER_SECONDS`` every cache call of the process skips Redis at once. After that one call (in one thread)
tries Redis again; if it answers, the cache is back for everybody, if not, the breaker stays open for another
interval. The outage and the recovery are logged once each, not per call.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("iqportal.cache")

#: Errors that mean "Redis cannot be reached or does not answer", as opposed to a bug in a call.
UNREACHABLE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)

#: The clock of the breakers (monotonic seconds); tests replace it to let an interval pass.
clock: Callable[[], float] = time.monotonic


class CircuitBreaker:
    """
    Whether to try a dependency now. Closed: every call goes through. Open (after a failure): no call goes through
    until `interval` seconds have passed; then one call is let through (half-open) while the others still skip, and
    its outcome closes the breaker or opens it again. Shared by all threads of a process; its state is guarded by a
    lock, the checks on the fast path (closed) take none.
    """

    def __init__(self, name: str, interval: float) -> None:
        self.name = name
        self.interval = float(interval)
        self._lock = threading.Lock()
        self._open_since: float | None = None
        self._retry_at = 0.0
        self._probing = False
        self._skipped = 0

    @property
    def is_open(self) -> bool:
        return self._open_since is not None

    def allow(self) -> bool:
        """True when the caller may try the dependency now."""
        if self._open_since is None:
            return True
        with self._lock:
            if self._open_since is None:
                return True
            if self._probing or clock() < self._retry_at:
                self._skipped += 1
                return False
            self._probing = True  # this caller tries; the others keep skipping until it knows
            return True

    def succeeded(self) -> None:
        if self._open_since is None:
            return
        with self._lock:
            if self._open_since is None:
                return
            logger.warning(
                "Cache %s answers again after %.0f s; %d cache operations were skipped meanwhile",
                self.name,
                clock() - self._open_since,
                self._skipped,
            )
            self._open_since, self._probing, self._skipped = None, False, 0

    def failed(self, error: BaseException) -> None:
        with self._lock:
            now = clock()
            first = self._open_since is None
            if first:
                self._open_since = now
            self._retry_at, self._probing = now + self.interval, False
        if first:
            logger.warning(
                "Cache %s unavailable (%s: %s): pages are served without it; trying again every %g s",
                self.name,
                type(error).__name__,
                error,
                self.interval,
            )


def _without_credentials(url: str) -> str:
    """A Redis URL fit for the log: redis://:secret@host:6379/1 gives redis://host:6379/1."""
    parts = urlsplit(url)
    if parts.password is None and parts.username is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, interval: float) -> CircuitBreaker:
    """The process's breaker for one cache location. Django makes a cache object per thread; they share it."""
    with _breakers_lock:
        breaker = _breakers.get(location)
        if breaker is None:
            breaker = _breakers[location] = CircuitBreaker(location, interval)
        breaker.interval = float(interval)
        return breaker


class FailFastRedisCache(RedisCache):
    """
    Django's RedisCache that never raises because Redis is unreachable, and skips Redis for a while after a failure
    (see the module's docstring). ``OPTIONS`` take ``CIRCUIT_BREAKER_SECONDS`` (default 30) besides redis-py's
    connection options (set short ``socket_connect_timeout`` and ``socket_timeout``: they bound the one failing call).
    """

    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        interval = float(options.pop("CIRCUIT_BREAKER_SECONDS", 30))
        options.setdefault("retry_on_timeout", False)  # one failed call is enough to know
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.breaker = breaker_for(",".join(_without_credentials(url) for url in self._servers), interval)

    def _guarded(self, operation: Callable[[], Any], fallback: Any) -> Any:
        if not self.breaker.allow():
            return fallback
        try:
            result = operation()
        except UNREACHABLE_ERRORS as error:
            self.breaker.failed(error)
            return fallback
        self.breaker.succeeded()
        return result

    def is_available(self) -> bool:
        """Whether Redis answers now (a PING, or False at once while the breaker is open): for the health check."""
        return self._guarded(lambda: bool(self._cache.get_client(write=True).ping()), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).add(key, value, timeout, version), False)

    def get(self, key, default=None, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).get(key, default, version), default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(lambda: super(FailFastRedisCache, self).set(key, value, timeout, version), None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).get_many(keys, version), {})

    def has_key(self, key, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None):
        # Unreachable, the key is as good as missing: callers already handle the ValueError of a missing key.
        missing = object()
        result = self._guarded(lambda: super(FailFastRedisCache, self).incr(key, delta, version), missing)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache is unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(lambda: super(FailFastRedisCache, self).set_many(data, timeout, version), list(data))

    def delete_many(self, keys, version=None):
        self._guarded(lambda: super(FailFastRedisCache, self).delete_many(keys, version), None)

    def clear(self):
        return self._guarded(lambda: super(FailFastRedisCache, self).clear(), False)


def cache_is_available(alias: str = "default") -> bool:
    """Whether the cache answers: asked of a fail-fast Redis cache; a cache in the process's memory always does."""
    from django.core.cache import caches

    cache = caches[alias]
    return cache.is_available() if isinstance(cache, FailFastRedisCache) else True
