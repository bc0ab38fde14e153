"""
The subscription's steps, each a service the views and commands call: ask (store the request, mail the signed
confirmation link), confirm (once, within 48 hours: store the consent), unsubscribe (with the address's key, at any
time, no login), and clean up (delete what expired). programme.subscriptions.export lists a list's confirmed addresses.

Links in mails are absolute: `absolute` turns a path into a URL (request.build_absolute_uri in views, the site's
address in commands).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterable
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from programme.subscriptions.models import CONFIRMATION_VALIDITY, Abonnement, Abonnent, Anmeldung, Liste

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "programme.subscriptions.confirmation"
Absolute = Callable[[str], str]


class MailNotSent(Exception):
    """The mail server did not take the mail."""


class LinkState(enum.StrEnum):
    VALID = "valid"
    USED = "used"  # confirmed already (a second click, or a mail client that opened the link)
    EXPIRED = "expired"  # older than 48 hours, or deleted since
    INVALID = "invalid"  # not a link we made (mistyped, cut off, tampered with)


def confirmation_token(anmeldung: Anmeldung) -> str:
    return signing.dumps(anmeldung.pk, salt=CONFIRMATION_SALT)


def confirm_url(anmeldung: Anmeldung, absolute: Absolute) -> str:
    with translation.override(anmeldung.language):
        return absolute(reverse("subscriptions:confirm", kwargs={"token": confirmation_token(anmeldung)}))


def unsubscribe_url(abonnent: Abonnent, absolute: Absolute, language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return absolute(reverse("subscriptions:unsubscribe", kwargs={"key": abonnent.key}))


def check_confirmation(token: str, now: datetime | None = None) -> tuple[LinkState, Anmeldung | None]:
    """What a confirmation link is worth: the signature proves we made it, the stored request decides the rest."""
    try:
        pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_VALIDITY)
    except signing.SignatureExpired:
        return LinkState.EXPIRED, None
    except signing.BadSignature:
        return LinkState.INVALID, None
    anmeldung = Anmeldung.objects.select_related("abonnent").filter(pk=pk).first() if isinstance(pk, int) else None
    if anmeldung is None:
        return LinkState.EXPIRED, None
    if anmeldung.confirmed_at is not None:
        return LinkState.USED, anmeldung
    if anmeldung.is_expired(now):
        return LinkState.EXPIRED, anmeldung
    return LinkState.VALID, anmeldung


def request_subscription(
    *, email: str, listen: Iterable[str], language: str, consent_text: str, absolute: Absolute, send: bool = True
) -> Anmeldung:
    """
    Stores the request and mails the confirmation link (unless `send` is False: a throttled address gets no
    further mail, but the same answer). Whether the address was known makes no difference to the caller.
    """
    with transaction.atomic():
        abonnent, _created = Abonnent.objects.get_or_create(email__iexact=email.strip(), defaults={"email": email})
        anmeldung = Anmeldung.objects.create(
            abonnent=abonnent, listen=sorted(set(listen)), language=language, consent_text=consent_text
        )
    if send:
        _send(
            "confirm",
            anmeldung.abonnent,
            anmeldung.language,
            absolute,
            {"anmeldung": anmeldung, "confirm_url": confirm_url(anmeldung, absolute)},
        )
    return anmeldung


def confirm(anmeldung: Anmeldung, absolute: Absolute, now: datetime | None = None) -> list[Abonnement]:
    """Confirms a request once (LinkState.VALID): one subscription per list, with the consent it was given."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Anmeldung.objects.select_for_update().get(pk=anmeldung.pk)
        if locked.confirmed_at is not None:
            return []
        locked.confirmed_at = now
        locked.save(update_fields=["confirmed_at"])
        subscriptions = [
            Abonnement.objects.update_or_create(
                abonnent_id=locked.abonnent_id,
                liste=liste,
                defaults={
                    "language": locked.language,
                    "consent_text": locked.consent_text,
                    "consented_at": locked.created,
                    "confirmed_at": now,
                },
            )[0]
            for liste in locked.listen
            if liste in Liste.values
        ]
    try:
        _send("welcome", anmeldung.abonnent, anmeldung.language, absolute, {"subscriptions": subscriptions})
    except MailNotSent:
        pass  # the subscription stands; the welcome mail is a courtesy
    return subscriptions


def unsubscribe(abonnent: Abonnent, listen: Iterable[str] = ()) -> list[str]:
    """
    Ends the subscriptions to `listen` (all when empty). An address left with no subscription is deleted with its
    pending requests: nothing is kept that is no longer needed. Returns the lists that ended.
    """
    with transaction.atomic():
        subscriptions = abonnent.abonnements.all()
        if listen:
            subscriptions = subscriptions.filter(liste__in=list(listen))
        ended = sorted(subscriptions.values_list("liste", flat=True))
        subscriptions.delete()
        if not abonnent.abonnements.exists():
            abonnent.delete()
    return ended


def cleanup(now: datetime | None = None) -> tuple[int, int]:
    """Deletes requests older than 48 hours (confirmed or not) and addresses left with nothing; returns both counts."""
    with transaction.atomic():
        requests, _detail = Anmeldung.objects.expired(now).delete()
        addresses, _detail = Abonnent.objects.forgotten().delete()
    return requests, addresses


def _send(kind: str, abonnent: Abonnent, language: str, absolute: Absolute, context: dict) -> None:
    """Mails subscriptions/email/<kind>.txt in `language`, with the unsubscribe link in the text and the header."""
    with translation.override(language):
        link = unsubscribe_url(abonnent, absolute)
        context = {**context, "unsubscribe_url": link, "abonnent": abonnent}
        subject = " ".join(render_to_string(f"subscriptions/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"subscriptions/email/{kind}.txt", context)
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, [abonnent.email], headers={"List-Unsubscribe": f"<{link}>"}
    )
    try:
        message.send()
    except Exception as error:  # SMTP errors, refused connections, timeouts
        logger.error("Subscription mail (%s) not sent: %s", kind, error)
        raise MailNotSent from error
