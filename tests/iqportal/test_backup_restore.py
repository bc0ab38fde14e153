"""Export all content and import it into an empty database: the result is identical and serves the site."""

import json
import os
import re
import subprocess
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connections
from django.db.models import ManyToManyField

from tests.iqportal.servers import PG, clone_sqlite_database, manage, production_env, psql, run_python

pytestmark = pytest.mark.django_db


# Django's JSON serializer writes datetimes to the millisecond: "…:53.000Z" (under a millisecond past the
# second) loads back as "…:53Z". The same instant, so the comparison drops an all-zero fraction.
_ZERO_FRACTION = re.compile(r"(T\d\d:\d\d:\d\d)\.000(Z|[+-]\d\d:\d\d)?\b")


def canonical(path):
    """The dump as a sorted list of JSON strings; many-to-many values sorted (their order is not content)."""
    objects = json.loads(_ZERO_FRACTION.sub(r"\1\2", path.read_text()))
    lines = []
    for obj in objects:
        model = apps.get_model(obj["model"])
        fields = dict(obj["fields"])
        for name, value in fields.items():
            if isinstance(value, list) and isinstance(model._meta.get_field(name), ManyToManyField):
                fields[name] = sorted(value, key=json.dumps)
        lines.append(json.dumps({"model": obj["model"], "pk": obj.get("pk"), "fields": fields}, sort_keys=True))
    return sorted(lines)


def empty_database_like_the_test_database(tmp_path):
    """A new database with the schema and no content, as `manage.py migrate` leaves it; returns its URL."""
    source = connections["default"]
    if source.vendor == "sqlite":
        path = clone_sqlite_database(source, tmp_path / "restored.sqlite3")  # the schema; emptied below
        url = f"sqlite:///{path}"
        manage("flush", "--noinput", env=production_env(DEBUG="1", DATABASE_URL=url))
        return url, None
    name = f"iqportal_restore_{os.getpid()}"
    psql(f"DROP DATABASE IF EXISTS {name}")
    psql(f"CREATE DATABASE {name}")
    test_db = source.settings_dict["NAME"]
    for extra in (["--schema-only"], ["--data-only", "--table=django_migrations"]):
        dump = subprocess.run(
            ["pg_dump", "-h", PG["host"], "-U", PG["user"], "--no-owner", *extra, test_db],
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(
            ["psql", "-h", PG["host"], "-U", PG["user"], "-q", "-v", "ON_ERROR_STOP=1", name],
            input=dump.stdout,
            check=True,
            capture_output=True,
            timeout=120,
        )
    url = f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    # Nothing to apply; creates the content types, permissions and the default site, as on a new database.
    manage("migrate", "--noinput", "--skip-checks", env=production_env(DEBUG="1", DATABASE_URL=url))
    return url, name


def test_export_import_round_trip_into_an_empty_database(tmp_path, django_user_model):
    # An editor's change leaves history, which a restore must keep (it is the office's audit trail).
    from django.contrib.admin.models import CHANGE, LogEntry

    from landesnetzwerke.models import Beratungsstelle

    editor = django_user_model.objects.create_user("restore-editor", password="a-long-editor-password-1")
    office = Beratungsstelle.objects.order_by("pk").first()
    LogEntry.objects.log_actions(editor.pk, [office], CHANGE, change_message="Telefon geändert")
    exported = tmp_path / "content.json"
    call_command("export_content", output=str(exported))
    models = Counter(obj["model"] for obj in json.loads(exported.read_text()))
    for label in [
        "cms.page",
        "cms.pagecontent",
        "cms.pageurl",
        "cms.placeholder",
        "cms.cmsplugin",
        "djangocms_versioning.version",
        "landesnetzwerke.landesnetzwerk",
        "landesnetzwerke.beratungsstelle",
        "fachstellen.fachstelle",
        "admin.logentry",
    ]:
        assert models[label] > 0, f"nothing of {label} exported"

    url, pg_name = empty_database_like_the_test_database(tmp_path)
    try:
        env = production_env(DEBUG="1", DATABASE_URL=url)
        manage("import_content", str(exported), env=env)
        again = tmp_path / "again.json"
        manage("export_content", "--output", str(again), env=env)
        assert Counter(obj["model"] for obj in json.loads(again.read_text())) == models
        assert canonical(again) == canonical(exported)

        # The restored database serves the published pages and the directory.
        code = """
import django, json; django.setup()
from cms.utils.apphook_reload import reload_urlconf; reload_urlconf()
from django.test import Client
from landesnetzwerke.models import Beratungsstelle
c = Client(HTTP_HOST='localhost')
office = Beratungsstelle.objects.order_by('pk').first()
paths = ['/de/', '/en/programm/', '/de/lotse/', f'/de/lotse/stelle/{office.pk}/']
print(json.dumps([c.get(p).status_code for p in paths]))
"""
        result = run_python(code, env=env)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout.strip().splitlines()[-1]) == [200, 200, 200, 200]
    finally:
        if pg_name:
            psql(f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)")
