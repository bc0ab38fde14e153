"""
What the project pages say about a project, as sentences in the visitor's language: its running time and whether
it runs now. Python decides, templates display (`{{ project|running_time }}` in project_tags).
"""

from __future__ import annotations

import datetime
import enum

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from landesnetzwerke.projects.models import Teilprojekt


class RunningState(enum.StrEnum):
    """Where a project stands on a day; the value is a data attribute of each result (data-laufend)."""

    RUNNING = "laufend"
    ENDED = "beendet"
    PLANNED = "geplant"


def running_state(project: Teilprojekt, today: datetime.date) -> RunningState:
    if project.starts_on > today:
        return RunningState.PLANNED
    if project.ends_on is not None and project.ends_on < today:
        return RunningState.ENDED
    return RunningState.RUNNING


def _date(day: datetime.date) -> str:
    return date_format(day, "DATE_FORMAT")


def running_time(project: Teilprojekt, today: datetime.date) -> str:
    """ "Running since 1 March 2024, until 31 December 2026", "Ran from … to … (ended)", "Starts on …"."""
    state = running_state(project, today)
    start, end = _date(project.starts_on), _date(project.ends_on) if project.ends_on else ""
    if state == RunningState.PLANNED:
        if end:
            return _("Starts on %(start)s, runs until %(end)s") % {"start": start, "end": end}
        return _("Starts on %(start)s") % {"start": start}
    if state == RunningState.ENDED:
        return _("Ran from %(start)s to %(end)s (ended)") % {"start": start, "end": end}
    if end:
        return _("Running since %(start)s, until %(end)s") % {"start": start, "end": end}
    return _("Running since %(start)s (open-ended)") % {"start": start}


def running_label(project: Teilprojekt, today: datetime.date) -> str:
    """A short tag: "Running now", "Ended", "Starting soon"."""
    return {
        RunningState.RUNNING: _("Running now"),
        RunningState.ENDED: _("Ended"),
        RunningState.PLANNED: _("Not started yet"),
    }[running_state(project, today)]
