"""
One record of an office (landesnetzwerke.lotse.serializers) for the open data and the Lotse's JSON search: both
endpoints give the same fields and values; the search adds the distance and the next consultation days.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.models import Sprache, Thema
from tests.factories import make_consultation_day, make_office

pytestmark = pytest.mark.django_db

# What the JSON search adds to the open-data record.
SEARCH_FIELDS = {"distance_km", "next_days"}


def open_data(client):
    return {record["id"]: record for record in client.get("/api/beratungsstellen.json").json()["beratungsstellen"]}


def test_the_json_search_gives_the_open_data_record_of_each_office(client):
    topics = [Thema.objects.get(slug="qualifizierung"), Thema.objects.get(slug="anerkennung")]
    languages = [Sprache.objects.get_or_create(code=code, defaults={"name_en": code})[0] for code in ("uk", "ar")]
    fixed = make_office(latitude=52.531, longitude=13.385, topics=topics, languages=languages, traeger="Träger e. V.")
    mobile = make_office(
        kind="mobil", latitude=52.52, longitude=13.40, service_radius_km=40, service_plz_prefixes="10, 12"
    )
    today = timezone.localtime(timezone.now(), BERLIN).date()
    day = make_consultation_day(
        mobile, today + datetime.timedelta(days=4), starts=datetime.time(9, 30), ends=datetime.time(12)
    )

    search = client.get(reverse("lotse:search-json"), {"q": "10115"}).json()
    by_id = {record["id"]: record for record in search["fixed"] + search["mobile"]}
    records = open_data(client)
    for office in (fixed, mobile):
        found = by_id[office.pk]
        assert {name: value for name, value in found.items() if name not in SEARCH_FIELDS} == records[office.pk]
        assert found["distance_km"] > 0
    # What the record says, as the README's open-data section describes it.
    record = records[fixed.pk]
    assert record["kind"] == "fest" and record["traeger"] == "Träger e. V." and record["service_area"] is None
    assert record["topics"] == ["anerkennung", "qualifizierung"] and record["languages"] == ["ar", "uk"]
    assert record["url"] == f"http://testserver/de/lotse/stelle/{fixed.pk}/"
    assert records[mobile.pk]["service_area"] == {
        "center": {"latitude": 52.52, "longitude": 13.40},
        "radius_km": 40,
        "plz_prefixes": ["10", "12"],
    }
    assert by_id[mobile.pk]["next_days"] == [{"date": day.date.isoformat(), "starts": "09:30", "ends": "12:00"}]
    assert "next_days" not in by_id[fixed.pk]
