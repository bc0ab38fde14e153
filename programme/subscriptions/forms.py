"""The subscription form (double opt-in: it only asks; the mail's link confirms) and the unsubscribe form."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from programme.subscriptions.models import Abonnent, Liste

CONSENT_TEXT = _(
    "I agree that the IQ programme stores my e-mail address to send me the chosen e-mails until I unsubscribe. "
    "I can unsubscribe at any time with the link in every e-mail."
)


class ErrorSummaryMixin:
    """The form's errors with the id of the control each leads to (the first box of a group of check boxes)."""

    def error_links(self) -> list[tuple[str, str]]:
        links = []
        for field in self:  # type: ignore[attr-defined]
            target = field.auto_id
            if isinstance(field.field.widget, forms.CheckboxSelectMultiple):
                target = f"{target}_0"
            links.extend((target, error) for error in field.errors)
        return links


class SubscriptionForm(ErrorSummaryMixin, forms.Form):
    listen = forms.MultipleChoiceField(
        label=_("What would you like to receive?"),
        choices=Liste.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Please choose at least one of the e-mails."),
            "invalid_choice": _("Please choose from the e-mails listed."),
        },
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send a link to this address. Your subscription starts when you open it."),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter an e-mail address such as name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false", "dir": "ltr"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Please agree so that we may send you the e-mails.")},
    )

    def consent_text(self) -> str:
        """The consent exactly as the form showed it, in the visitor's language (stored with the request)."""
        return str(CONSENT_TEXT)


class UnsubscribeForm(ErrorSummaryMixin, forms.Form):
    """The lists to leave, from those the address receives (all checked); without any, the address is deleted."""

    listen = forms.MultipleChoiceField(
        label=_("Stop these e-mails"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Please choose from the e-mails listed.")},
    )

    def __init__(self, *args: Any, abonnent: Abonnent, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = sorted(abonnent.abonnements.values_list("liste", flat=True))
        field = self.fields["listen"]
        field.choices = [(code, Liste(code).label) for code in codes]  # type: ignore[attr-defined]
        field.initial = codes
        field.required = bool(codes)
        field.error_messages["required"] = _("Please choose the e-mails you no longer want.")
