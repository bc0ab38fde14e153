"""The public holidays of each Bundesland (landesnetzwerke.public_holidays), with their names in a language."""

import datetime

import holidays
import pytest

from landesnetzwerke.models import Bundesland
from landesnetzwerke.public_holidays import SUBDIVISIONS, Holiday, holiday_on, holidays_between

UNITY_DAY = datetime.date(2026, 10, 3)
EPIPHANY = datetime.date(2026, 1, 6)


def test_every_bundesland_has_a_subdivision_of_the_package():
    assert set(SUBDIVISIONS) == set(Bundesland.values)
    assert set(SUBDIVISIONS.values()) <= set(holidays.Germany.subdivisions)


@pytest.mark.parametrize("land", Bundesland.values)
def test_the_day_of_german_unity_is_a_holiday_everywhere(land):
    assert holiday_on(land, UNITY_DAY) == Holiday(name="Tag der Deutschen Einheit", language="de")
    assert holiday_on(land, datetime.date(2026, 10, 2)) is None


def test_epiphany_is_a_holiday_in_bavaria_but_not_in_north_rhine_westphalia():
    assert holiday_on("BY", EPIPHANY) == Holiday(name="Heilige Drei Könige", language="de")
    assert holiday_on("BW", EPIPHANY) is not None
    assert holiday_on("NW", EPIPHANY) is None


@pytest.mark.parametrize(
    ("language", "name", "name_language"),
    [
        ("de", "Tag der Deutschen Einheit", "de"),
        ("en", "German Unity Day", "en"),
        ("uk", "День німецької єдності", "uk"),
        # The package has no Arabic, Persian or Turkish names: German, and said so.
        ("ar", "Tag der Deutschen Einheit", "de"),
        ("fa", "Tag der Deutschen Einheit", "de"),
        ("tr", "Tag der Deutschen Einheit", "de"),
        (None, "Tag der Deutschen Einheit", "de"),
    ],
)
def test_holiday_names_come_in_the_visitors_language_where_there_is_one(language, name, name_language):
    assert holiday_on("HE", UNITY_DAY, language) == Holiday(name=name, language=name_language)


def test_holidays_between_spans_the_turn_of_the_year():
    found = holidays_between("SN", datetime.date(2026, 12, 20), datetime.date(2027, 1, 10))
    assert sorted(found) == [datetime.date(2026, 12, 25), datetime.date(2026, 12, 26), datetime.date(2027, 1, 1)]
    assert found[datetime.date(2027, 1, 1)].name == "Neujahr"


def test_an_unknown_land_or_an_empty_span_has_no_holidays():
    assert holidays_between("XX", UNITY_DAY, UNITY_DAY) == {}
    assert holidays_between("BE", UNITY_DAY, UNITY_DAY - datetime.timedelta(days=1)) == {}
