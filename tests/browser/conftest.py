"""
Browser tests: Playwright drives Debian's Chromium against the real site, started once per session.

The site runs in a subprocess (`manage.py runserver --noreload`, settings tests/browser/server_settings.py)
on a free port with its OWN database: a temporary SQLite file, or, when DATABASE_URL points to
PostgreSQL, a separate database created here and dropped at the end. That process runs `migrate` and
`load_demo_content` itself. (pytest-django's live_server would need transactional tests, which flush
the session-wide demo data every other test relies on.)

Fixtures: `site_url`, `browser` (session), `new_page(width=…, height=…, language=…)` (a page in a
fresh context). Helpers (axe, screenshots, page checks) are in tests/browser/helpers.py.
Without /usr/bin/chromium the tests skip with a reason; under CI=true a skip fails the run
(tests/conftest.py).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.browser import helpers

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_SETTINGS = "tests.browser.server_settings"
STARTUP_TIMEOUT = 60  # seconds for the server to answer /healthz once the demo content is loaded
SETUP_TIMEOUT = 600  # seconds for migrate + load_demo_content
EDITOR_USERNAME = "browser-editor"
EDITOR_PASSWORD = "browser-editor-Passw0rt-2026"  # noqa: S105 (a throw-away database)


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: Playwright's sync API leaves an event loop registered in the main thread
    while it is open, which Django's async-safety check would take for an async context in later tests."""
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if browser_items:
        others = [item for item in items if not item.get_closest_marker("browser")]
        items[:] = others + browser_items


@pytest.fixture(autouse=True)
def _clean_cms_state():
    """Overrides tests/conftest.py's fixture of that name: browser tests drive the site in a subprocess and
    need no in-process CMS state cleaned (and must not touch the test database while Playwright runs)."""
    yield


# --- the site under test -------------------------------------------------------------------------


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _PostgresDatabase:
    """A database of its own on the PostgreSQL server named by DATABASE_URL, dropped afterwards."""

    def __init__(self, url):
        self.parts = urlsplit(url)
        base = self.parts.path.lstrip("/") or "iqportal"
        self.name = f"{base}_browser_{os.getpid()}"[:63]

    @property
    def url(self):
        return urlunsplit(self.parts._replace(path=f"/{self.name}"))

    def _admin(self, sql):
        import psycopg2

        conn = psycopg2.connect(
            dbname="postgres",
            user=self.parts.username,
            password=self.parts.password,
            host=self.parts.hostname,
            port=self.parts.port or 5432,
        )
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()

    def create(self):
        self.drop()
        self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# Variables of the developer's or CI's shell that must not reach the site under test.
_CLEARED = {
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "AWS_STORAGE_BUCKET_NAME",
    "SENTRY_DSN",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "LOG_FORMAT",
}


def _server_env(database_url, workdir):
    env = {key: value for key, value in os.environ.items() if key not in _CLEARED}
    env.update(
        DJANGO_SETTINGS_MODULE=SERVER_SETTINGS,
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
        LOG_LEVEL="WARNING",
    )
    return env


def _run_manage(args, env, log):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=SETUP_TIMEOUT,
    )
    log.write(f"$ manage.py {' '.join(args)}\n{result.stdout}\n")
    log.flush()
    if result.returncode != 0:
        tail = "\n".join(result.stdout.splitlines()[-40:])
        pytest.fail(f"`manage.py {' '.join(args)}` failed for the browser-test site:\n{tail}", pytrace=False)


def _wait_until_up(url, process, log_path):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The browser-test site exited early; see {log_path}:\n{log_path.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    pytest.fail(f"The browser-test site did not answer /healthz within {STARTUP_TIMEOUT} s; see {log_path}")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """Base URL (http://127.0.0.1:<port>) of the site, started once with its own database and the demo content.
    BROWSER_SITE_URL=http://127.0.0.1:8000 tests a site that is already running instead (e.g. `make run`)."""
    _require_chromium()
    if os.environ.get("BROWSER_SITE_URL"):
        yield os.environ["BROWSER_SITE_URL"].rstrip("/")
        return
    workdir = tmp_path_factory.mktemp("browser-site")
    log_path = workdir / "server.log"
    helpers.SERVER_LOG = log_path
    configured = os.environ.get("DATABASE_URL", "")
    postgres = _PostgresDatabase(configured) if configured.startswith(("postgres://", "postgresql://")) else None
    if postgres:
        postgres.create()
        database_url = postgres.url
    else:
        database_url = f"sqlite:///{workdir / 'site.sqlite3'}"
    env = _server_env(database_url, workdir)
    process = None
    try:
        with log_path.open("w") as log:
            _run_manage(["migrate", "--noinput", "--skip-checks"], env, log)
            _run_manage(["load_demo_content", "--skip-checks"], env, log)
            # An editor for the admin's tests (tests/browser/test_admin.py).
            editor = ["createsuperuser", "--noinput", "--username", EDITOR_USERNAME, "--email", "editor@example.org"]
            _run_manage(editor, {**env, "DJANGO_SUPERUSER_PASSWORD": EDITOR_PASSWORD}, log)
            port = _free_port()
            url = f"http://127.0.0.1:{port}"
            process = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            _wait_until_up(url, process, log_path)
            yield url
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if postgres:
            postgres.drop()


# --- the browser ---------------------------------------------------------------------------------


def _require_chromium():
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium fonts-noto-core) "
            "to run the browser tests."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("The playwright package is missing (pip install -r requirements-dev.txt).")


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser, site_url):
    """Factory: new_page(width=1280, height=800, language="de") → a Page in a fresh browser context."""
    contexts = []

    site_origin = site_url.rstrip("/")

    def make(width=1280, height=800, language="de", reduced_motion="reduce"):
        context = browser.new_context(
            base_url=site_url,
            viewport={"width": width, "height": height},
            locale=language,
            reduced_motion=reduced_motion,
            service_workers="block",
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        # The site must not load anything from another host (no CDN, fonts, maps): record any attempt.
        page.external_requests = []
        page.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((site_origin, "data:", "blob:", "about:"))
                else page.external_requests.append(request.url)
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()
