"""Caching and scale-out settings: the CMS page cache, its invalidation by directory changes, Redis, S3."""

import json

import pytest
from cms.cache import _get_cache_version
from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save
from django.test import Client

from iqportal.cache import directory_cache_key, directory_version
from tests.iqportal.servers import production_env, run_python

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_without_apphook_checks(settings):
    settings.APPHOOK_RELOAD_INTERVAL = 3600  # the URL-reload check asks the database once, then not again
    return Client()


def test_anonymous_cms_pages_come_from_the_page_cache(client_without_apphook_checks, django_assert_num_queries):
    client = client_without_apphook_checks
    first = client.get("/de/programm/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get("/de/programm/")
    assert again.status_code == 200
    assert again.content == first.content


def _office():
    return apps.get_model("landesnetzwerke", "Beratungsstelle").objects.order_by("pk").first()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda: _office().save(), id="office saved"),
        pytest.param(
            lambda: apps.get_model("landesnetzwerke", "Oeffnungszeit").objects.first().save(), id="opening hours saved"
        ),
        pytest.param(lambda: _office().landesnetzwerk.save(), id="network saved"),
        pytest.param(lambda: apps.get_model("fachstellen", "Fachstelle").objects.first().save(), id="Fachstelle saved"),
        pytest.param(
            lambda: apps.get_model("landesnetzwerke", "Sprechtag").objects.first().delete(), id="consultation deleted"
        ),
        pytest.param(lambda: _office().topics.clear(), id="office topics changed"),
    ],
)
def test_directory_changes_invalidate_the_page_cache_and_lotse_caches(
    client_without_apphook_checks, django_assert_max_num_queries, change
):
    client = client_without_apphook_checks
    client.get("/de/programm/")
    page_version, directory = _get_cache_version(), directory_version()
    key = directory_cache_key("lotse", "example")
    change()
    assert _get_cache_version() != page_version
    assert directory_version() != directory
    assert directory_cache_key("lotse", "example") != key
    response = client.get("/de/programm/")  # rendered again, not served from the stale cache
    assert response.status_code == 200
    assert getattr(response, "context", None) is not None or response.templates


def test_a_change_invalidates_again_when_its_transaction_commits(django_capture_on_commit_callbacks):
    """Another process may cache the old data between the save and the commit: the caches go stale twice."""
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            before = directory_version()
            _office().save()
            saved = directory_version()
    assert before != saved != directory_version()


def test_records_loaded_raw_leave_the_caches_alone():
    """loaddata (the restore procedure, which clears the caches itself) sends its signals with raw=True."""
    office = _office()
    page_version, directory = _get_cache_version(), directory_version()
    post_save.send(sender=type(office), instance=office, created=False, raw=True, using="default")
    assert (_get_cache_version(), directory_version()) == (page_version, directory)


def _settings_in_a_fresh_process(**env):
    code = """
import django, json; django.setup()
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages['default']
from filer import settings as filer_settings
print(json.dumps({
    'cache': settings.CACHES['default']['BACKEND'],
    'location': settings.CACHES['default'].get('LOCATION'),
    'cache_options': settings.CACHES['default'].get('OPTIONS', {}),
    'sessions': settings.SESSION_ENGINE,
    'cms_content_seconds': settings.CMS_CACHE_DURATIONS['content'],
    'storage': type(default_storage).__module__ + '.' + type(default_storage).__name__,
    'filer_storage': type(filer_settings.FILER_PUBLICMEDIA_STORAGE).__name__,
    'media_url': default_storage.url('filer_public/ab/report.pdf'),
    'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],
}))
"""
    result = run_python(code, env=production_env(DATABASE_URL="sqlite:///:memory:", **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_need_no_other_service():
    config = _settings_in_a_fresh_process()
    assert config["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert config["sessions"] == "django.contrib.sessions.backends.db"
    assert config["cms_content_seconds"] == 60
    assert config["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert config["media_url"] == "/media/filer_public/ab/report.pdf"


def test_redis_url_switches_cache_and_sessions_to_redis():
    config = _settings_in_a_fresh_process(REDIS_URL="redis://127.0.0.1:6379/5", CMS_CACHE_CONTENT_SECONDS="120")
    assert config["cache"] == "iqportal.cache_backends.FailFastRedisCache"
    assert config["location"] == "redis://127.0.0.1:6379/5"
    # A Redis that hangs costs one short timeout, then the breaker skips it (tests/iqportal/test_cache_backends.py).
    assert config["cache_options"] == {
        "socket_connect_timeout": 0.25,
        "socket_timeout": 0.25,
        "CIRCUIT_BREAKER_SECONDS": 30.0,
    }
    assert config["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert config["cms_content_seconds"] == 120


def test_a_bucket_switches_media_to_object_storage():
    config = _settings_in_a_fresh_process(
        AWS_STORAGE_BUCKET_NAME="iq-media",
        AWS_S3_CUSTOM_DOMAIN="media.iq.example.org",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",  # noqa: S106 - not a secret
    )
    # S3Storage, writing a safe Content-Type and Content-Disposition (iqportal/media_storage.py)
    assert config["storage"] == "iqportal.media_storage.MediaS3Storage"
    assert config["filer_storage"] == "MediaS3Storage"  # django-filer stores uploads there too
    assert config["media_url"] == "https://media.iq.example.org/filer_public/ab/report.pdf"
    assert "https://media.iq.example.org" in config["img_src"]


# --- whole responses for anonymous visitors ---------------------------------------------------------------


@pytest.fixture
def anonymous_cache(settings):
    settings.ANONYMOUS_CACHE_SECONDS = 600
    settings.APPHOOK_RELOAD_INTERVAL = 3600
    return Client()


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("/de/programm/", "/de/programm/"),
        ("/de/lotse/?q=10115&art=fest", "/de/lotse/?art=fest&q=10115"),  # the same search, normalised
        ("/api/beratungsstellen.json", "/api/beratungsstellen.json"),
    ],
)
def test_visitors_get_whole_responses_from_the_cache(anonymous_cache, django_assert_num_queries, first, again):
    original = anonymous_cache.get(first)
    assert original.status_code == 200
    with django_assert_num_queries(0):
        cached = anonymous_cache.get(again)
    assert cached.status_code == 200
    assert cached.content == original.content
    # The outer middleware still runs: fresh request id, security headers.
    assert cached["X-Request-ID"] != original["X-Request-ID"]
    assert cached["Content-Security-Policy"] == original["Content-Security-Policy"]
    assert cached["X-Frame-Options"] == "DENY"


def test_the_response_cache_follows_directory_changes(anonymous_cache, django_assert_max_num_queries):
    office = _office()
    path = f"/de/lotse/stelle/{office.pk}/"
    assert office.name in anonymous_cache.get(path).content.decode()
    office.name = "Beratungsstelle mit neuem Namen"
    office.save()
    assert "Beratungsstelle mit neuem Namen" in anonymous_cache.get(path).content.decode()


def test_editors_and_edit_requests_bypass_the_response_cache(anonymous_cache, django_user_model):
    anonymous_cache.get("/de/programm/")
    editor = django_user_model.objects.create_user("cache-editor", password="x" * 20, is_staff=True)
    anonymous_cache.force_login(editor)
    response = anonymous_cache.get("/de/programm/")
    assert "'unsafe-inline'" in response["Content-Security-Policy"]  # rendered for the editor, not cached
    assert Client().get("/de/programm/?toolbar_on").status_code in {200, 302}


def test_cached_responses_still_set_the_language_cookie(anonymous_cache):
    anonymous_cache.get("/en/programm/")
    visitor = Client()
    response = visitor.get("/en/programm/")
    assert response.cookies["django_language"].value == "en"


def test_pages_with_a_csrf_token_or_cookies_are_not_stored(rf, settings):
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from iqportal.middleware.response_cache import AnonymousResponseCacheMiddleware

    settings.ANONYMOUS_CACHE_SECONDS = 600
    middleware = AnonymousResponseCacheMiddleware(lambda request: HttpResponse("<p>form</p>"))
    with_token = rf.get("/de/kontakt/")
    get_token(with_token)
    assert middleware._entry(with_token, HttpResponse("<p>form</p>")) is None
    with_cookie = HttpResponse("<p>hello</p>")
    with_cookie.set_cookie("tracking", "1")
    assert middleware._entry(rf.get("/de/"), with_cookie) is None
    assert middleware._entry(rf.get("/de/"), HttpResponse("<p>hello</p>")) is not None
    assert middleware._lookup(rf.get("/de/", HTTP_COOKIE="sessionid=abc")) is None  # editors are never served
    assert middleware._lookup(rf.post("/de/")) is None
    # ?edit from a visitor is served the entry without it, never stored (tests/iqportal/test_response_cache_keys.py)
    assert middleware._lookup(rf.get("/de/?edit")).key(frozenset()) == middleware._lookup(rf.get("/de/")).key(
        frozenset()
    )
    assert middleware._lookup(rf.get("/api/beratungsstellen.json", HTTP_IF_NONE_MATCH='"abc"')) is None


def test_a_response_is_kept_no_longer_than_its_own_max_age(settings):
    """Office pages say "open now": they must not be served from the cache for ten minutes."""
    from django.http import HttpResponse
    from django.utils.cache import patch_cache_control

    from iqportal.middleware.response_cache import AnonymousResponseCacheMiddleware

    settings.ANONYMOUS_CACHE_SECONDS = 600
    short = HttpResponse("<p>open now</p>")
    patch_cache_control(short, max_age=60)
    assert AnonymousResponseCacheMiddleware._lifetime(short) == 60
    assert AnonymousResponseCacheMiddleware._lifetime(HttpResponse("<p>programme</p>")) == 600


def test_office_pages_with_open_now_are_cached_for_a_minute_at_most(anonymous_cache):
    office = _office()
    response = anonymous_cache.get(f"/de/lotse/stelle/{office.pk}/")
    assert response.status_code == 200
    assert "max-age=60" in response["Cache-Control"]
