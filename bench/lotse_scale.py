#!/usr/bin/env python
"""
Scale benchmark of the Lotse: the same searches with the 174 demo offices and with 100,000 offices.

    .venv/bin/python bench/lotse_scale.py                 # PostgreSQL "iqportal_bench" when reachable, else SQLite
    .venv/bin/python bench/lotse_scale.py --database sqlite --offices 20000 --repeat 10

It builds a database of its own (never the development or test database): PostgreSQL database
`iqportal_bench` on BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/iqportal_bench), dropped
and created afresh, or a temporary SQLite file. It migrates, loads the demo content (gazetteer, directory,
pages), times each search through the search service (landesnetzwerke.lotse.search_offices) and through the
whole HTML view (Django test client, no network), then adds synthetic offices up to --offices (placed like
the population, from the gazetteer's places, with topics, languages and consultation days), and times the
same searches again. It prints p50/p95 per search, the queries per search (which must not change), and the
ratio 100,000 / 174 of the median latencies.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/iqportal_bench"
SEARCHES = [
    {"query": "10115"},
    {"query": "80331"},
    {"query": "50667", "thema": "anerkennung"},
    {"query": "Leipzig"},
    {"query": "Muenchen", "sprache": "ar"},
    {"query": "20095", "art": "mobil"},
    {"query": "99084", "weg": "video", "radius_km": 25},
    {"query": "Sylt"},
    {"latitude": 51.34, "longitude": 12.37},
    {"land": "NW"},
]
FORM_NAMES = {"query": "q", "radius_km": "umkreis", "latitude": "lat", "longitude": "lon"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("auto", "postgres", "sqlite"), default="auto")
    parser.add_argument("--offices", type=int, default=100_000, help="offices in the large run (default 100,000)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per search (after one warm-up run)")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database afterwards")
    return parser.parse_args()


def postgres_reachable(url):
    try:
        import psycopg2
    except ImportError:
        return False
    parts = urlsplit(url)
    try:
        conn = psycopg2.connect(
            dbname="postgres",
            user=parts.username,
            password=parts.password,
            host=parts.hostname,
            port=parts.port or 5432,
            connect_timeout=3,
        )
    except psycopg2.Error:
        return False
    conn.close()
    return True


def postgres_admin(url, sql):
    import psycopg2

    parts = urlsplit(url)
    conn = psycopg2.connect(
        dbname="postgres", user=parts.username, password=parts.password, host=parts.hostname, port=parts.port or 5432
    )
    try:
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(sql)
    finally:
        conn.close()


def prepare_database(choice):
    """(DATABASE_URL, cleanup function) of a fresh database for the benchmark."""
    url = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    if choice in ("auto", "postgres") and postgres_reachable(url):
        name = urlsplit(url).path.lstrip("/") or "iqportal_bench"
        postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(url, f'CREATE DATABASE "{name}"')
        return urlunsplit(urlsplit(url)._replace(path=f"/{name}")), lambda: postgres_admin(
            url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        )
    if choice == "postgres":
        sys.exit(f"PostgreSQL is not reachable at {url}")
    directory = tempfile.mkdtemp(prefix="iqportal-bench-")
    path = Path(directory) / "bench.sqlite3"

    def cleanup():
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        Path(directory).rmdir()

    return f"sqlite:///{path}", cleanup


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "1"  # development settings: no collectstatic needed, fixed key
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "iqportal.settings"
    os.environ.pop("REDIS_URL", None)
    os.environ["ENV_FILE"] = ""  # the settings above, not a developer's .env (iqportal/env.py)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log while timing (CaptureQueriesContext still counts)


def load_demo_content():
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    from cms.utils.apphook_reload import reload_urlconf

    reload_urlconf()
    return time.perf_counter() - started


def add_synthetic_offices(total):
    """Offices up to `total`, placed like the population (gazetteer places, weighted), in bulk."""
    from django.db import connection, transaction
    from django.utils import timezone

    from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk, Ort, Sprache, Sprechtag, Thema

    missing = total - Beratungsstelle.objects.count()
    if missing <= 0:
        return 0.0
    started = time.perf_counter()
    rng = random.Random(2024)  # noqa: S311 - synthetic data
    rows = list(
        Ort.objects.filter(population__gt=0).values_list("latitude", "longitude", "bundesland", "plz", "population")
    )
    places = [row[:4] for row in rows]
    weights = [row[4] for row in rows]
    networks = {network.bundesland: network.pk for network in Landesnetzwerk.objects.all()}
    topic_ids = list(Thema.objects.values_list("pk", flat=True))
    language_ids = list(Sprache.objects.values_list("pk", flat=True))
    today = timezone.localdate()
    batch = 5000
    with transaction.atomic():
        for start in range(0, missing, batch):
            chosen = rng.choices(places, weights=weights, k=min(batch, missing - start))
            offices = []
            for number, (lat, lon, land, plz) in enumerate(chosen, start=start):
                mobile = rng.random() < 0.4
                offices.append(
                    Beratungsstelle(
                        kind=Beratungsstelle.Kind.MOBILE if mobile else Beratungsstelle.Kind.FIXED,
                        landesnetzwerk_id=networks[land],
                        bundesland=land,
                        name=f"Synthetische Beratungsstelle {number}",
                        street=f"Beispielweg {number % 200 + 1}",
                        plz=plz or "10115",
                        city="Beispielort",
                        latitude=lat + rng.uniform(-0.05, 0.05),
                        longitude=lon + rng.uniform(-0.08, 0.08),
                        in_person=rng.random() < 0.9,
                        by_phone=rng.random() < 0.8,
                        by_video=rng.random() < 0.4,
                        by_email=rng.random() < 0.8,
                        service_radius_km=rng.choice((20, 30, 50)) if mobile else None,
                        service_plz_prefixes=(plz or "1")[:3] if mobile and rng.random() < 0.3 else "",
                        published=True,
                        is_sample=True,
                        source_id=f"bench-{number}",
                    )
                )
            created = Beratungsstelle.objects.bulk_create(offices)
            if created and created[0].pk is None:
                names = [office.source_id for office in offices]
                created = list(Beratungsstelle.objects.filter(source_id__in=names))
            topics = Beratungsstelle.topics.through
            languages = Beratungsstelle.languages.through
            topics.objects.bulk_create(
                [
                    topics(beratungsstelle_id=office.pk, thema_id=topic)
                    for office in created
                    for topic in rng.sample(topic_ids, k=rng.randint(1, len(topic_ids)))
                ],
                batch_size=5000,
            )
            languages.objects.bulk_create(
                [
                    languages(beratungsstelle_id=office.pk, sprache_id=language)
                    for office in created
                    for language in rng.sample(language_ids, k=rng.randint(1, 4))
                ],
                batch_size=5000,
            )
            Sprechtag.objects.bulk_create(
                [
                    Sprechtag(
                        beratungsstelle_id=office.pk,
                        date=today + datetime.timedelta(days=rng.randint(-20, 60)),
                        starts=datetime.time(9),
                        ends=datetime.time(13),
                        place="Rathaus",
                    )
                    for office in created
                    if office.is_mobile
                    for _ in range(3)
                ],
                batch_size=5000,
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    from django.core.cache import caches

    for cache in caches.all():  # bulk inserts send no signals: drop what was cached about the directory
        cache.clear()
    return time.perf_counter() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(repeat):
    """{label: (service p50, service p95, view p50, queries)} in milliseconds."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import translation

    from landesnetzwerke.lotse import search as lotse

    client = Client()
    with translation.override("de"):
        search_path = reverse("lotse:search")
    measured = {}
    for params in SEARCHES:
        label = " ".join(f"{FORM_NAMES.get(k, k)}={v}" for k, v in params.items())
        url = f"{search_path}?{urlencode({FORM_NAMES.get(k, k): v for k, v in params.items()})}"
        lotse.search_offices(**params)  # warm-up
        service_times = []
        for _ in range(repeat):
            started = time.perf_counter()
            result = lotse.search_offices(**params)
            service_times.append((time.perf_counter() - started) * 1000)
        assert result.found, f"{label}: {result.status}"
        for cache in caches.all():
            cache.clear()
        client.get(url)
        view_times = []
        for _ in range(repeat):
            for cache in caches.all():
                cache.clear()  # no cached responses: every request runs the search
            started = time.perf_counter()
            response = client.get(url)
            view_times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, f"{url}: {response.status_code}"
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        measured[label] = (
            statistics.median(service_times),
            percentile(service_times, 0.95),
            statistics.median(view_times),
            len(queries),
            result.total,
            result.widened or result.radius_km is None,
        )
    return measured


def report(small, large, small_count, large_count, engine):
    print()
    print(f"Lotse scale benchmark ({engine}): {small_count:,} vs {large_count:,} published offices")
    header = (
        f"{'search':32} {'service p50/p95 ms':>22} {'':>22} {'ratio':>6}   "
        f"{'view p50 ms':>17} {'ratio':>6}   {'queries':>9}   {'results':>13}"
    )
    print(header)
    print(f"{'':32} {f'{small_count:,}':>22} {f'{large_count:,}':>22}")
    service_ratios, view_ratios = [], []
    for label, (s50, s95, v50, queries, hits, widened) in small.items():
        l50, l95, lv50, lqueries, lhits, large_widened = large[label]
        if widened != large_widened:
            label = f"{label} *"
        service_ratios.append(l50 / s50)
        view_ratios.append(lv50 / v50)
        print(
            f"{label:32} {s50:9.2f} / {s95:9.2f}  {l50:9.2f} / {l95:9.2f}  {l50 / s50:6.1f}   "
            f"{v50:7.1f} → {lv50:7.1f} {lv50 / v50:6.1f}   {queries:>3} → {lqueries:<3}   {hits:>5} → {lhits:<6}"
        )
    # A search whose radius was widened (nothing near) runs one or two more queries; compare the others.
    same_queries = all(small[label][3] == large[label][3] for label in small if small[label][5] == large[label][5])
    print()
    print(
        f"median ratio of the search service's p50 latency ({large_count:,} / {small_count:,} offices): "
        f"{statistics.median(service_ratios):.2f}"
    )
    print(f"median ratio of the whole page's p50 latency: {statistics.median(view_ratios):.2f}")
    print("* radius widened in one run only (nothing near): one or two more queries there, by design")
    print(f"queries per search unchanged (searches widened in neither or both runs): {'yes' if same_queries else 'NO'}")
    return same_queries


def main():
    args = parse_args()
    database_url, cleanup = prepare_database(args.database)
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"benchmark database: {engine} ({database_url.rsplit('/', 1)[-1]})", flush=True)
    try:
        setup_django(database_url)
        print(f"migrate + demo content: {load_demo_content():.1f} s", flush=True)
        from landesnetzwerke.models import Beratungsstelle

        small_count = Beratungsstelle.objects.published().count()
        small = measure(args.repeat)
        print(f"seeded up to {args.offices:,} offices in {add_synthetic_offices(args.offices):.1f} s", flush=True)
        large_count = Beratungsstelle.objects.published().count()
        large = measure(args.repeat)
        ok = report(small, large, small_count, large_count, engine)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            cleanup()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
