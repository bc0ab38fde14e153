"""
E-mail subscriptions to IQ konkret and to the news, with double opt-in.

- `Abonnent`: an e-mail address that has asked for or receives mail, with the random key of its unsubscribe link
  (the same in every mail to that address, valid as long as the address is stored);
- `Anmeldung`: a request from the form, waiting for the click on the confirmation link (valid 48 hours, then
  deleted by `manage.py cleanup_subscriptions`);
- `Abonnement`: a confirmed subscription of an address to one list, with the consent given: when, in which
  language, and the exact text the person agreed to.

Addresses are personal data: only central editors see them in the admin (programme/subscriptions/admin.py).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONFIRMATION_VALIDITY = timedelta(hours=48)


class Liste(models.TextChoices):
    IQ_KONKRET = "iq-konkret", _("IQ konkret, the programme's magazine")
    AKTUELLES = "aktuelles", _("News from the IQ programme")


def new_key() -> str:
    return secrets.token_urlsafe(32)


class AbonnentQuerySet(models.QuerySet):
    def with_address(self, email: str) -> "AbonnentQuerySet":
        return self.filter(email__iexact=email.strip())

    def forgotten(self) -> "AbonnentQuerySet":
        """Addresses with neither a subscription nor a request: nothing left to keep them for."""
        return self.filter(abonnements__isnull=True, anmeldungen__isnull=True)


class Abonnent(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=254)
    key = models.CharField(
        _("key of the unsubscribe link"), max_length=64, unique=True, default=new_key, editable=False
    )
    created = models.DateTimeField(_("first request"), default=timezone.now, editable=False)

    objects = AbonnentQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="abonnent_email_unique_ci")]

    def __str__(self) -> str:
        return self.email

    @property
    def masked_email(self) -> str:
        """The address with most of its local part hidden (j…@example.org), for pages anyone with the link sees."""
        local, _at, domain = self.email.partition("@")
        return f"{local[:1]}…@{domain}"


class AnmeldungQuerySet(models.QuerySet):
    def expired(self, now=None) -> "AnmeldungQuerySet":
        return self.filter(created__lt=(now or timezone.now()) - CONFIRMATION_VALIDITY)


class Anmeldung(models.Model):
    """A request to subscribe, waiting for its confirmation (double opt-in)."""

    abonnent = models.ForeignKey(
        Abonnent, on_delete=models.CASCADE, related_name="anmeldungen", verbose_name=_("subscriber")
    )
    listen = models.JSONField(_("lists"), default=list)
    language = models.CharField(_("language"), max_length=15, choices=settings.LANGUAGES)
    consent_text = models.TextField(_("text agreed to"))
    created = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = AnmeldungQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription request")
        verbose_name_plural = _("subscription requests")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.abonnent} ({self.created:%Y-%m-%d %H:%M})"

    @property
    def expires(self):
        return self.created + CONFIRMATION_VALIDITY

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires

    @property
    def list_labels(self) -> list[str]:
        return [str(Liste(code).label) for code in self.listen if code in Liste.values]


class AbonnementQuerySet(models.QuerySet):
    def of_list(self, liste: str) -> "AbonnementQuerySet":
        return self.filter(liste=liste)


class Abonnement(models.Model):
    """A confirmed subscription of one address to one list, with the consent it rests on."""

    abonnent = models.ForeignKey(
        Abonnent, on_delete=models.CASCADE, related_name="abonnements", verbose_name=_("subscriber")
    )
    liste = models.CharField(_("list"), max_length=20, choices=Liste.choices)
    language = models.CharField(_("language"), max_length=15, choices=settings.LANGUAGES)
    consent_text = models.TextField(_("text agreed to"))
    consented_at = models.DateTimeField(_("consent given"))
    confirmed_at = models.DateTimeField(_("confirmed"))

    objects = AbonnementQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["liste", "abonnent__email"]
        constraints = [models.UniqueConstraint(fields=["abonnent", "liste"], name="abonnement_unique_per_list")]

    def __str__(self) -> str:
        return f"{self.abonnent} – {self.get_liste_display()}"
