"""
Great-circle distances and service areas in SQL (landesnetzwerke.models.spatial, BeratungsstelleQuerySet.near,
.by_distance, .serving): the database gives what an independent haversine and the meaning of a prefix list give, on
SQLite and on PostgreSQL, and answers from its indexes.
"""

import random

import pytest
from django.db import connection

from landesnetzwerke.geo import term_to_km
from landesnetzwerke.models import Beratungsstelle
from landesnetzwerke.models.spatial import ServesPostcode
from tests.factories import haversine, make_office
from tests.lotse.test_queries import add_offices

pytestmark = pytest.mark.django_db
ERFURT = (50.978, 11.029)


def test_the_distance_in_sql_is_the_great_circle_distance():
    rng = random.Random(7)  # noqa: S311 - test data
    offices = [
        make_office(latitude=rng.uniform(47.3, 55.0), longitude=rng.uniform(5.9, 15.0), bundesland="TH")
        for _ in range(40)
    ]
    lat, lon = ERFURT
    rows = Beratungsstelle.objects.filter(pk__in=[o.pk for o in offices]).by_distance(lat, lon)
    distances = [(term_to_km(term), pk) for pk, term in rows.values_list("pk", "distance_term")]
    expected = {o.pk: haversine(lat, lon, o.latitude, o.longitude) for o in offices}
    assert [pk for _km, pk in distances] == sorted(expected, key=lambda pk: (expected[pk], pk))
    for km, pk in distances:
        assert km == pytest.approx(expected[pk], abs=1e-6)


def test_near_holds_exactly_the_offices_within_the_radius():
    lat, lon = ERFURT
    # North of Erfurt, one degree of latitude is about 111.2 km: offices just inside and just outside 50 km.
    inside = make_office(latitude=lat + 49.9 / 111.2, longitude=lon, bundesland="TH")
    outside = make_office(latitude=lat + 50.1 / 111.2, longitude=lon, bundesland="TH")
    east_inside = make_office(latitude=lat, longitude=lon + 0.7, bundesland="TH")  # about 49 km east
    east_outside = make_office(latitude=lat, longitude=lon + 0.72, bundesland="TH")  # about 50.4 km east
    mine = [inside, outside, east_inside, east_outside]
    found = set(Beratungsstelle.objects.filter(pk__in=[o.pk for o in mine]).near(lat, lon, 50).values_list("pk"))
    assert {pk for (pk,) in found} == {o.pk for o in mine if haversine(lat, lon, o.latitude, o.longitude) <= 50}
    assert {pk for (pk,) in found} == {inside.pk, east_inside.pk}


@pytest.mark.parametrize(
    ("prefixes", "plz", "serves"),
    [
        ("26, 27", "26345", True),
        ("26, 27", "27000", True),
        ("26, 27", "28195", False),
        ("26,27", "27568", True),
        ("2", "26345", True),
        ("263", "26345", True),
        ("26345", "26345", True),
        ("263456", "26345", False),  # longer than the postcode: no beginning of it
        ("62", "26345", False),  # a part of it, not its beginning
        (" 26 ,\t27\n", "27568", True),  # blanks around the parts
        ("", "26345", False),
        ("26", "", False),  # a position outside any postcode area
        ("26", "2634", False),  # not a postcode
    ],
)
def test_a_prefix_list_serves_the_postcodes_it_begins(prefixes, plz, serves):
    office = make_office(kind="mobil", latitude=53.1, longitude=8.2, bundesland="NI", service_plz_prefixes=prefixes)
    by_plz = Beratungsstelle.objects.filter(pk=office.pk).annotate(serves=ServesPostcode(plz)).get().serves
    assert bool(by_plz) is serves
    serving = Beratungsstelle.objects.filter(pk=office.pk).serving(48.1, 11.6, plz, widest_radius_km=lambda: 50)
    assert serving.exists() is serves  # München: far from its centre, so only a prefix can make it serve


def test_a_wide_service_area_covers_places_far_from_its_centre():
    lat, lon = ERFURT
    wide = make_office(kind="mobil", latitude=lat + 2.0, longitude=lon, bundesland="TH", service_radius_km=250)
    narrow = make_office(kind="mobil", latitude=lat + 0.5, longitude=lon, bundesland="TH", service_radius_km=40)
    offices = Beratungsstelle.objects.filter(pk__in=[wide.pk, narrow.pk])
    rows = offices.serving(lat, lon, "", widest_radius_km=lambda: 250).values_list("pk", "by_plz")
    assert list(rows) == [(wide.pk, False)]  # about 222 km from its centre; the narrow one is 56 km away


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # statistics of the offices added, as the database keeps them up to date
        cursor.execute(f"EXPLAIN {sql}" if connection.vendor == "postgresql" else f"EXPLAIN QUERY PLAN {sql}", params)
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_the_database_finds_the_offices_in_its_indexes():
    add_offices(3000)  # offices all over Germany: a search near a place reads a few of them
    lat, lon = ERFURT
    fixed = Beratungsstelle.objects.published().fixed().near(lat, lon, 50).values_list("pk", "distance_term")
    mobile = Beratungsstelle.objects.published().mobile().serving(lat, lon, "99084", widest_radius_km=lambda: 60)
    fixed_plan = _plan(fixed)
    mobile_plan = _plan(mobile.values_list("pk", "distance_term", "by_plz"))
    assert "office_geo_idx" in fixed_plan
    if connection.vendor == "postgresql":  # (an index-only scan, once the table is vacuumed: not in a test)
        assert "office_service_disc_gist" in mobile_plan and "office_service_plz_gin" in mobile_plan
    else:
        assert "office_geo_idx" in mobile_plan
