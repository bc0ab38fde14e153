"""
What the HTTP benchmark (http_bench.py) and the profile of a search (profile_search.py) share: finding PostgreSQL and
Redis on loopback, the environment of the production settings, a database of their own with the demo content, and
the mix of Lotse searches that nobody made before.
"""

import os
import random
import secrets
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
REDIS = ("127.0.0.1", 6379)
# The settings' own variables, replaced by the benchmark's.
OWN_VARIABLES = {"DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "CACHE_KEY_PREFIX", "ENV_FILE"}


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def port_open(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_ready():
    if not port_open("127.0.0.1", 5432):
        return False
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SELECT 1", "postgres"], capture_output=True
    )
    return result.returncode == 0


def redis_ready():
    if not port_open(*REDIS):
        return False
    with socket.create_connection(REDIS, timeout=2) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def run(args, env, **kwargs):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def psql(sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql, "postgres"], capture_output=True)


class Site:
    """
    A database of the benchmark's own (PostgreSQL when it answers, else an SQLite file in `work`) and the
    environment of the production settings (DEBUG off, Redis as the cache when it answers; Redis database 14 with a
    key prefix of this process, emptied afterwards). `build()` migrates and loads the demo content; `drop()` removes
    the database and the cache entries.
    """

    def __init__(self, work, *, database="auto", cache="auto"):
        self.work = Path(work)
        self.use_postgres = database == "postgres" or (database == "auto" and postgres_ready())
        self.use_redis = cache == "redis" or (cache == "auto" and redis_ready())
        self.database_name = f"iqportal_bench_{os.getpid()}"
        self.cache_prefix = f"bench{os.getpid()}"
        self.env = {key: value for key, value in os.environ.items() if key not in OWN_VARIABLES}
        self.env.update(
            {
                "DEBUG": "0",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
                "STATIC_ROOT": str(self.work / "static"),
                "MEDIA_ROOT": str(self.work / "media"),
                "DATABASE_URL": (
                    PG_URL.format(name=self.database_name)
                    if self.use_postgres
                    else f"sqlite:///{self.work / 'db.sqlite3'}"
                ),
                "LOG_FORMAT": "json",
                "ENV_FILE": "",  # the settings above, not a developer's .env (iqportal/env.py)
            }
        )
        if self.use_redis:
            self.env["REDIS_URL"] = f"redis://{REDIS[0]}:{REDIS[1]}/14"
            self.env["CACHE_KEY_PREFIX"] = self.cache_prefix

    @property
    def description(self):
        return f"database: {'PostgreSQL' if self.use_postgres else 'SQLite'}; cache: {self.cache_name}"

    @property
    def database(self):
        return "PostgreSQL" if self.use_postgres else "SQLite"

    @property
    def cache_name(self):
        return "Redis" if self.use_redis else "local memory"

    def build(self):
        if self.use_postgres:
            result = psql(f"CREATE DATABASE {self.database_name}")
            if result.returncode != 0:
                raise SystemExit(f"could not create the database: {result.stderr.decode()}")
        log(self.description)
        log("migrate, load the demo content, collectstatic ...")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], self.env)
        run([PYTHON, "manage.py", "load_demo_content", "-v0"], self.env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], self.env)

    def drop(self):
        if self.use_postgres:
            psql(f"DROP DATABASE IF EXISTS {self.database_name} WITH (FORCE)")
        if self.use_redis:
            # Only this run's keys: other processes may use the same Redis database.
            keys = subprocess.run(
                ["redis-cli", "-h", REDIS[0], "-n", "14", "--scan", "--pattern", f"{self.cache_prefix}:*"],
                capture_output=True,
                text=True,
            ).stdout.split()
            for start in range(0, len(keys), 500):
                subprocess.run(["redis-cli", "-h", REDIS[0], "-n", "14", "DEL", *keys[start : start + 500]])


# Searches nobody made before ------------------------------------------------------------------------------------

# Where the Lotse's page exists (the demo content translates it into these languages), weighted like the visitors.
LANGUAGES = (("de", 60), ("en", 15), ("ar", 7), ("fa", 6), ("uk", 7), ("tr", 5))
FILTERS = {
    "thema": ("anerkennung", "qualifizierung", "faire-integration", "arbeitgeber"),
    "sprache": ("ar", "fa", "uk", "tr", "en", "ru", "ti", "so", "ku", "fr"),
    "weg": ("vor-ort", "telefon", "video", "email"),
    "art": ("fest", "mobil"),
    "umkreis": ("10", "25", "100"),
}


def _gazetteer(env):
    """(postcodes, place names) of the gazetteer, read through Django in a subprocess with the site's settings."""
    script = (
        "import django, json; django.setup()\n"
        "from landesnetzwerke.models import Ort, Postleitzahl\n"
        "print(json.dumps([list(Postleitzahl.objects.values_list('code', flat=True)),"
        " list(Ort.objects.order_by('-population').values_list('name', flat=True)[:6000])]))"
    )
    output = run([PYTHON, "-c", script], {**env, "DJANGO_SETTINGS_MODULE": "iqportal.settings"}).stdout
    import json

    postcodes, places = json.loads(output.strip().splitlines()[-1])
    return postcodes, places


def unique_searches(env, count, *, seed=4711):
    """
    `count` different Lotse search URLs, as a visitor makes them: postcodes and place names (the 6,000 biggest
    places), a fifth with a filter or a radius, some on page 2 or from a position, in the Lotse's languages. No URL
    comes twice, so none can be answered from a cache of responses.
    """
    rng = random.Random(seed)
    postcodes, places = _gazetteer(env)
    languages = [code for code, weight in LANGUAGES for _ in range(weight)]
    urls = []
    seen = set()
    while len(urls) < count:
        roll = rng.random()
        params = {}
        if roll < 0.05:
            params.update(lat=f"{rng.uniform(47.6, 54.8):.4f}", lon=f"{rng.uniform(6.2, 14.8):.4f}")
        elif roll < 0.55:
            params["q"] = rng.choice(postcodes)
        else:
            params["q"] = rng.choice(places)
        if rng.random() < 0.2:
            name = rng.choice(list(FILTERS))
            params[name] = rng.choice(FILTERS[name])
        if rng.random() < 0.05:
            params["page"] = "2"
        url = f"/{rng.choice(languages)}/lotse/?{urlencode(params)}"
        if url not in seen:
            seen.add(url)
            urls.append(url)
    return urls
