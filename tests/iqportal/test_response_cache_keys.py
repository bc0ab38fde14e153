"""
The anonymous response cache cannot be filled by strangers: it keys on the scheme, the host and only the
query parameters a page reads; django CMS's toolbar parameters do nothing for visitors; every entry expires.
"""

import json
import uuid

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor(settings):
    settings.ANONYMOUS_CACHE_SECONDS = 600
    settings.APPHOOK_RELOAD_INTERVAL = 3600
    return Client()


def response_entries():
    """The keys of the stored responses (local-memory cache of the tests)."""
    return sorted(key for key in cache._cache if ":iqportal:anon:" in key)


def test_unknown_parameters_are_served_the_entry_without_them(visitor, django_assert_num_queries):
    page = visitor.get("/de/")
    assert page.status_code == 200
    assert len(response_entries()) == 1
    for query in ("utm_x123=1", "utm_source=x&utm_medium=y", "x=1&x=2&y"):
        with django_assert_num_queries(0):
            response = visitor.get(f"/de/?{query}")
        assert response.status_code == 200
        assert response.content == page.content
    assert len(response_entries()) == 1


def test_unknown_parameters_never_create_entries(visitor):
    for number in range(5):
        assert visitor.get(f"/de/programm/?utm_x{number}=1").status_code == 200
    assert response_entries() == []
    assert "utm_x" not in visitor.get("/de/programm/").content.decode()  # rendered for itself, not taken over


def test_the_parameters_a_page_reads_make_their_own_entries_in_any_order(visitor, django_assert_num_queries):
    berlin = visitor.get("/de/lotse/?q=10115&art=fest")
    hamburg = visitor.get("/de/lotse/?q=20095")
    assert berlin.status_code == hamburg.status_code == 200
    assert berlin.content != hamburg.content
    assert len(response_entries()) == 2
    with django_assert_num_queries(0):
        again = visitor.get("/de/lotse/?art=fest&q=10115&utm_campaign=spring")
    assert again.content == berlin.content
    assert len(response_entries()) == 2


def test_an_entry_is_only_served_to_requests_that_agree_on_every_parameter_its_page_read(visitor):
    """The names a page reads are kept beside the entries; an entry stored without knowing them still fits."""
    visitor.get("/de/lotse/?q=10115")
    cache.delete_many([key for key in cache._cache if ":iqportal:anon-reads:" in key])
    response = visitor.get("/de/lotse/?q=20095")  # without the list of names: the q=10115 page must not come back
    assert "20095" in response.content.decode() or "Hamburg" in response.content.decode()
    assert response.content != visitor.get("/de/lotse/?q=10115").content


@pytest.mark.parametrize("parameter", ["toolbar_on", "edit", "structure", "toolbar_off", "preview", "language=en"])
def test_toolbar_parameters_from_visitors_neither_create_sessions_nor_bypass_the_cache(
    visitor, django_assert_num_queries, parameter
):
    page = visitor.get("/de/")
    sessions = Session.objects.count()
    with django_assert_num_queries(0):
        response = visitor.get(f"/de/?{parameter}")
    assert response.status_code == 200
    assert response.content == page.content
    assert "sessionid" not in response.cookies
    assert Session.objects.count() == sessions
    assert len(response_entries()) == 1


@pytest.mark.parametrize("parameter", ["toolbar_on", "edit", "structure", "language=x1"])
def test_toolbar_parameters_on_a_cold_cache_store_nothing_and_show_no_toolbar(visitor, parameter):
    sessions = Session.objects.count()
    response = Client().get(f"/de/programm/?{parameter}")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert Session.objects.count() == sessions
    assert 'id="cms-top"' not in response.content.decode()  # django CMS's toolbar (with its login form)
    assert response_entries() == []
    assert f"?{parameter}" not in visitor.get("/de/programm/").content.decode()


def test_editors_still_get_the_toolbar(client, django_user_model):
    editor = django_user_model.objects.create_superuser("toolbar-editor", password="x" * 20)
    client.force_login(editor)
    response = client.get("/de/?toolbar_on")
    assert response.status_code == 200
    assert 'id="cms-top"' in response.content.decode()


def test_an_https_request_does_not_give_later_plain_requests_https_urls(visitor, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    secure = visitor.get("/api/beratungsstellen.json", HTTP_X_FORWARDED_PROTO="https")
    assert json.loads(secure.content)["beratungsstellen"][0]["url"].startswith("https://")
    plain = visitor.get("/api/beratungsstellen.json")
    assert json.loads(plain.content)["beratungsstellen"][0]["url"].startswith("http://testserver/")
    assert len(response_entries()) == 2


def test_the_host_is_part_of_the_key(visitor, settings):
    settings.ALLOWED_HOSTS = ["testserver", "iq.example.org"]
    visitor.get("/api/beratungsstellen.json")
    other = visitor.get("/api/beratungsstellen.json", HTTP_HOST="iq.example.org")
    assert json.loads(other.content)["beratungsstellen"][0]["url"].startswith("http://iq.example.org/")


def test_every_key_the_site_stores_expires(visitor):
    """With Redis' maxmemory and allkeys-lru (docs/deployment.md) the cache is bounded; nothing is kept forever."""
    for path in ("/de/", "/de/programm/", "/en/lotse/?q=10115", "/de/lotse/stelle/1/", "/api/beratungsstellen.json"):
        visitor.get(path)
    assert response_entries()
    forever = [key for key, expires in cache._expire_info.items() if expires is None]
    assert forever == []


@pytest.fixture
def redis_cache(settings):
    """
    The site's cache (its own backend) on Redis database 12 under a key prefix of its own; yields a plain Redis
    client and the prefix, to read what the site stored and each key's time to live. Emptied before and after.
    """
    import redis

    from tests.iqportal.servers import REDIS, redis_available

    if not redis_available():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    prefix = f"ttl-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "iqportal.cache_backends.FailFastRedisCache",
            "LOCATION": f"redis://{REDIS[0]}:{REDIS[1]}/12",
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis(host=REDIS[0], port=REDIS[1], db=12)

    def empty():
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)

    empty()
    yield client, prefix
    empty()


def test_on_redis_every_key_has_a_ttl(visitor, redis_cache):
    client, prefix = redis_cache
    for path in ("/de/", "/de/programm/", "/en/lotse/?q=10115", "/de/lotse/stelle/1/", "/api/beratungsstellen.json"):
        assert visitor.get(path).status_code == 200
    keys = [key.decode() for key in client.scan_iter(f"{prefix}:*")]
    assert any(":iqportal:anon:" in key for key in keys)
    ttls = {key: client.ttl(key) for key in keys}  # -1: the key never expires
    assert {key: ttl for key, ttl in ttls.items() if not 0 < ttl <= 24 * 60 * 60} == {}
