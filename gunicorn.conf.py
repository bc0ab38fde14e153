"""
gunicorn configuration for IQ Portal: `gunicorn -c gunicorn.conf.py iqportal.wsgi`.

Every value can be overridden with the environment or a .env file (names below) or gunicorn's own GUNICORN_CMD_ARGS.
"""

import multiprocessing
import os

import gunicorn.http.wsgi

from iqportal.env import load_env_file

load_env_file()  # a .env file in the project, as the settings read it; the environment wins


def _env(name, default):
    """A setting from the environment; unset or empty means the default."""
    return os.environ.get(name, "").strip() or str(default)


# Where to listen. Behind a load balancer or reverse proxy that terminates TLS.
bind = _env("GUNICORN_BIND", f"{_env('HOST', '0.0.0.0')}:{_env('PORT', '8000')}")  # noqa: S104

# Workers from the CPU count (gunicorn's rule of thumb, 2 x cores + 1), capped so that a big host does not
# open more database connections than PostgreSQL allows; WEB_CONCURRENCY overrides. Without REDIS_URL the
# cache lives in each process's memory, and an editor's change would reach the other workers' caches only
# when they expire: then one worker with more threads, unless WEB_CONCURRENCY says otherwise.
_shared_cache = bool(_env("REDIS_URL", ""))
workers = int(_env("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 12) if _shared_cache else 1))
# Threads per worker: requests that wait on the database do not block the whole worker.
threads = int(_env("GUNICORN_THREADS", "2" if _shared_cache else "4"))
worker_class = "gthread" if threads > 1 else "sync"

# Timeouts. REQUEST_TIMEOUT: a request running longer is cut off by a watchdog in each worker, whatever the worker
# class (iqportal/request_deadline.py), and the worker restarts. GUNICORN_TIMEOUT: the master kills a worker that
# has not reported for that long (for sync workers that is also a request running too long; a gthread worker
# reports while its threads work). Graceful shutdown on deploy.
request_timeout = int(_env("REQUEST_TIMEOUT", "30"))
timeout = int(_env("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(_env("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(_env("GUNICORN_KEEPALIVE", "5"))

# Recycle workers now and then (guards against slow memory growth), jittered so they do not restart at once.
max_requests = int(_env("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(_env("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# Limits on the request line and headers (gunicorn answers 400 beyond them).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190


def when_ready(server):
    if workers > 1 and not _shared_cache:
        server.log.warning(
            "%d workers without REDIS_URL: each has its own cache, so editors' changes can take up to "
            "CMS_CACHE_CONTENT_SECONDS to show everywhere. Set REDIS_URL (see docs/deployment.md).",
            workers,
        )


def post_worker_init(worker):
    if request_timeout > 0:
        from iqportal.request_deadline import RequestDeadline

        worker.request_deadline = RequestDeadline(worker, request_timeout)
        worker.request_deadline.watch()


def pre_request(worker, req):
    worker.log.debug("%s %s", req.method, req.path)  # gunicorn's own pre_request
    if hasattr(worker, "request_deadline"):
        worker.request_deadline.started(req)


def post_request(worker, req, environ, resp):
    if hasattr(worker, "request_deadline"):
        worker.request_deadline.finished()


# Heartbeat files in memory, not on a (possibly slow or read-only) container disk.
if os.path.isdir("/dev/shm"):  # noqa: S108 - a RAM-backed folder is the point
    worker_tmp_dir = "/dev/shm"  # noqa: S108

# The Server header: gunicorn (since 20.1 without its version) always sends one and has no setting for it, so
# the name its responses carry is replaced here, before the workers start; the WSGI environ's SERVER_SOFTWARE
# (which holds the version) likewise. The proxy in front should not reveal its own version either
# (nginx: server_tokens off; docs/deployment.md).
gunicorn.http.wsgi.SERVER = SERVER_HEADER = "iqportal"
gunicorn.http.wsgi.SERVER_SOFTWARE = SERVER_HEADER

# Which proxies may set X-Forwarded-* (comma-separated addresses; "*" when only the proxy can reach us).
forwarded_allow_ips = _env("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr for the container runtime. LOG_FORMAT=json (production default): one JSON object per
# line with the request id; text: the combined log format plus the request id.
accesslog = "-"
errorlog = "-"
loglevel = _env("GUNICORN_LOG_LEVEL", "info")
_debug = _env("DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}
if _env("LOG_FORMAT", "text" if _debug else "json") == "json":
    logger_class = "iqportal.gunicorn_logging.JSONAccessLogger"
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "iqportal.logging.JSONFormatter"}},
        "handlers": {
            "error_console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
            "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": ["error_console"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
        "root": {"level": "WARNING", "handlers": []},
    }
else:
    access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms rid=%({x-request-id}o)s'
