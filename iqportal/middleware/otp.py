"""Two-factor verification for staff (django-otp)."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from iqportal.paths import is_static_or_media


class OTPRequiredMiddleware:
    """
    With ``OTP_REQUIRED_FOR_STAFF`` on, a staff member who logged in with a password but has not yet given
    a one-time code is sent to the verification page (or, without a device, to the setup page) for every
    URL except those pages, logout and health checks. Install after django-otp's ``OTPMiddleware``.
    """

    exempt_url_names = {"iqportal_otp:verify", "iqportal_otp:setup", "admin:logout", "healthz"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            return self._redirect(request)
        return self.get_response(request)

    def _must_verify(self, request):
        if not getattr(settings, "OTP_REQUIRED_FOR_STAFF", False):
            return False
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return False
        if user.is_verified():
            return False
        if is_static_or_media(request.path_info):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
        return match.view_name not in self.exempt_url_names

    def _redirect(self, request):
        from django_otp import devices_for_user

        has_device = any(devices_for_user(request.user, confirmed=True))
        url = reverse("iqportal_otp:verify" if has_device else "iqportal_otp:setup")
        if request.method in ("GET", "HEAD"):
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        return redirect(url)
