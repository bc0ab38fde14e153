"""
Structured logging: one JSON object per line, with the request id of the request being served.

The request id comes from the ``X-Request-ID`` header of the load balancer when it sends a sane one,
otherwise it is generated (see ``iqportal.middleware.request_id.RequestIDMiddleware``), and it is echoed in the
response, so a log line, an access-log line and a visitor's error report can be matched up.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

_request_id = contextvars.ContextVar("request_id", default="-")

# Accept only what a proxy plausibly sends: no spaces, no control characters, bounded length.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@+/=-]{0,127}$")

# LogRecord attributes that are not "extra" fields.
_RESERVED = set(vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None))) | {"message", "asctime"}


def get_request_id():
    return _request_id.get()


def set_request_id(value):
    """Sets the request id for the current context and returns a token to reset it."""
    return _request_id.set(value)


def reset_request_id(token):
    _request_id.reset(token)


def clean_request_id(value):
    """The incoming X-Request-ID if it is well-formed, else a new random id."""
    if value and _VALID_REQUEST_ID.match(value):
        return value
    return uuid.uuid4().hex


class RequestIDFilter(logging.Filter):
    """Adds ``record.request_id`` to every record (``-`` outside a request)."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = get_request_id()
        return True


class JSONFormatter(logging.Formatter):
    """Formats a record as one line of JSON: time, level, logger, message, request id, extras, exception."""

    def format(self, record):
        payload = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or get_request_id(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            payload["method"] = getattr(request, "method", None)
            payload["path"] = request.path
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            payload["status"] = status_code
        for key, value in vars(record).items():
            if key in _RESERVED or key in payload or key in {"request", "status_code", "request_id"}:
                continue
            payload[key] = value if isinstance(value, str | int | float | bool | type(None)) else repr(value)
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        return json.dumps(payload, ensure_ascii=False)
