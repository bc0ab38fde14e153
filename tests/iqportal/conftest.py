"""Fixtures for the tests that run the site in other processes (gunicorn, management commands)."""

import os
import sqlite3
import subprocess

import pytest
from django.db import connections

from tests.iqportal.servers import PG, psql


@pytest.fixture(scope="session")
def site_database_url(django_db_setup, django_db_blocker, tmp_path_factory):
    """
    The URL of a copy of the test database (demo content included) that other processes may use and
    change: an SQLite file, or a PostgreSQL database dropped at the end of the session.
    """
    with django_db_blocker.unblock():
        source = connections["default"]
        if source.vendor == "sqlite":
            source.ensure_connection()
            path = tmp_path_factory.mktemp("site") / "site.sqlite3"
            target = sqlite3.connect(path)
            source.connection.backup(target)  # no test transaction is open at session scope
            target.close()
            yield f"sqlite:///{path}"
            return
        name = f"iqportal_sitecopy_{os.getpid()}"
        psql(f"DROP DATABASE IF EXISTS {name}")
        psql(f"CREATE DATABASE {name}")
        dump = subprocess.run(
            ["pg_dump", "-h", PG["host"], "-U", PG["user"], "--no-owner", source.settings_dict["NAME"]],
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            ["psql", "-h", PG["host"], "-U", PG["user"], "-q", "-v", "ON_ERROR_STOP=1", name],
            input=dump.stdout,
            check=True,
            capture_output=True,
            timeout=300,
        )
    try:
        yield f"postgres://{PG['user']}@{PG['host']}:{PG['port']}/{name}"
    finally:
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic with production settings (hashed, compressed names), as the Docker build does."""
    from tests.iqportal.servers import manage, production_env

    root = tmp_path_factory.mktemp("staticfiles")
    manage("collectstatic", "--noinput", env=production_env(STATIC_ROOT=root, DATABASE_URL="sqlite:///:memory:"))
    return root
