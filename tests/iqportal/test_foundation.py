"""The foundation's contracts: redirects, health check, robots, sitemap, production settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    """Runs code in a fresh interpreter with the project's settings and the given environment."""
    ignored = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    clean["DJANGO_SETTINGS_MODULE"] = "iqportal.settings"
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.django_db
def test_root_redirects_to_german(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


@pytest.mark.django_db
def test_healthz_answers_when_database_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_answers_503_when_database_is_unreachable(tmp_path):
    missing = tmp_path / "no-such-dir" / "db.sqlite3"
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    result = run_python(code, DEBUG="1", ALLOWED_HOSTS="testserver", DATABASE_URL=f"sqlite:///{missing}")
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert outcome["body"]["database"] == "down"


def test_production_refuses_to_start_without_secret_key():
    result = run_python("import django; django.setup()", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python("import django; django.setup()", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_settings_start_with_required_variables():
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    result = run_python(code, SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def _settings_with_env_file(tmp_path, lines, names, **env):
    """The named settings of a fresh process whose .env file (ENV_FILE) holds `lines`."""
    env_file = tmp_path / ".env"
    env_file.write_text("\n".join(lines) + "\n")
    code = f"import django, json; django.setup(); from django.conf import settings as s; print(json.dumps({names}))"
    result = run_python(code, ENV_FILE=str(env_file), **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_settings_read_a_dotenv_file(tmp_path):
    """What `make run` writes (iqportal/env.py): `manage.py createsuperuser` & co. work without exported variables."""
    lines = ["# development", "DEBUG=1", "ALLOWED_HOSTS=dev.example.org"]
    assert _settings_with_env_file(tmp_path, lines, "[s.DEBUG, s.ALLOWED_HOSTS]") == [True, ["dev.example.org"]]


def test_the_environment_wins_over_the_dotenv_file(tmp_path):
    lines = ["DEBUG=1", "SECRET_KEY=from-the-file"]
    env = {"DEBUG": "0", "SECRET_KEY": "s" * 50, "ALLOWED_HOSTS": "example.org"}
    assert _settings_with_env_file(tmp_path, lines, "[s.DEBUG, s.SECRET_KEY]", **env) == [False, "s" * 50]


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    for code, _name in settings.LANGUAGES:  # the admin answers under every language prefix
        assert f"Disallow: /{code}/admin/" in body


@pytest.mark.django_db
def test_sitemap_lists_pages_in_both_languages(client):
    from django.contrib.sites.models import Site

    domain = Site.objects.get_current().domain
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<loc>http://{domain}/de/programm/</loc>" in body
    assert f"<loc>http://{domain}/en/programm/</loc>" in body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_unknown_page_gives_friendly_404_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/this-page-does-not-exist/")
    assert response.status_code == 404
    body = response.content.decode()
    assert f'<html lang="{language}"' in body
    expected = {"de": "Seite nicht gefunden", "en": "Page not found"}[language]
    assert expected in body
