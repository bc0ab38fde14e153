"""
What the Lotse's office page shows beyond the record: whether it is open now (Europe/Berlin, closed on the
Land's public holidays), the opening hours by day, the schema.org description (JSON-LD) and the vCard.
"""

import datetime
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from django.utils.safestring import mark_safe

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.models import Beratungsstelle, Oeffnungszeit
from landesnetzwerke.public_holidays import Holiday, holidays_between

_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Slot(Protocol):
    """An opening slot: an Oeffnungszeit, or anything with its weekday (0 = Monday), opening and closing time."""

    weekday: int
    opens: datetime.time
    closes: datetime.time


#: How far ahead the next opening is looked for: past holidays that fall on an office's only opening day.
NEXT_OPENING_HORIZON_DAYS = 28


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    closes: datetime.time | None = None  # today's closing time while open
    next_day: int | None = None  # weekday (0 = Monday) of the next opening while closed
    next_opens: datetime.time | None = None
    next_is_today: bool = False
    next_date: datetime.date | None = None  # the date of the next opening (Berlin)
    next_offset: int | None = None  # days from today to the next opening: 0 (today) to NEXT_OPENING_HORIZON_DAYS
    holiday: Holiday | None = None  # today's public holiday in the office's Land (the office is closed)

    @property
    def next_day_name(self) -> str:
        return str(Oeffnungszeit.Weekday(self.next_day).label) if self.next_day is not None else ""

    @property
    def next_is_next_week(self) -> bool:
        """The next opening is on today's weekday a week from now (today's only slots are over, or a holiday)."""
        return self.next_offset == 7

    @property
    def next_is_later(self) -> bool:
        """The next opening is more than a week away (public holidays fell on the office's opening days)."""
        return self.next_offset is not None and self.next_offset > 7


def opening_status(
    slots: Iterable[Slot],
    now: datetime.datetime,
    holidays: Mapping[datetime.date, Holiday] | None = None,
) -> OpeningStatus | None:
    """
    Open now, and until when; else the next opening within NEXT_OPENING_HORIZON_DAYS. `now` is converted to Berlin
    time. `holidays` (the office's Land's public holidays, by date; see landesnetzwerke.public_holidays) are days
    the office is closed: today's is named in the status, and the next opening skips them.
    """
    slots = list(slots)
    if not slots:
        return None
    holidays = holidays or {}
    local = now.astimezone(BERLIN)
    today, time = local.weekday(), local.time()
    holiday = holidays.get(local.date())
    if holiday is None:
        for slot in slots:
            if slot.weekday == today and slot.opens <= time < slot.closes:
                return OpeningStatus(is_open=True, closes=slot.closes)
    for offset in range(0, NEXT_OPENING_HORIZON_DAYS + 1):
        date = local.date() + datetime.timedelta(days=offset)
        if date in holidays:
            continue
        day = (today + offset) % 7
        later = sorted(
            (slot.opens for slot in slots if slot.weekday == day and (offset or slot.opens > time)),
        )
        if later:
            return OpeningStatus(
                is_open=False,
                next_day=day,
                next_opens=later[0],
                next_is_today=offset == 0,
                next_date=date,
                next_offset=offset,
                holiday=holiday,
            )
    return OpeningStatus(is_open=False, holiday=holiday)


def office_opening_status(
    office: Beratungsstelle, slots: Iterable[Slot], now: datetime.datetime, language: str | None = None
) -> OpeningStatus | None:
    """The opening status of an office: its slots, with the public holidays of its Land (names in `language`)."""
    today = now.astimezone(BERLIN).date()
    horizon = today + datetime.timedelta(days=NEXT_OPENING_HORIZON_DAYS)
    return opening_status(slots, now, holidays_between(office.bundesland, today, horizon, language))


def opening_table(slots: Iterable[Slot]) -> list[tuple[str, list[Slot]]]:
    """[(weekday label, [slots])] for the days the office is open, Monday first."""
    by_day: dict[int, list[Slot]] = {}
    for slot in sorted(slots, key=lambda s: (s.weekday, s.opens)):
        by_day.setdefault(slot.weekday, []).append(slot)
    return [(str(Oeffnungszeit.Weekday(day).label), day_slots) for day, day_slots in by_day.items()]


def tel_href(phone: str | None) -> str:
    """A tel: URI from a phone number as people write it ("030 1234-56" -> "tel:+4930123456")."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    if not digits:
        return ""
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    elif digits.startswith("0"):
        digits = "+49" + digits[1:]
    return f"tel:{digits}"


def json_ld(office: Beratungsstelle, url: str) -> str:
    """
    The office as schema.org JSON-LD, safe to place inside a <script> element; "" for sample data (invented
    addresses and contacts must not reach search engines as a real business).

    A fixed office is a LocalBusiness with its address, hours, phone and e-mail. Mobile counselling is a Service:
    a Service has no telephone or email, so they go to its provider's ContactPoint.
    """
    if office.is_sample:
        return ""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Service" if office.is_mobile else "LocalBusiness",
        "name": office.name,
        "url": url,
    }
    address = {
        "@type": "PostalAddress",
        "streetAddress": office.street,
        "postalCode": office.plz,
        "addressLocality": office.city,
        "addressRegion": office.get_bundesland_display(),
        "addressCountry": "DE",
    }
    geo = {"@type": "GeoCoordinates", "latitude": round(office.latitude, 6), "longitude": round(office.longitude, 6)}
    contact: dict[str, str] = {}
    if office.phone:
        contact["telephone"] = office.phone
    if office.email:
        contact["email"] = office.email
    if office.is_mobile:
        provider: dict[str, Any] = {"@type": "Organization", "name": office.traeger or office.landesnetzwerk.name}
        if contact:
            provider["contactPoint"] = {"@type": "ContactPoint", "name": office.name, **contact}
        data["provider"] = provider
        if office.service_radius_km:
            data["areaServed"] = {
                "@type": "GeoCircle",
                "geoMidpoint": geo,
                "geoRadius": office.service_radius_km * 1000,
            }
    else:
        data["address"] = address
        data["geo"] = geo
        data["knowsLanguage"] = [language.code for language in office.languages.all()]
        data["isAccessibleForFree"] = True
        hours = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[slot.weekday]}",
                "opens": slot.opens.strftime("%H:%M"),
                "closes": slot.closes.strftime("%H:%M"),
            }
            for slot in office.opening_hours.all()
        ]
        if hours:
            data["openingHoursSpecification"] = hours
        if office.traeger:
            data["parentOrganization"] = {"@type": "Organization", "name": office.traeger}
        data.update(contact)
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308 - <, > and & are escaped above, so the text cannot end the script


_VCARD_LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # whatever a reader may take as one
_VCARD_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _vcard_escape(value: object) -> str:
    """
    A text value of a vCard property (RFC 6350, 3.4): backslash, comma and semicolon escaped, every kind of line
    break written as `\\n`, other control characters left out, so a value can never end its property line and
    start another (also for data stored before one-line fields refused control characters).
    """
    text = str(value or "").replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    text = _VCARD_LINE_BREAK.sub("\\\\n", text)
    return _VCARD_CONTROL.sub(lambda match: " " if match.group() == "\t" else "", text)


def _fold(line: str) -> str:
    """vCard lines longer than 75 octets continue on the next line after a space (RFC 6350, 3.2)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def vcard(office: Beratungsstelle, url: str) -> str:
    """The office as a vCard 4.0 (text/vcard)."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"FN:{_vcard_escape(office.name)}",
        f"ORG:{_vcard_escape(office.traeger or office.name)}",
    ]
    if office.street or office.city:
        lines.append(
            "ADR;TYPE=work:;;"
            + ";".join(_vcard_escape(part) for part in (office.street, office.city, office.get_bundesland_display()))
            + f";{_vcard_escape(office.plz)};Deutschland"
        )
    if office.phone:
        lines.append(f"TEL;TYPE=work,voice;VALUE=uri:{tel_href(office.phone)}")
    if office.email:
        lines.append(f"EMAIL;TYPE=work:{_vcard_escape(office.email)}")
    if office.website:
        lines.append(f"URL:{_vcard_escape(office.website)}")
    lines.append(f"GEO:geo:{office.latitude:.6f},{office.longitude:.6f}")
    lines.append(f"SOURCE:{_vcard_escape(url)}")
    if office.is_sample:
        lines.append("NOTE:" + _vcard_escape("Beispieldaten / sample data"))
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
