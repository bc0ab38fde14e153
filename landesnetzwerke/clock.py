"""
German local time. Opening hours and consultation days are wall-clock times in Germany, whatever the server's or
the visitor's time zone: the models, the Lotse and its office pages read them with this clock.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

BERLIN = ZoneInfo("Europe/Berlin")


def german_time(moment: datetime.datetime | None = None) -> datetime.datetime:
    """`moment` (by default now) as the local time in Germany."""
    return timezone.localtime(moment or timezone.now(), timezone=BERLIN)
