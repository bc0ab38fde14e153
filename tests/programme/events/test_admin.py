"""Editing events in the admin with real users of the editor groups: own network only, times and places checked."""

import pytest
from django.test import Client
from django.urls import reverse
from djangocms_versioning import constants

from programme.events.models import Event, EventContent, Zielgruppe
from tests.html import parse, text_of
from tests.programme.editorial import berlin, make_event, network, version_of

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    return reverse(name, args=args) + "?language=de"


def form_data(**fields):
    data = {
        "content__language": "de",
        "content__title": "Infoabend in Oldenburg",
        "content__teaser": "Ein Abend mit Informationen zur Anerkennung.",
        "slug": "infoabend-oldenburg",
        "starts_at_0": "2031-09-10",
        "starts_at_1": "18:00",
        "ends_at_0": "2031-09-10",
        "ends_at_1": "20:00",
        "attendance": "vor-ort",
        "online_url": "",
        "venue": "Stadtbibliothek",
        "street": "Markt 2",
        "plz": "26122",
        "city": "Oldenburg",
        "landesnetzwerk": str(network("NI").pk),
        "zielgruppen": [str(Zielgruppe.objects.get(slug="zugewanderte").pk)],
        "sprachen": ["de", "ar"],
        "registration_url": "",
        "registration_email": "",
        "_save": "1",
    }
    data.update(fields)
    return data


def test_a_network_editor_creates_an_event_in_german_time_with_the_gazetteers_coordinates(ni_client, ni_editor):
    response = ni_client.post(admin_url("admin:events_event_add"), form_data())
    assert response.status_code == 302, text_of(parse(response), '//*[contains(@class, "errorlist")]')
    event = Event.objects.get(slug="infoabend-oldenburg")
    assert event.starts_at == berlin(2031, 9, 10, 18) and event.ends_at == berlin(2031, 9, 10, 20)
    assert 53.0 < event.latitude < 53.3 and 8.1 < event.longitude < 8.4  # Oldenburg
    assert set(event.sprachen.values_list("code", flat=True)) == {"de", "ar"}
    content = EventContent.admin_manager.get(event=event, language="de")
    assert version_of(content).state == constants.DRAFT and version_of(content).created_by == ni_editor
    assert Client().get(f"/de/termine/{event.slug}/").status_code == 404


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"ends_at_1": "17:00"}, "ends_at"),
        ({"plz": "99999", "city": ""}, "plz"),
        ({"attendance": "online", "plz": "", "city": ""}, "online_url"),
        ({"landesnetzwerk": ""}, "landesnetzwerk"),
        ({"zielgruppen": []}, "zielgruppen"),
    ],
)
def test_invalid_events_are_refused_with_the_error_at_the_field(ni_client, fields, field):
    response = ni_client.post(admin_url("admin:events_event_add"), form_data(**fields))
    assert response.status_code == 200
    assert parse(response).xpath(f'//div[contains(@class, "field-{field}")]//*[contains(@class, "errorlist")]')
    assert not Event.objects.filter(slug="infoabend-oldenburg").exists()


def test_a_network_editor_cannot_see_change_or_publish_another_networks_event(ni_client, ni_editor):
    by_event = make_event(starts_at=berlin(2031, 6, 1, 10), land="BY", publish=False, texts={"de": "Termin in Bayern"})
    ni_event = make_event(starts_at=berlin(2031, 6, 1, 10), land="NI", publish=False, texts={"de": "Termin im Norden"})
    page = ni_client.get(admin_url("admin:events_event_changelist")).content.decode()
    assert "Termin im Norden" in page and "Termin in Bayern" not in page
    assert ni_client.get(admin_url("admin:events_event_change", by_event.pk)).status_code == 302
    content = EventContent.admin_manager.get(event=by_event)
    ni_client.post(reverse("admin:djangocms_versioning_eventcontentversion_publish", args=[version_of(content).pk]))
    assert version_of(content).state == constants.DRAFT
    own = EventContent.admin_manager.get(event=ni_event)
    ni_client.post(reverse("admin:djangocms_versioning_eventcontentversion_publish", args=[version_of(own).pk]))
    assert version_of(own).state == constants.PUBLISHED
