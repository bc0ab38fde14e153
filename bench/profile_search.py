"""
Where the time of a Lotse search nobody made before goes: a profile (pyinstrument) of the search pages of the
HTTP benchmark's mix, on the production setup in one process.

    .venv/bin/python bench/profile_search.py                     # PostgreSQL and Redis when they answer
    .venv/bin/python bench/profile_search.py --searches 500 --html bench/results/profile.html

It builds a database with the demo content as http_bench.py does (benchlib.Site: DEBUG off, PostgreSQL, Redis),
warms what every search shares with 100 other searches, then requests `--searches` different search pages through
Django's whole middleware stack (the test client, no network: gunicorn and wrk are left out) and prints:

- the time per page (median, p90) and the database queries per page,
- the time by layer: database (the ORM and the driver), cache (Redis), templates, django CMS and menus, the Lotse's
  search, forms, the map, and the rest (middleware, URL resolving, ...), each frame's own time counted for the
  innermost layer it runs in,
- pyinstrument's call tree (`--html` writes its interactive page as well).

Nothing is asserted; timings are never part of the tests (they count queries instead).
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchlib import ROOT, Site, log, unique_searches

# Layers by where a frame's code lives (the first match wins, so the ORM counts as database, not as Django).
LAYERS = (
    ("database", ("/django/db/", "psycopg2", "sqlite3")),
    ("cache (Redis)", ("iqportal/cache_backends.py", "/redis/", "/django/core/cache/")),
    ("django CMS, menus", ("/cms/", "/menus/", "/treebeard/")),
    ("Lotse: search", ("lotse/search.py", "lotse/places.py", "landesnetzwerke/geo", "landesnetzwerke/models/")),
    ("Lotse: map", ("lotse/maps.py",)),
    ("forms", ("/django/forms/", "lotse/forms.py")),
    ("templates", ("/django/template/", "/classytags/", "/sekizai/", "/templatetags/", "lotse/presenters.py")),
)


def layer_of(path, inherited):
    for name, markers in LAYERS:
        if any(marker in path for marker in markers):
            return name
    return inherited


def time_by_layer(frame, inherited="middleware, URLs, other", totals=None):
    """{layer: seconds}: each frame's own time, counted for its innermost layer."""
    totals = {} if totals is None else totals
    layer = layer_of(frame.file_path or "", inherited)
    own = frame.time - sum(child.time for child in frame.children)
    totals[layer] = totals.get(layer, 0.0) + max(own, 0.0)
    for child in frame.children:
        time_by_layer(child, layer, totals)
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--searches", type=int, default=300, help="different search pages to profile (default 300)")
    parser.add_argument("--database", choices=["auto", "postgres", "sqlite"], default="auto")
    parser.add_argument("--cache", choices=["auto", "redis", "locmem"], default="auto")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML page here")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="iqportal-profile-"))
    site = Site(work, database=options.database, cache=options.cache)
    try:
        site.build()
        searches = unique_searches(site.env, options.searches)
        warm = [url for url in unique_searches(site.env, 100, seed=1) if url not in set(searches)]
        os.environ.update({**site.env, "DJANGO_SETTINGS_MODULE": "iqportal.settings"})
        sys.path.insert(0, str(ROOT))
        profile(searches, warm, site, options)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        site.drop()
        shutil.rmtree(work, ignore_errors=True)


def profile(searches, warm, site, options):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    log(f"warming up with {len(warm)} other searches ...")
    for url in warm:
        assert client.get(url).status_code == 200, url
    log(f"profiling {len(searches)} searches nobody made before ...")
    times, queries = [], []
    profiler = Profiler(interval=0.0005)
    for url in searches:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            profiler.start()
            response = client.get(url)
            profiler.stop()
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.append(len(captured))
    session = profiler.last_session
    root = session.root_frame()
    layers = time_by_layer(root)
    total = sum(layers.values())

    print(f"\nLotse search pages nobody asked for before: {len(searches)} in one process ({site.description})")
    deciles = statistics.quantiles(times, n=10)
    print(f"time per page: median {statistics.median(times):.1f} ms, p90 {deciles[-1]:.1f} ms (with the profiler)")
    print(f"database queries per page: median {statistics.median(queries):g}, min {min(queries)}, max {max(queries)}")
    print("\ntime by layer (each frame's own time, for its innermost layer):")
    for name, seconds in sorted(layers.items(), key=lambda item: -item[1]):
        print(f"  {name:28} {seconds / len(searches) * 1000:7.2f} ms per page  {seconds / total:6.1%}")
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    if options.html:
        options.html.parent.mkdir(parents=True, exist_ok=True)
        options.html.write_text(profiler.output_html())
        print(f"pyinstrument's page: {options.html}")


if __name__ == "__main__":
    main()
