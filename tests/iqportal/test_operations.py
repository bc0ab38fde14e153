"""Operations: the Docker image's command and health check, gunicorn's config, JSON logs with request ids."""

import json
import logging
import re
import shlex
import subprocess

import pytest

from iqportal.logging import JSONFormatter, RequestIDFilter, clean_request_id, set_request_id
from tests.iqportal.servers import HOST, ROOT, VENV_BIN, gunicorn, production_env, request

pytestmark = pytest.mark.django_db


def dockerfile_instruction(name):
    """The JSON-array argument of a Dockerfile instruction (CMD, or HEALTHCHECK ... CMD)."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    for line in text.splitlines():
        if line.startswith(f"{name} "):
            return json.loads(line[line.index("[") :])
    raise AssertionError(f"no {name} in the Dockerfile")


def test_dockerfile_follows_the_house_rules():
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("# IQ Portal") and "FROM python:3.11-slim" in text
    assert text.index("COPY requirements.txt") < text.index("COPY . .")  # dependencies cached
    assert "PYTHONUNBUFFERED=1" in text
    assert "collectstatic --noinput" in text and "SECRET_KEY=build-only" in text
    user_line = next(line for line in text.splitlines() if line.startswith("USER "))
    assert user_line != "USER root"
    assert "curl" not in dockerfile_instruction("HEALTHCHECK")
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    for entry in (".git", ".venv", ".env", "db.sqlite3", "media"):
        assert entry in ignored


def test_the_image_installs_no_test_tools():
    """requirements.txt is what the image installs: the site's packages only, no browser driver or test tools."""
    site = {
        line.split("==")[0].lower() for line in (ROOT / "requirements.txt").read_text().splitlines() if "==" in line
    }
    assert {"django", "django-cms", "gunicorn", "psycopg2-binary", "whitenoise"} <= site
    assert not site & {"pytest", "pytest-django", "playwright", "axe-playwright-python", "hypothesis", "ruff"}
    dev = (ROOT / "requirements-dev.txt").read_text().splitlines()
    assert "-r requirements.txt" in dev and any(line.startswith("pytest==") for line in dev)


def test_the_images_command_serves_the_site_with_production_settings(site_database_url, static_root, tmp_path):
    command = dockerfile_instruction("CMD")
    assert command[:2] == ["gunicorn", "iqportal.wsgi"] and "gunicorn.conf.py" in command
    env = production_env(DATABASE_URL=site_database_url, STATIC_ROOT=static_root, TMPDIR_FOR_LOGS=tmp_path)
    with gunicorn(env, workers=2) as (port, _process, log_path):
        status, headers, body = request(port, "GET", "/healthz", headers={"X-Request-ID": "probe-4711"})
        assert status == 200 and json.loads(body)["database"] == "up"
        assert headers["x-request-id"] == ["probe-4711"]

        css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', request(port, "GET", "/de/")[2]).group(1)
        status, headers, body = request(port, "GET", css.decode(), headers={"Accept-Encoding": "gzip"})
        assert status == 200 and headers["content-encoding"] == ["gzip"]
        assert "immutable" in headers["cache-control"][0]  # hashed name: cached for good

        status, headers, _body = request(port, "GET", "/de/")
        assert status == 200
        assert "strict-transport-security" in headers and "content-security-policy" in headers
        assert headers["server"] == ["iqportal"]  # neither "gunicorn" nor a version
        assert headers["cross-origin-resource-policy"] == ["same-origin"]
        status, headers, _body = request(port, "GET", "/de/", headers={"X-Forwarded-Proto": "http"})
        assert status == 301 and headers["location"] == [f"https://{HOST}/de/"]

        # The image's HEALTHCHECK command, run as Docker would run it.
        probe = dockerfile_instruction("HEALTHCHECK")
        assert probe[0] == "python"
        result = subprocess.run(
            [str(VENV_BIN / "python"), *probe[1:]], env={**env, "PORT": str(port)}, capture_output=True, timeout=30
        )
        assert result.returncode == 0, result.stderr

    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert any(line["request_id"] == "probe-4711" and line["path"] == "/healthz" for line in access)
    assert all({"time", "level", "status", "duration_ms", "method"} <= set(line) for line in access)
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)


def test_the_healthcheck_fails_when_nothing_answers():
    probe = dockerfile_instruction("HEALTHCHECK")
    result = subprocess.run(
        [str(VENV_BIN / "python"), *probe[1:]],
        env=production_env(PORT="1"),
        capture_output=True,
        timeout=30,
    )
    assert result.returncode != 0


def test_gunicorn_config_derives_workers_from_the_cpu_count():
    code = (
        "import runpy, json, multiprocessing; c = runpy.run_path('gunicorn.conf.py');"
        "print(json.dumps({k: c[k] for k in ['workers', 'timeout', 'graceful_timeout', 'bind', 'threads']}"
        " | {'cpus': multiprocessing.cpu_count()}))"
    )

    def config_for(**overrides):
        env = production_env(WEB_CONCURRENCY=None, GUNICORN_BIND=None, GUNICORN_THREADS=None, **overrides)
        result = subprocess.run(
            [str(VENV_BIN / "python"), "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        return json.loads(result.stdout)

    config = config_for(PORT="8123", REDIS_URL="redis://127.0.0.1:6379/1")
    assert config["workers"] == min(config["cpus"] * 2 + 1, 12)
    assert config["timeout"] == 30 and config["graceful_timeout"] == 30
    assert config["bind"] == "0.0.0.0:8123"
    # Without a shared cache, workers could not invalidate each other's caches: one worker, more threads.
    alone = config_for(REDIS_URL=None)
    assert (alone["workers"], alone["threads"]) == (1, 4)


def test_gunicorn_config_is_valid_for_gunicorn():
    result = subprocess.run(
        [str(VENV_BIN / "gunicorn"), "--check-config", "-c", "gunicorn.conf.py", "iqportal.wsgi"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- request ids and structured logs --------------------------------------------------------------------


def test_request_id_is_taken_from_the_proxy_or_generated(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-abc-123")
    assert response["X-Request-ID"] == "lb-abc-123"
    generated = client.get("/healthz")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    hostile = client.get("/healthz", HTTP_X_REQUEST_ID='x" onmouseover=alert(1) ' + "a" * 300)["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", hostile)


@pytest.mark.parametrize("value", ["", " ", "a b", "x" * 129, "ä", "-leading-dash", "new\nline"])
def test_malformed_request_ids_are_replaced(value):
    assert re.fullmatch(r"[0-9a-f]{32}", clean_request_id(value))


def test_log_records_are_json_with_the_request_id():
    record = logging.LogRecord("iqportal", logging.WARNING, __file__, 1, "Office %s saved", ("42",), None)
    record.office_id = 42
    set_request_id("req-77")
    RequestIDFilter().filter(record)
    line = json.loads(JSONFormatter().format(record))
    assert line["message"] == "Office 42 saved"
    assert line["request_id"] == "req-77"
    assert line["level"] == "WARNING" and line["logger"] == "iqportal"
    assert line["office_id"] == 42


def test_errors_carry_the_traceback_in_one_line():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), __import__("sys").exc_info())
    output = JSONFormatter().format(record)
    assert "\n" not in output
    assert "ValueError: boom" in json.loads(output)["exception"]


def test_sentry_is_initialised_only_with_a_dsn():
    code = "import django; django.setup(); import sentry_sdk; print(sentry_sdk.get_client().is_active())"
    without = subprocess.run(
        [str(VENV_BIN / "python"), "-c", code], cwd=ROOT, env=production_env(), capture_output=True, text=True
    )
    assert without.stdout.strip().splitlines()[-1] == "False", without.stderr
    dsn = "http://public@127.0.0.1:9/1"  # loopback: nothing may leave the machine
    with_dsn = subprocess.run(
        [str(VENV_BIN / "python"), "-c", code],
        cwd=ROOT,
        env=production_env(SENTRY_DSN=dsn),
        capture_output=True,
        text=True,
    )
    assert with_dsn.stdout.strip().splitlines()[-1] == "True", with_dsn.stderr


def test_env_example_documents_every_variable():
    """Every environment variable the settings, gunicorn config or Dockerfile read is in .env.example."""
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    sources = [ROOT / "iqportal" / "settings.py", ROOT / "gunicorn.conf.py"]
    used = set()
    for source in sources:
        text = source.read_text()
        used |= set(re.findall(r"""env(?:_bool|_list|_int|_float)?\(\s*["']([A-Z][A-Z0-9_]+)["']""", text))
        used |= set(re.findall(r"""os\.environ(?:\.get)?[\(\[]\s*["']([A-Z][A-Z0-9_]+)["']""", text))
    assert not sorted(used - documented), shlex.join(sorted(used - documented))


def test_a_redis_outage_gives_one_warning_not_an_error_per_request(caplog, monkeypatch):
    """Redis down: pages work without the cache, and the log (and Sentry) is not flooded with tracebacks."""
    from iqportal import cache_backends
    from iqportal.cache_backends import FailFastRedisCache

    monkeypatch.setattr(cache_backends, "_breakers", {})  # no breaker left open by an earlier test

    nothing_listens = "redis://127.0.0.1:9/0"  # the discard port: connections are refused
    cache = FailFastRedisCache(nothing_listens, {"OPTIONS": {"socket_connect_timeout": 0.5}})

    with caplog.at_level(logging.DEBUG, logger="iqportal.cache"):
        values = [cache.get("some-key", "fallback") for _ in range(20)]

    assert values == ["fallback"] * 20  # the site goes on without its cache
    records = [record for record in caplog.records if record.name == "iqportal.cache"]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING and records[0].exc_info is None
    assert "unavailable" in records[0].getMessage()
