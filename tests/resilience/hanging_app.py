"""A WSGI app for the request-deadline test: /hang never answers (a dependency without timeout), / answers."""

import threading

_never = threading.Event()


def app(environ, start_response):
    if environ["PATH_INFO"] == "/hang":
        _never.wait()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]
