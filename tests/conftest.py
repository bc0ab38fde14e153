"""
Shared test setup.

The demo content (gazetteer, directory, page tree) is loaded once per test database; each test runs
in a transaction that is rolled back. Under CI=true a skipped test fails the run.
"""

import os

import pytest
from django.core.cache import caches
from django.core.management import call_command

CI = os.environ.get("CI", "").lower() == "true"


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
    if CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"Skipped under CI=true, which must not skip anything: {reason}"
