"""
Shared test setup.

The demo content (gazetteer, directory, page tree) is loaded once per test database; each test runs
in a transaction that is rolled back. Under CI=true a skipped test fails the run, except a test marked
`postgres_database` on SQLite: it needs the test database on PostgreSQL, and CI runs the suite there too.
"""

import os

import pytest
from django.core.cache import caches
from django.core.management import call_command

CI = os.environ.get("CI", "").lower() == "true"
POSTGRES_DATABASE_SKIP = (
    "needs the test database on PostgreSQL (row locks between connections): run with "
    "DATABASE_URL=postgres://…; CI runs the suite on PostgreSQL too"
)


def pytest_configure(config):
    config.addinivalue_line("markers", f"postgres_database: {POSTGRES_DATABASE_SKIP}; skipped on SQLite")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres_database"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip(POSTGRES_DATABASE_SKIP)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.utils.apphook_reload import reload_urlconf

    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        reload_urlconf()


@pytest.fixture(autouse=True)
def _clean_cms_state():
    """Caches (pages, placeholders, menus), the CMS's current user and the active language must not leak between
    tests."""
    from cms.utils.permissions import set_current_user
    from django.conf import settings
    from django.utils import translation

    for cache in caches.all():
        cache.clear()
    # Every test starts in the site's default language: a request served by the test client leaves its
    # language active in the thread, which would otherwise decide what reverse() gives in the next test.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    set_current_user(None)
    translation.activate(settings.LANGUAGE_CODE)
    for cache in caches.all():
        cache.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
    if CI and report.skipped and not hasattr(report, "wasxfail") and POSTGRES_DATABASE_SKIP not in str(reason):
        report.outcome = "failed"
        report.longrepr = f"Skipped under CI=true, which must not skip anything: {reason}"
