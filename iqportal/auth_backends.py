"""Login throttling (django-axes) adapted to IQ Portal."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class AxesBackend(AxesStandaloneBackend):
    """
    django-axes' lockout check for every login that comes with a request (the admin login form).

    ``authenticate()`` calls without a request (management commands, the test client's ``login()``) are
    not web logins and cannot be brute-forced from outside, so they are left to the next backend instead
    of raising ``AxesBackendRequestParameterRequired``.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip_address(request):
    """
    The client's address for throttling: the socket's peer, or, behind TRUSTED_PROXY_COUNT proxies that
    append to X-Forwarded-For, the entry those proxies added for the client (entries further left can be
    forged by the client).
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
