"""
Scale-out: two gunicorn instances (two app hosts) with production settings share one PostgreSQL database
and one Redis. A login made on one is valid on the other, an office saved through one is seen through the
other at once (shared cache, invalidated through Redis), and both survive a dropped database connection.
"""

import html
import json
import os
import re
import socket
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.core.management import call_command

from tests.iqportal.servers import (
    HOST,
    PG,
    REDIS,
    gunicorn,
    manage,
    postgres_available,
    production_env,
    psql,
    redis_available,
    request,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

REDIS_DB = 13  # a database number of its own, emptied before and after
PASSWORD = "scale-out-Passw0rd-2024"


class Browser:
    """Just enough of a browser: a cookie jar per site and same-origin headers."""

    def __init__(self):
        self.cookies = {}

    def fetch(self, port, method, path, form=None):
        headers = {"Origin": f"https://{HOST}", "Referer": f"https://{HOST}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode([tuple(item) for item in form] if isinstance(form, list) else form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, response_headers, content = request(port, method, path, headers=headers, body=body)
        for line in response_headers.get("set-cookie", []):
            for name, morsel in SimpleCookie(line).items():
                self.cookies[name] = morsel.value
        return status, response_headers, content.decode("utf-8", "replace")


class FormReader(HTMLParser):
    """The fields of the first form with method=post that has the given input, as a browser would send them."""

    def __init__(self, required_field):
        super().__init__()
        self.required_field = required_field
        self.forms, self._current, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and attributes.get("method", "").lower() == "post":
            self._current = []
        elif self._current is None:
            return
        elif tag == "input" and attributes.get("name"):
            kind = attributes.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attributes:
                return
            self._current.append([attributes["name"], attributes.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select" and attributes.get("name"):
            self._select = {
                "name": attributes["name"],
                "first": None,
                "chosen": [],
                "multiple": "multiple" in attributes,
            }
        elif tag == "option" and self._select is not None:
            value = attributes.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attributes:
                self._select["chosen"].append(value)
        elif tag == "textarea" and attributes.get("name"):
            self._textarea = [attributes["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if self._current is None:
            return
        if tag == "select" and self._select is not None:
            chosen = self._select["chosen"] or ([] if self._select["multiple"] else [self._select["first"] or ""])
            self._current.extend([self._select["name"], value] for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._current.append([self._textarea[0], html.unescape(self._textarea[1]).lstrip("\n")])
            self._textarea = None
        elif tag == "form":
            self.forms.append(self._current)
            self._current = None

    def fields(self):
        for form in self.forms:
            if any(name == self.required_field for name, _value in form):
                return form
        raise AssertionError(f"no form with a {self.required_field!r} field")


@pytest.fixture
def shared_database(tmp_path):
    if not postgres_available():
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432 (user postgres)")
    if not redis_available():
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    exported = tmp_path / "content.json"
    call_command("export_content", output=str(exported))
    name = f"iqportal_scaleout_{os.getpid()}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(f"CREATE DATABASE {name}")
    url = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    try:
        setup_env = production_env(DATABASE_URL=url, DEBUG="1")
        manage("migrate", "--noinput", env=setup_env)
        manage("import_content", str(exported), env=setup_env)
        manage(
            "createsuperuser",
            "--noinput",
            "--username",
            "scaleout-admin",
            "--email",
            "admin@example.org",
            env={**setup_env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        )
        yield url, json.loads(exported.read_text())
    finally:
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def flush_redis_db():
    with socket.create_connection(REDIS, timeout=5) as sock:
        sock.sendall(f"*2\r\n$6\r\nSELECT\r\n${len(str(REDIS_DB))}\r\n{REDIS_DB}\r\n*1\r\n$7\r\nFLUSHDB\r\n".encode())
        assert sock.recv(64).count(b"+OK") >= 1


def test_two_app_hosts_share_sessions_cache_and_data(shared_database, static_root, tmp_path):
    url, content = shared_database
    flush_redis_db()
    env = production_env(
        DATABASE_URL=url,
        REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DB}",
        STATIC_ROOT=static_root,
        SECURE_SSL_REDIRECT="0",
        OTP_REQUIRED_FOR_STAFF="0",
        TMPDIR_FOR_LOGS=tmp_path,
    )
    office = next(
        obj for obj in content if obj["model"] == "landesnetzwerke.beratungsstelle" and obj["fields"].get("published")
    )
    office_path = f"/de/lotse/stelle/{office['pk']}/"
    try:
        with gunicorn(env, workers=2) as (port_a, _a, _log_a), gunicorn(env, workers=2) as (port_b, _b, _log_b):
            visitor = Browser()
            # B caches the office page data and the open-data API (in Redis).
            status, _headers, page = visitor.fetch(port_b, "GET", office_path)
            assert status == 200 and html.escape(office["fields"]["name"]) in page
            status, _headers, api = visitor.fetch(port_b, "GET", "/api/beratungsstellen.json")
            assert status == 200 and office["fields"]["name"] in api

            # An editor logs in on A ...
            editor = Browser()
            status, _headers, page = editor.fetch(port_a, "GET", "/de/admin/login/")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
            status, headers, _page = editor.fetch(
                port_a,
                "POST",
                "/de/admin/login/",
                {
                    "csrfmiddlewaretoken": token,
                    "username": "scaleout-admin",
                    "password": PASSWORD,
                    "next": "/de/admin/",
                },
            )
            assert status == 302, _page[:2000]
            assert "sessionid" in editor.cookies
            # ... and the session is valid on B.
            status, _headers, page = editor.fetch(port_b, "GET", "/de/admin/")
            assert status == 200 and "scaleout-admin" in page

            # The editor renames the office through A's admin (the form as the browser sends it) ...
            change_path = f"/de/admin/landesnetzwerke/beratungsstelle/{office['pk']}/change/"
            status, _headers, page = editor.fetch(port_a, "GET", change_path)
            assert status == 200
            reader = FormReader("name")
            reader.feed(page)
            fields = reader.fields()
            new_name = f"{office['fields']['name']} (umbenannt)"
            fields = [[name, new_name if name == "name" else value] for name, value in fields]
            status, _headers, page = editor.fetch(port_a, "POST", change_path, fields + [["_save", "1"]])
            assert status == 302, re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)[:5]

            # ... and B shows the new name at once: its cached copies were invalidated through Redis.
            status, _headers, page = visitor.fetch(port_b, "GET", office_path)
            assert status == 200 and html.escape(new_name) in page
            status, _headers, api = visitor.fetch(port_b, "GET", "/api/beratungsstellen.json")
            assert new_name in api

            # The database drops every connection (a restart or failover): both hosts recover by themselves.
            database = url.rsplit("/", 1)[1]
            terminate = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}' AND pid <> {}"
            psql(terminate.format(database, "pg_backend_pid()"))
            for port in (port_a, port_b, port_a, port_b):
                status, _headers, _page = visitor.fetch(port, "GET", "/de/lotse/?q=Berlin")
                assert status == 200
                assert visitor.fetch(port, "GET", "/healthz")[0] == 200
    finally:
        flush_redis_db()
