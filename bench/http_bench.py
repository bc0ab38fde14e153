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
- Lotse searches for 2000 different postcodes in random order (mostly cache misses: the search itself),

and prints requests/s, p50 and p99 latency, and the ratios CMS page/static and Lotse/static from the same run.
Every request stays on 127.0.0.1; each wrk run is bounded by --duration. Results also go to bench/results/.
"""

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
REDIS = ("127.0.0.1", 6379)
TARGETS = [
    ("static file (whitenoise)", None),
    ("/healthz", "/healthz"),
    ("CMS page /de/programm/", "/de/programm/"),
    ("Lotse search /de/lotse/?q=10115", "/de/lotse/?q=10115"),
    ("Lotse, 2000 different PLZ (uncached)", "/de/lotse/?q=<random PLZ>"),
]
RANDOM_PLZ = "/de/lotse/?q=<random PLZ>"
LUA_RANDOM_PLZ = """
local codes = {%s}
math.randomseed(4711)
request = function()
  return wrk.format("GET", "/de/lotse/?q=" .. codes[math.random(#codes)])
end
"""
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}


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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


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
    use_postgres = options.database == "postgres" or (options.database == "auto" and postgres_ready())
    use_redis = options.cache == "redis" or (options.cache == "auto" and redis_ready())
    database_name = f"iqportal_bench_{os.getpid()}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "STATIC_ROOT": str(work / "static"),
            "MEDIA_ROOT": str(work / "media"),
            "DATABASE_URL": PG_URL.format(name=database_name) if use_postgres else f"sqlite:///{work / 'db.sqlite3'}",
            "LOG_FORMAT": "json",
            "ENV_FILE": "",  # the settings above, not a developer's .env (iqportal/env.py)
        }
    )
    if use_redis:
        env["REDIS_URL"] = f"redis://{REDIS[0]}:{REDIS[1]}/14"
        env["CACHE_KEY_PREFIX"] = f"bench{os.getpid()}"
    if options.workers:
        env["WEB_CONCURRENCY"] = str(options.workers)

    server = None
    try:
        if use_postgres:
            run(
                ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {database_name}", "postgres"],
                env,
            )
        log(
            f"database: {'PostgreSQL' if use_postgres else 'SQLite'}; cache: {'Redis' if use_redis else 'local memory'}"
        )
        log("migrate, load the demo content, collectstatic ...")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "load_demo_content", "-v0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)

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

        codes = run(
            [
                PYTHON,
                "-c",
                "import django; django.setup(); from landesnetzwerke.models.gazetteer import Postleitzahl;"
                "print(' '.join(Postleitzahl.objects.order_by('?').values_list('code', flat=True)[:2000]))",
            ],
            {**env, "DJANGO_SETTINGS_MODULE": "iqportal.settings"},
        ).stdout.split()
        lua = work / "random_plz.lua"
        lua.write_text(LUA_RANDOM_PLZ % ", ".join(f'"{code}"' for code in codes if code.isdigit()))

        status, page = get(port, "/de/programm/")
        assert status == 200, status
        static_path = re.search(rb'href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1).decode()
        paths = [(label, path or static_path) for label, path in TARGETS]
        log("warming up (every worker, every cache) ...")
        for _label, path in paths:
            if path == RANDOM_PLZ:
                continue  # measured cold on purpose
            for _ in range(100):
                status, _body = get(port, path)
                assert status == 200, (path, status)

        results = []
        for label, path in paths:
            log(f"wrk {options.duration}s: {path}")
            result = run_wrk(
                port,
                "/" if path == RANDOM_PLZ else path,
                duration=options.duration,
                connections=options.connections,
                threads=options.threads,
                script=lua if path == RANDOM_PLZ else None,
            )
            results.append({"label": label, "path": path, **result})
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if use_postgres:
            subprocess.run(
                [
                    "psql",
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-qc",
                    f"DROP DATABASE IF EXISTS {database_name} WITH (FORCE)",
                    "postgres",
                ],
                capture_output=True,
            )
        if use_redis:
            subprocess.run(["redis-cli", "-h", REDIS[0], "-n", "14", "FLUSHDB"], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)

    static = results[0]["requests_per_second"]
    cms = next(r for r in results if r["label"].startswith("CMS"))["requests_per_second"]
    lotse = next(r for r in results if r["label"].startswith("Lotse search"))["requests_per_second"]
    lotse_cold = next(r for r in results if r["path"] == RANDOM_PLZ)["requests_per_second"]
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
        "database": "PostgreSQL" if use_postgres else "SQLite",
        "cache": "Redis" if use_redis else "local memory",
        "workers": options.workers or "gunicorn.conf.py default",
        "wrk": f"-t{options.threads} -c{options.connections} -d{options.duration}s",
        "results": results,
        "ratio_cms_to_static": round(cms / static, 3),
        "ratio_lotse_to_static": round(lotse / static, 3),
        "ratio_uncached_lotse_to_static": round(lotse_cold / static, 3),
    }

    print(f"\nIQ Portal HTTP benchmark, {summary['date']}")
    print(f"machine: {summary['machine']}")
    print(f"database: {summary['database']}; cache: {summary['cache']}; wrk {summary['wrk']}")
    print(f"{'target':38} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'non-2xx':>8}")
    for row in results:
        print(
            f"{row['label']:38} {row['requests_per_second']:10.1f} {row['p50_ms']:9.2f} {row['p99_ms']:9.2f} "
            f"{row['non_2xx']:8d}"
        )
    print(f"ratio CMS page / static: {summary['ratio_cms_to_static']:.2f} (aim >= 0.5)")
    print(f"ratio Lotse / static:    {summary['ratio_lotse_to_static']:.2f} (aim >= 0.2)")
    print(f"ratio Lotse, different PLZ each request / static: {summary['ratio_uncached_lotse_to_static']:.2f}")
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(exist_ok=True)
    (results_dir / "http_bench_latest.json").write_text(json.dumps(summary, indent=2))
    if any(row["non_2xx"] for row in results):
        raise SystemExit("some responses were not 2xx: see the table")


if __name__ == "__main__":
    main()
