"""
Public holidays in each Bundesland, from the `holidays` package (it ships its data: nothing is fetched at run
time). Offices are closed on them: the Lotse's office page says so and skips them for the next opening.

A holiday's name comes in the visitor's language where the package has it (German, English, Ukrainian), else in
German; `Holiday.language` says which, so a page can mark the name with its own `lang`.
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

import holidays

# Bundesland code (landesnetzwerke.models.Bundesland) -> the package's subdivision of Germany ("DE").
SUBDIVISIONS: dict[str, str] = {
    "BW": "BW",
    "BY": "BY",
    "BE": "BE",
    "BB": "BB",
    "HB": "HB",
    "HH": "HH",
    "HE": "HE",
    "MV": "MV",
    "NI": "NI",
    "NW": "NW",
    "RP": "RP",
    "SL": "SL",
    "SN": "SN",
    "ST": "ST",
    "SH": "SH",
    "TH": "TH",
}
NAME_FALLBACK_LANGUAGE = "de"


@dataclass(frozen=True)
class Holiday:
    name: str
    language: str  # the language the name is written in (a site language code: "de", "en", "uk")


def _package_language(language: str | None) -> tuple[str, str]:
    """(the package's language for `language`, the site language that is) - German where it has none."""
    code = (language or "").lower().replace("-", "_")
    if code:
        for supported in holidays.Germany.supported_languages:
            if supported.lower() == code or supported.lower().split("_")[0] == code.split("_")[0]:
                return supported, code.split("_")[0]
    return NAME_FALLBACK_LANGUAGE, NAME_FALLBACK_LANGUAGE


@lru_cache(maxsize=256)
def _year(subdivision: str, year: int, language: str) -> dict[datetime.date, str]:
    return dict(holidays.country_holidays("DE", subdiv=subdivision, years=year, language=language))


def holidays_between(
    bundesland: str, start: datetime.date, end: datetime.date, language: str | None = None
) -> dict[datetime.date, Holiday]:
    """The Land's public holidays from `start` to `end` (both included); {} for an unknown Land."""
    subdivision = SUBDIVISIONS.get(bundesland)
    if subdivision is None or end < start:
        return {}
    package_language, name_language = _package_language(language)
    found: dict[datetime.date, Holiday] = {}
    for year in range(start.year, end.year + 1):
        for date, name in _year(subdivision, year, package_language).items():
            if start <= date <= end:
                found[date] = Holiday(name=name, language=name_language)
    return found


def holiday_on(bundesland: str, date: datetime.date, language: str | None = None) -> Holiday | None:
    """The Land's public holiday on `date`, or None."""
    return holidays_between(bundesland, date, date, language).get(date)
