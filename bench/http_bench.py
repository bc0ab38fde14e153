"""
HTTP benchmark of IQ Portal under gunicorn with production settings, driven by wrk on loopback.

    .venv/bin/python bench/http_bench.py            # or: make bench
    .venv/bin/python bench/http_bench.py --duration 5 --connections 16 --database sqlite

It builds a database with the demo content (PostgreSQL on 127.0.0.1:5432 when it answers, else an SQLite
file), collects the static files as the Docker image does, starts gunicorn with gunicorn.conf.py and DEBUG
off (Redis as the cache when it answers on 127.0.0.1:6379), warms the caches and runs wrk against:

- a static file served by whitenoise (the stack's ceiling),
- /healthz (one database query),
- a CMS page (/de/programm/, anonymous: from the CMS page cache),
- a Lotse search (/de/lotse/?q=10115), repeated as a popular search would be (served from the response cache),
- Lotse searches nobody made before: every request a different URL (postcodes, place names, filters, radii,
  positions, page 2, six languages; benchlib.unique_searches), so none is answered from the response cache,

and prints requests/s, p50 and p99 latency, and the ratios CMS page/static and Lotse/static from the same run.
Every request stays on 127.0.0.1; each wrk run is bounded by --duration. Results also go to bench/results/.
"""

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchlib import PYTHON, ROOT, Site, log, unique_searches

BIN = Path(PYTHON).parent
UNIQUE = "/<lang>/lotse/?<a search nobody made before>"
TARGETS = [
    ("static file (whitenoise)", None),
    ("/healthz", "/healthz"),
    ("CMS page /de/programm/", "/de/programm/"),
    ("Lotse search /de/lotse/?q=10115", "/de/lotse/?q=10115"),
    ("Lotse, searches nobody made before", UNIQUE),
]
# Every request takes the next URL of the list (threads take turns), so no URL is asked for twice.
LUA_UNIQUE = """
local paths = {%s}
local counter = 0
local threads = {}
offset = 0
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
request = function()
  local index = (offset + counter * %d) %% #paths + 1
  counter = counter + 1
  return wrk.format("GET", paths[index])
end
"""
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
UNIQUE_SEARCHES = 30000  # more than the fastest run makes in --duration seconds; more are warned about


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port, path, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def parse_duration_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(port, path, *, duration, connections, threads, script=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", str(script)]
    command.append(f"http://127.0.0.1:{port}{path}")
    output = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "requests_per_second": rps,
        "p50_ms": parse_duration_ms(percentiles["50"]),
        "p99_ms": parse_duration_ms(percentiles["99"]),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }


def lua_list(paths):
    return ", ".join(json.dumps(path) for path in paths)  # JSON strings are valid Lua strings here (ASCII, escaped)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1, leaves the cores to gunicorn)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py, from the CPUs)")
    parser.add_argument("--database", choices=["auto", "postgres", "sqlite"], default="auto")
    parser.add_argument("--cache", choices=["auto", "redis", "locmem"], default="auto")
    options = parser.parse_args()

    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get update && apt-get install -y wrk)")

    work = Path(tempfile.mkdtemp(prefix="iqportal-bench-"))
    site = Site(work, database=options.database, cache=options.cache)
    env = site.env
    if options.workers:
        env["WEB_CONCURRENCY"] = str(options.workers)

    server = None
    try:
        site.build()
        port = free_port()
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        access_log = open(work / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "iqportal.wsgi", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=access_log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(port, "/healthz", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start:\n{(work / 'gunicorn.log').read_text()[-3000:]}")
            time.sleep(0.2)

        searches = unique_searches(env, UNIQUE_SEARCHES)
        lua = work / "unique_searches.lua"
        lua.write_text(LUA_UNIQUE % (lua_list(searches), options.threads))

        status, page = get(port, "/de/programm/")
        assert status == 200, status
        static_path = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1).decode()
        paths = [(label, path or static_path) for label, path in TARGETS]
        log("warming up (every worker, every cache) ...")
        for _label, path in paths:
            if path == UNIQUE:
                # Warm what every search shares (menus, the Lotse's page, the directory), with searches that are
                # not in the measured list.
                for warm in unique_searches(env, 100, seed=1):
                    if warm not in searches:
                        status, _body = get(port, warm)
                        assert status == 200, (warm, status)
                continue
            for _ in range(100):
                status, _body = get(port, path)
                assert status == 200, (path, status)

        results = []
        for label, path in paths:
            log(f"wrk {options.duration}s: {path}")
            result = run_wrk(
                port,
                "/" if path == UNIQUE else path,
                duration=options.duration,
                connections=options.connections,
                threads=options.threads,
                script=lua if path == UNIQUE else None,
            )
            if path == UNIQUE and result["requests"] > len(searches):
                log(f"warning: {result['requests']} requests, only {len(searches)} different searches")
            results.append({"label": label, "path": path, **result})
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        site.drop()
        shutil.rmtree(work, ignore_errors=True)

    static = results[0]["requests_per_second"]
    cms = next(r for r in results if r["label"].startswith("CMS"))["requests_per_second"]
    lotse = next(r for r in results if r["label"].startswith("Lotse search"))["requests_per_second"]
    unique = next(r for r in results if r["path"] == UNIQUE)
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    summary = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} CPU ({cpu}), {platform.system()} {platform.release()}",
        "load_average": " ".join(f"{value:.2f}" for value in os.getloadavg()),
        "database": site.database,
        "cache": site.cache_name,
        "workers": options.workers or "gunicorn.conf.py default",
        "wrk": f"-t{options.threads} -c{options.connections} -d{options.duration}s",
        "results": results,
        "ratio_cms_to_static": round(cms / static, 3),
        "ratio_lotse_to_static": round(lotse / static, 3),
        "ratio_uncached_lotse_to_static": round(unique["requests_per_second"] / static, 3),
        "uncached_lotse_p99_to_p50": round(unique["p99_ms"] / unique["p50_ms"], 2),
    }

    print(f"\nIQ Portal HTTP benchmark, {summary['date']}")
    print(f"machine: {summary['machine']}; load average after the run: {summary['load_average']}")
    print(f"database: {summary['database']}; cache: {summary['cache']}; wrk {summary['wrk']}")
    print(f"{'target':38} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'non-2xx':>8}")
    for row in results:
        print(
            f"{row['label']:38} {row['requests_per_second']:10.1f} {row['p50_ms']:9.2f} {row['p99_ms']:9.2f} "
            f"{row['non_2xx']:8d}"
        )
    print(f"ratio CMS page / static: {summary['ratio_cms_to_static']:.2f} (aim >= 0.5)")
    print(f"ratio Lotse / static:    {summary['ratio_lotse_to_static']:.2f} (aim >= 0.2)")
    print(
        f"ratio Lotse, searches nobody made before / static: {summary['ratio_uncached_lotse_to_static']:.2f} "
        f"(aim >= 0.15), p99 / p50: {summary['uncached_lotse_p99_to_p50']:.1f} (aim <= 10)"
    )
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "http_bench_latest.json").write_text(json.dumps(summary, indent=2))
    if any(row["non_2xx"] for row in results):
        raise SystemExit("some responses were not 2xx: see the table")


if __name__ == "__main__":
    main()
