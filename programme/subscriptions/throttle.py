"""
A small request counter in the shared cache: at most `limit` requests per `period` seconds for one identity (a
client address, an e-mail address). The identity is hashed, so no address is kept in the cache in the clear. A cache
that fails lets the request through: throttling is a safeguard, not a reason to turn people away.
"""

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)


def allow(scope: str, identity: str, *, limit: int, period: int) -> bool:
    """Counts one request of `identity` in `scope`; False once more than `limit` came within the period."""
    digest = hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()
    key = f"iqportal:throttle:{scope}:{digest}"
    try:
        if cache.add(key, 1, timeout=period):
            return True
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new period starts
        cache.set(key, 1, timeout=period)
        return True
    except Exception:
        logger.warning("Throttle %s not counted: cache unavailable", scope)
        return True
    return count is None or count <= limit
