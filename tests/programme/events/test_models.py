"""The rules of an event, in validation (what editors see) and in the database (what no code path can bypass)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from landesnetzwerke.models import Postleitzahl
from programme.events.models import Event
from tests.programme.editorial import berlin, make_event

pytestmark = pytest.mark.django_db


def event(**fields):
    values = {
        "slug": "regeln",
        "starts_at": berlin(2031, 4, 1, 10),
        "ends_at": berlin(2031, 4, 1, 12),
        "attendance": "vor-ort",
        "plz": "04109",
        "city": "Leipzig",
    }
    values.update(fields)
    return Event(**values)


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


@pytest.mark.parametrize("ends", [berlin(2031, 4, 1, 10), berlin(2031, 4, 1, 9)])
def test_the_end_must_be_after_the_start(ends):
    assert "ends_at" in errors_of(event(ends_at=ends))


def test_the_database_refuses_an_end_before_the_start():
    instance = event(ends_at=berlin(2031, 4, 1, 9))
    with pytest.raises(IntegrityError), transaction.atomic():
        instance.save()


def test_the_coordinates_come_from_the_gazetteer():
    instance = event()
    instance.full_clean()
    leipzig = Postleitzahl.objects.get(code="04109")
    assert (instance.latitude, instance.longitude) == (leipzig.latitude, leipzig.longitude)
    by_name = event(plz="", city="Leipzig")
    by_name.full_clean()
    assert abs(by_name.latitude - 51.34) < 0.1 and abs(by_name.longitude - 12.37) < 0.1


def test_an_unknown_place_is_an_error_at_its_field():
    assert "plz" in errors_of(event(plz="00000", city=""))
    assert "city" in errors_of(event(plz="", city="Zzyzxqvwk"))
    assert "city" in errors_of(event(plz="", city=""))


def test_an_online_event_needs_its_link_and_has_no_coordinates():
    assert "online_url" in errors_of(event(attendance="online", plz="", city=""))
    online = event(attendance="online", online_url="https://example.org/", latitude=51.0, longitude=12.0)
    online.full_clean()
    assert online.latitude is None and online.longitude is None


def test_a_hybrid_event_needs_both():
    errors = errors_of(event(attendance="hybrid", plz="", city=""))
    assert {"online_url", "city"} <= set(errors)


def test_reserved_slugs_are_refused():
    assert "slug" in errors_of(event(slug="archiv"))
    assert "slug" in errors_of(event(slug="termine"))


def test_an_organiser_is_a_network_or_a_fachstelle_not_both():
    from fachstellen.models import Fachstelle
    from landesnetzwerke.models import Landesnetzwerk

    both = event(landesnetzwerk=Landesnetzwerk.objects.first(), fachstelle=Fachstelle.objects.first())
    assert "fachstelle" in errors_of(both)


def test_times_are_shown_in_german_time():
    instance = make_event(starts_at=datetime.datetime(2031, 1, 1, 23, 30, tzinfo=datetime.UTC))
    assert instance.local_start.date() == datetime.date(2031, 1, 2) and instance.local_start.hour == 0
