"""
Django's PostgreSQL backend, trying to connect at most once per request (ENGINE "iqportal.db_backend", set by the
settings for a PostgreSQL DATABASE_URL).

When PostgreSQL does not answer, each attempt to connect waits up to DB_CONNECT_TIMEOUT, and one request tries
several times: django CMS's apphook check, the view, the toolbar middleware each ask again after the one before
gave up. Here the first failed attempt of a request is remembered until the request ends, and every later attempt
in that request fails at once with the same kind of error (OperationalError), so the visitor gets the 503 page
after one timeout. Outside requests (management commands, a worker's own threads) every attempt is made, as in
Django. The next request tries again: the site recovers by itself as soon as the database answers.
"""

from contextvars import ContextVar
from typing import Any

#: For the request being served in this context (thread): the aliases of the databases that could not be reached.
#: None outside a request.
unreachable_databases: ContextVar[set[str] | None] = ContextVar("iqportal_unreachable_databases", default=None)


def request_started(**kwargs: Any) -> None:
    """``request_started`` receiver: a new request tries every database again."""
    unreachable_databases.set(set())


def request_finished(**kwargs: Any) -> None:
    """``request_finished`` receiver: what follows the request is not part of it."""
    unreachable_databases.set(None)
