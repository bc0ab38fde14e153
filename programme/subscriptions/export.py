"""The confirmed subscribers of a list as CSV, for the tool that sends the issues (sending is not the site's job)."""

import csv
from typing import TextIO

from landesnetzwerke.resources import escape_formula
from programme.subscriptions.models import AbonnementQuerySet
from programme.subscriptions.services import Absolute, unsubscribe_url

COLUMNS = ("list", "email", "language", "consented_at", "confirmed_at", "unsubscribe_url")


def write_subscribers(out: TextIO, subscriptions: AbonnementQuerySet, absolute: Absolute) -> int:
    """Writes one row per subscription (with the unsubscribe link each mail must carry); returns the count."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for subscription in subscriptions.select_related("abonnent").order_by("liste", "abonnent__email"):
        writer.writerow(
            (
                subscription.liste,
                escape_formula(subscription.abonnent.email),  # a spreadsheet must not run an address as a formula
                subscription.language,
                subscription.consented_at.isoformat(),
                subscription.confirmed_at.isoformat(),
                unsubscribe_url(subscription.abonnent, absolute, subscription.language),
            )
        )
        count += 1
    return count
