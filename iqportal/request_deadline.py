"""
A deadline for every request in a gunicorn worker, whatever its class (installed by gunicorn.conf.py).

gunicorn's ``timeout`` kills a sync worker whose request takes too long, but a gthread worker's main loop keeps
reporting that it is alive while one of its threads hangs, so there a request could run forever. Here a watchdog
thread in each worker looks at the requests in progress every second. A request older than REQUEST_TIMEOUT is
cut off: its connection is shut down (the proxy answers the visitor with a gateway error instead of letting them
wait), it is logged once with where its thread is stuck, and the worker is told to stop taking requests and
restart (gracefully, for its other requests). A thread that stays stuck cannot be stopped from Python; gunicorn's
master kills its worker ``timeout`` seconds after it stopped reporting.
"""

import logging
import socket
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger("iqportal.request_deadline")


@dataclass
class _Request:
    started: float
    method: str
    path: str
    sock: socket.socket | None
    cut_off: bool = False


class RequestDeadline:
    """The requests a worker is serving (one per thread) and the watchdog that cuts off those past the deadline."""

    def __init__(self, worker: Any, seconds: float, clock=time.monotonic) -> None:
        self.worker = worker
        self.seconds = float(seconds)
        self.clock = clock
        self._requests: dict[int, _Request] = {}
        self._lock = threading.Lock()

    def started(self, req: Any) -> None:
        """gunicorn's ``pre_request``: runs in the thread that serves the request."""
        sock = getattr(getattr(req, "unreader", None), "sock", None)
        request = _Request(self.clock(), str(getattr(req, "method", "")), str(getattr(req, "path", "")), sock)
        with self._lock:
            self._requests[threading.get_ident()] = request

    def finished(self) -> None:
        """gunicorn's ``post_request``."""
        with self._lock:
            self._requests.pop(threading.get_ident(), None)

    def check(self) -> int:
        """Cuts off every request past the deadline (each once); returns how many it cut off."""
        now = self.clock()
        with self._lock:
            overdue = [
                (ident, request)
                for ident, request in self._requests.items()
                if not request.cut_off and now - request.started > self.seconds
            ]
            for _ident, request in overdue:
                request.cut_off = True
        frames = sys._current_frames() if overdue else {}
        for ident, request in overdue:
            frame = frames.get(ident)
            stack = "".join(traceback.format_stack(frame)) if frame is not None else "(thread gone)"
            logger.error(
                "Request %s %s cut off after %.0f s (REQUEST_TIMEOUT); the worker restarts. Its thread is at:\n%s",
                request.method,
                request.path,
                now - request.started,
                stack,
            )
            if request.sock is not None:
                try:
                    request.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        if overdue:
            self.worker.alive = False  # no new requests; gunicorn starts a fresh worker
        return len(overdue)

    def watch(self, interval: float = 1.0) -> threading.Thread:
        """Starts the watchdog thread (a daemon: it never keeps the worker from exiting)."""

        def loop() -> None:
            while True:
                time.sleep(interval)
                try:
                    self.check()
                except Exception:  # the watchdog must outlive any surprise
                    logger.exception("Request deadline check failed")

        thread = threading.Thread(target=loop, name="request-deadline", daemon=True)
        thread.start()
        return thread
