"""
Two-factor login for editors (django-otp, TOTP): the verification page after the password login, and the
page where an editor without a device adds one to an authenticator app.
"""

import base64

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the digits shown in your authenticator app."))
        return token


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index")


def _invalid_code_message(devices):
    for device in devices:
        device.refresh_from_db()
    if not any(device.verify_is_allowed()[0] for device in devices):
        # django-otp's throttling: each wrong code doubles the wait before the next try.
        return _("Too many wrong codes. Wait a minute, then enter the code your app shows.")
    return _("This code is not valid. Check that the time on your phone is right and enter the current code.")


def _render(request, template, context):
    context = {
        **admin.site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "next": _next_url(request),
        **context,
    }
    return render(request, template, context)


@sensitive_post_parameters("token")
@never_cache
@login_required
def verify(request):
    """Asks for the current code of one of the user's confirmed devices and marks the session verified."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    devices = list(devices_for_user(user, confirmed=True))
    if not devices:
        return redirect(f"{reverse('iqportal_otp:setup')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = next(
                (
                    device
                    for device in devices_for_user(user, confirmed=True, for_verify=True)
                    if device.verify_token(form.cleaned_data["token"])
                ),
                None,
            )
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()
            return redirect(_next_url(request))
        form.add_error("token", _invalid_code_message(devices))
    return _render(request, "iqportal/otp_verify.html", {"form": form, "title": _("Two-factor login")})


@sensitive_post_parameters("token")
@never_cache
@login_required
def setup(request):
    """
    An editor without a confirmed device scans the QR code (or types the key) into an authenticator app and
    confirms with a first code. Turned off with OTP_SELF_ENROLLMENT=0: then an administrator creates the
    device in the admin (Django OTP > TOTP devices).
    """
    user = request.user
    if any(devices_for_user(user, confirmed=True)):
        return redirect(f"{reverse('iqportal_otp:verify')}?{request.GET.urlencode()}")
    if not settings.OTP_SELF_ENROLLMENT:
        return _render(
            request, "iqportal/otp_setup.html", {"enrollment_closed": True, "title": _("Set up two-factor login")}
        )
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            request.session.cycle_key()
            return redirect(_next_url(request))
        form.add_error("token", _invalid_code_message([device]))
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    context = {
        "form": form,
        "title": _("Set up two-factor login"),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
        "qr_svg": _qr_svg(device.config_url),
    }
    return _render(request, "iqportal/otp_setup.html", context)


def _qr_svg(data):
    """An inline SVG QR code (segno is pure Python); empty when segno is not installed."""
    try:
        import segno
    except ImportError:  # pragma: no cover - segno is in requirements.txt
        return ""
    from django.utils.safestring import mark_safe

    # segno's SVG is built from the otpauth URI it encodes, never from markup: safe to inline.
    return mark_safe(
        segno.make(data, error="m").svg_inline(scale=5, title=str(_("QR code for your authenticator app")))
    )  # noqa: S308


app_name = "iqportal_otp"
urlpatterns = [
    path("verify/", verify, name="verify"),
    path("setup/", setup, name="setup"),
]
