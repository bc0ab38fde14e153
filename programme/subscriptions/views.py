"""
The subscription's pages: the form, "check your inbox", the confirmation link's page and the unsubscribe page.
Thin: programme.subscriptions.services does the work.

The answer to the form never depends on whether an address is known (no enumeration); links from mails show a
page with a button, and only the button's POST confirms or unsubscribes, so a mail scanner that opens links
confirms nothing.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from iqportal.auth_backends import client_ip_address
from programme.subscriptions import services, throttle
from programme.subscriptions.forms import SubscriptionForm, UnsubscribeForm
from programme.subscriptions.models import Abonnent, Liste
from programme.subscriptions.services import LinkState, MailNotSent

HOUR = 60 * 60
# HTTP status and heading of the confirmation page for each state of its link.
LINK_STATUS = {LinkState.VALID: 200, LinkState.USED: 200, LinkState.EXPIRED: 410, LinkState.INVALID: 400}
LINK_HEADINGS = {
    LinkState.VALID: _("Confirm your subscription"),
    LinkState.USED: _("Your subscription is already confirmed"),
    LinkState.EXPIRED: _("This link has expired"),
    LinkState.INVALID: _("This link is not valid"),
}


@method_decorator(never_cache, name="dispatch")
class SubscribeView(View):
    template_name = "subscriptions/subscribe.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        wanted = [code for code in request.GET.getlist("liste") if code in Liste.values]
        return self.render(SubscriptionForm(initial={"listen": wanted}))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SubscriptionForm(request.POST)
        if not form.is_valid():
            return self.render(form, status=400)
        ip = client_ip_address(request) or "unknown"
        if not throttle.allow("subscribe-ip", ip, limit=settings.SUBSCRIPTION_REQUESTS_PER_IP, period=HOUR):
            return self.render(form, status=429, too_many=True)
        email = form.cleaned_data["email"]
        # A throttled address gets the same answer but no further mail: nobody can flood an inbox through the form.
        send = throttle.allow(
            "subscribe-address", email.lower(), limit=settings.SUBSCRIPTION_REQUESTS_PER_ADDRESS, period=HOUR
        )
        try:
            services.request_subscription(
                email=email,
                listen=form.cleaned_data["listen"],
                language=get_language(),
                consent_text=form.consent_text(),
                absolute=request.build_absolute_uri,
                send=send,
            )
        except MailNotSent:
            return self.render(form, status=503, not_sent=True)
        return redirect("subscriptions:sent")

    def render(self, form: SubscriptionForm, status: int = 200, **flags: Any) -> HttpResponse:
        return render(self.request, self.template_name, {"form": form, **flags}, status=status)


class SentView(TemplateView):
    template_name = "subscriptions/sent.html"


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    template_name = "subscriptions/confirm.html"

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        state, anmeldung = services.check_confirmation(token)
        return self.render(state, anmeldung)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        state, anmeldung = services.check_confirmation(token)
        if state is LinkState.VALID and anmeldung is not None:
            subscriptions = services.confirm(anmeldung, request.build_absolute_uri)
            return self.render(state, anmeldung, confirmed=bool(subscriptions))
        return self.render(state, anmeldung)

    def render(self, state: LinkState, anmeldung: Any, confirmed: bool = False) -> HttpResponse:
        heading = _("Thank you: your subscription is confirmed") if confirmed else LINK_HEADINGS[state]
        context = {"state": state, "anmeldung": anmeldung, "confirmed": confirmed, "heading": heading}
        return render(self.request, self.template_name, context, status=LINK_STATUS[state])


@method_decorator(never_cache, name="dispatch")
class UnsubscribeView(View):
    """Works with the key alone (no login, no expiry), for every mail ever sent to the address, forwarded or not."""

    template_name = "subscriptions/unsubscribe.html"

    def get(self, request: HttpRequest, key: str) -> HttpResponse:
        abonnent = Abonnent.objects.filter(key=key).first()
        return self.render(abonnent, UnsubscribeForm(abonnent=abonnent) if abonnent else None)

    def post(self, request: HttpRequest, key: str) -> HttpResponse:
        abonnent = Abonnent.objects.filter(key=key).first()
        if abonnent is None:
            return self.render(None, None)
        form = UnsubscribeForm(request.POST, abonnent=abonnent)
        if not form.is_valid():
            return self.render(abonnent, form, status=400)
        ended = services.unsubscribe(abonnent, form.cleaned_data["listen"])
        remaining = Abonnent.objects.filter(pk=abonnent.pk).first()  # None: the address is deleted
        rest = UnsubscribeForm(abonnent=remaining) if remaining else None
        return self.render(remaining, rest, ended=[Liste(code).label for code in ended], done=True)

    def render(self, abonnent: Any, form: Any, status: int = 200, **flags: Any) -> HttpResponse:
        if flags.get("done"):
            heading = _("You have been unsubscribed")
        else:
            heading = _("Unsubscribe") if abonnent else _("No subscription found")
        context = {"abonnent": abonnent, "form": form, "heading": heading, **flags}
        return render(self.request, self.template_name, context, status=status)
