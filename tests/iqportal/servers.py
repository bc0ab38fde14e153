"""
Helpers for tests that run the site the way production does: subprocesses with production settings,
gunicorn on a free loopback port, PostgreSQL and Redis on 127.0.0.1.
"""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
HOST = "iq.example.org"
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS = ("127.0.0.1", 6379)

# Variables of the developer's or CI's shell that must not leak into a production-like subprocess.
_CLEARED = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "AWS_STORAGE_BUCKET_NAME",
    "SENTRY_DSN",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "OTP_REQUIRED_FOR_STAFF",
    "LOG_FORMAT",
    "WEB_CONCURRENCY",
}


def production_env(**overrides):
    """The environment of a production process (DEBUG off), plus overrides; None removes a variable."""
    env = {key: value for key, value in os.environ.items() if key not in _CLEARED}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "iqportal.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1,localhost",
            "PYTHONUNBUFFERED": "1",
        }
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


def manage(*args, env, timeout=300, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def run_python(code, *, env, timeout=120):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_open(host, port, timeout=1.0):
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def postgres_available():
    return (
        port_open(PG["host"], PG["port"])
        and subprocess.run(
            ["psql", "-h", PG["host"], "-U", PG["user"], "-tAc", "SELECT 1", "postgres"],
            capture_output=True,
            timeout=20,
        ).returncode
        == 0
    )


def redis_available():
    if not port_open(*REDIS):
        return False
    with socket.create_connection(REDIS, timeout=2) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def psql(sql, database="postgres"):
    subprocess.run(
        ["psql", "-h", PG["host"], "-U", PG["user"], "-v", "ON_ERROR_STOP=1", "-qc", sql, database],
        check=True,
        capture_output=True,
        timeout=60,
    )


def request(port, method, path, *, headers=None, body=None, host=HOST, timeout=20):
    """One HTTP request to 127.0.0.1:port; returns (status, headers as a dict of lists, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        all_headers = {"Host": host, "X-Forwarded-Proto": "https", **(headers or {})}
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        collected = {}
        for name, value in response.getheaders():
            collected.setdefault(name.lower(), []).append(value)
        return response.status, collected, response.read()
    finally:
        connection.close()


@contextmanager
def gunicorn(env, *, workers=1, extra_args=(), ready_path="/healthz", startup_timeout=60):
    """Runs `gunicorn iqportal.wsgi -c gunicorn.conf.py` on a free port; yields (port, process, log path)."""
    port = free_port()
    log_path = Path(env.get("TMPDIR_FOR_LOGS") or tempfile.gettempdir()) / f"iqportal-gunicorn-{port}.log"
    run_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "iqportal.wsgi", "-c", "gunicorn.conf.py", *extra_args],
            cwd=ROOT,
            env=run_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise AssertionError(f"gunicorn exited early:\n{log_path.read_text()}")
            try:
                status, _headers, _body = request(port, "GET", ready_path, timeout=5)
                if status < 500:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"gunicorn did not answer within {startup_timeout}s:\n{log_path.read_text()}")
            time.sleep(0.2)
        yield port, process, log_path
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def clone_sqlite_database(connection, path):
    """
    Copies the SQLite test database, as the given connection sees it, into a file.

    The test database lives in memory and the test's own transaction holds its write lock, so neither a
    second connection nor SQLite's backup API can read it; the connection itself dumps it as SQL.
    """
    import sqlite3

    connection.ensure_connection()
    # iterdump() reads with SQL (quote() in SQLite), so no value goes through Python type conversion.
    script = "\n".join(connection.connection.iterdump())
    target = sqlite3.connect(path)
    try:
        target.executescript(script)
    finally:
        target.close()
    return path


class SilentServer:
    """
    A TCP listener on a free loopback port that accepts every connection and never answers, as a dependency
    (Redis, PostgreSQL) whose host is up but whose service hangs. With `forward_to` set, later connections are
    passed through to that address instead (the dependency has come back). Use it as a context manager.
    """

    def __init__(self):
        self.forward_to = None
        self.accepted = 0  # connections accepted so far
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self._listener.getsockname()[1]
        self._sockets = [self._listener]
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name=f"silent-server-{self.port}", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                try:
                    sock.close()
                except OSError:
                    pass

    def _keep(self, sock):
        with self._lock:
            self._sockets.append(sock)

    def _accept(self):
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:  # closed
                return
            self.accepted += 1
            self._keep(client)  # held open, never read from: the client waits for an answer that never comes
            if self.forward_to is not None:
                upstream = socket.create_connection(self.forward_to, timeout=5)
                upstream.settimeout(None)
                self._keep(upstream)
                for source, target in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
