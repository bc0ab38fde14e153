"""A request id for every request: in every log line written for it and in the ``X-Request-ID`` header."""

from iqportal.logging import clean_request_id, set_request_id


class RequestIDMiddleware:
    """Takes a sane ``X-Request-ID`` from the proxy or makes one, logs with it and echoes it in the response."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = clean_request_id(request.headers.get(self.header))
        set_request_id(request.request_id)
        response = self.get_response(request)
        response[self.header] = request.request_id
        return response


def forget_request_id(sender, **kwargs):
    """``request_finished`` receiver: log lines written between requests (e.g. by a worker thread) must not carry
    the last request's id."""
    set_request_id("-")
