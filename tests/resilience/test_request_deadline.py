"""Every request is cut off after REQUEST_TIMEOUT, whatever gunicorn's worker class (gunicorn.conf.py)."""

import http.client
import logging
import os
import signal
import socket
import subprocess
import time

import pytest

from iqportal.request_deadline import RequestDeadline
from tests.iqportal.servers import ROOT, VENV_BIN, free_port, production_env, request


class FakeWorker:
    alive = True


class FakeRequest:
    def __init__(self, sock):
        self.method, self.path = "GET", "/de/lotse/"
        self.unreader = type("Unreader", (), {"sock": sock})()


def test_a_request_past_the_deadline_is_cut_off_once_and_the_worker_restarts(caplog):
    now = [100.0]
    worker = FakeWorker()
    deadline = RequestDeadline(worker, 30, clock=lambda: now[0])
    server_side, visitor_side = socket.socketpair()
    with server_side, visitor_side:
        deadline.started(FakeRequest(server_side))
        now[0] += 29
        assert deadline.check() == 0 and worker.alive
        now[0] += 2
        with caplog.at_level(logging.ERROR, logger="iqportal.request_deadline"):
            assert deadline.check() == 1
            assert deadline.check() == 0  # logged and cut off once
        visitor_side.settimeout(5)
        assert visitor_side.recv(100) == b""  # the visitor's connection is closed, not left waiting
    assert worker.alive is False
    [record] = caplog.records
    assert "GET /de/lotse/ cut off after 31 s" in record.getMessage()
    assert "test_request_deadline.py" in record.getMessage()  # where the thread was stuck


def test_a_finished_request_is_forgotten():
    now = [0.0]
    deadline = RequestDeadline(FakeWorker(), 1, clock=lambda: now[0])
    deadline.started(FakeRequest(None))
    deadline.finished()
    now[0] += 5
    assert deadline.check() == 0


@pytest.mark.parametrize("threads", ["1", "4"])  # sync and gthread workers
def test_gunicorn_cuts_off_a_request_that_hangs(threads, tmp_path):
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    env = production_env(
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS=threads,
        REQUEST_TIMEOUT="2",
        GUNICORN_TIMEOUT="5",
        GUNICORN_GRACEFUL_TIMEOUT="2",
        LOG_FORMAT="text",
    )
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "tests.resilience.hanging_app:app", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert request(port, "GET", "/", timeout=2)[0] == 200
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(log_path.read_text()) from None
                time.sleep(0.2)

        started = time.monotonic()
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError, TimeoutError, socket.timeout)):
            request(port, "GET", "/hang", timeout=20)
        elapsed = time.monotonic() - started
        assert elapsed < 10, f"cut off after {elapsed:.1f} s"  # REQUEST_TIMEOUT 2 s, checked every second

        # A fresh worker serves the next requests.
        deadline = time.monotonic() + 30
        while True:
            try:
                if request(port, "GET", "/", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(log_path.read_text())
            time.sleep(0.2)
        assert "GET /hang cut off after" in log_path.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
