"""Editing an office in the admin: lost-update protection, the postcode check, sample marking, history."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from fachstellen.models import Fachstelle
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk
from tests.factories import change_url, client_for, make_editor
from tests.html import form_values, page_text

pytestmark = pytest.mark.django_db

FORM = "beratungsstelle_form"


def test_saving_over_a_newer_change_is_refused(ni_client, central_client, ni_office):
    # Both editors open the same office.
    form_a = form_values(ni_client.get(change_url(ni_office)), FORM)
    form_b = form_values(central_client.get(change_url(ni_office)), FORM)
    assert form_a["expected_version"] == [str(ni_office.version)]

    # B saves first.
    form_b["phone"] = ["+49 40 66969 999"]
    response = central_client.post(change_url(ni_office), form_b)
    assert response.status_code == 302

    # A saves later, based on the older version: refused with a clear message, B's change stays.
    form_a["email"] = ["anders@example.org"]
    response = ni_client.post(change_url(ni_office), form_a)
    assert response.status_code == 200
    page = page_text(response)
    assert (
        "Eine andere Redakteurin oder ein anderer Redakteur hat diese Beratungsstelle geändert, "
        "nachdem Sie sie geöffnet haben" in page
    )
    assert "Ihre Änderungen wurden nicht gespeichert" in page
    ni_office.refresh_from_db()
    assert ni_office.phone == "+49 40 66969 999"
    assert ni_office.email != "anders@example.org"


def test_saving_after_reopening_works_and_bumps_the_version(ni_client, ni_office):
    version = ni_office.version
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    data["phone"] = ["+49 40 66969 998"]
    assert ni_client.post(change_url(ni_office), data).status_code == 302
    ni_office.refresh_from_db()
    assert (ni_office.phone, ni_office.version) == ("+49 40 66969 998", version + 1)
    # The history records the change with its author.
    entry = LogEntry.objects.filter(object_id=str(ni_office.pk)).latest("action_time")
    assert entry.action_flag == CHANGE and entry.user.username == "redaktion-ni"
    history = ni_client.get(reverse("admin:landesnetzwerke_beratungsstelle_history", args=[ni_office.pk]))
    assert "redaktion-ni" in page_text(history)


def test_coordinates_far_from_the_postcode_give_a_warning_but_are_saved(ni_client, ni_office):
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    data["latitude"], data["longitude"] = ["48.137"], ["11.575"]  # Munich, with a Lower Saxony PLZ
    response = ni_client.post(change_url(ni_office), data, follow=True)
    assert response.status_code == 200
    page = page_text(response)
    assert f"km vom Mittelpunkt des Postleitzahlgebiets {ni_office.plz} entfernt" in page
    ni_office.refresh_from_db()
    assert ni_office.latitude == pytest.approx(48.137)


def test_plausible_coordinates_give_no_warning(ni_client, ni_office):
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    response = ni_client.post(change_url(ni_office), data, follow=True)
    assert response.status_code == 200
    assert "km vom Mittelpunkt des Postleitzahlgebiets" not in page_text(response)


def test_invalid_values_are_form_errors_not_server_errors(ni_client, ni_office):
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    data["plz"], data["latitude"] = ["3015"], ["123"]
    response = ni_client.post(change_url(ni_office), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "plz" in errors and "latitude" in errors


def test_sample_data_is_marked_in_the_admin(ni_client, ni_office):
    response = ni_client.get(reverse("admin:landesnetzwerke_beratungsstelle_changelist"))
    page = page_text(response)
    assert "Beispieldaten" in page  # the list column
    assert "Beratungsstellen, die als Beispieldaten markiert sind, haben erfundene Adressen und Kontaktdaten" in page
    form_page = page_text(ni_client.get(change_url(ni_office)))
    assert (
        "Beispieldaten: Adresse, Telefonnummer, E-Mail-Adresse und Öffnungszeiten dieser Beratungsstelle sind "
        "zu Demonstrationszwecken erfunden" in form_page
    )


def test_change_form_has_opening_hours_and_consultation_days_inline(ni_client, ni_office):
    response = ni_client.get(change_url(ni_office))
    formsets = {formset.formset.prefix for formset in response.context["inline_admin_formsets"]}
    assert formsets == {"opening_hours", "consultation_days"}
    data = form_values(response, FORM)
    total = int(data["opening_hours-TOTAL_FORMS"][0])
    assert total == ni_office.opening_hours.count() > 0
    # Add a slot through the inline; several slots a day are allowed.
    data["opening_hours-TOTAL_FORMS"] = [str(total + 1)]
    data.update(
        {
            f"opening_hours-{total}-weekday": ["5"],
            f"opening_hours-{total}-opens": ["10:00"],
            f"opening_hours-{total}-closes": ["12:00"],
        }
    )
    assert ni_client.post(change_url(ni_office), data).status_code == 302
    assert ni_office.opening_hours.filter(weekday=5).exists()


def test_inline_slot_closing_before_opening_is_refused(ni_client, ni_office):
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    total = int(data["opening_hours-TOTAL_FORMS"][0])
    data["opening_hours-TOTAL_FORMS"] = [str(total + 1)]
    data.update(
        {
            f"opening_hours-{total}-weekday": ["5"],
            f"opening_hours-{total}-opens": ["14:00"],
            f"opening_hours-{total}-closes": ["12:00"],
        }
    )
    response = ni_client.post(change_url(ni_office), data)
    assert response.status_code == 200
    assert not Beratungsstelle.objects.get(pk=ni_office.pk).opening_hours.filter(weekday=5).exists()


@pytest.mark.parametrize(
    ("url_name", "form_id", "field", "get_object"),
    [
        (
            "admin:landesnetzwerke_landesnetzwerk_change",
            "landesnetzwerk_form",
            "phone",
            lambda: Landesnetzwerk.objects.get(bundesland="NI"),
        ),
        ("admin:fachstellen_fachstelle_change", "fachstelle_form", "phone", lambda: Fachstelle.objects.first()),
    ],
)
def test_networks_and_fachstellen_are_protected_against_lost_updates(
    central_client, django_user_model, url_name, form_id, field, get_object
):
    record = get_object()
    url = reverse(url_name, args=[record.pk])
    other = client_for(make_editor(django_user_model, "zentrale-2", "Zentrale Redaktion"))
    form_a = form_values(central_client.get(url), form_id)
    form_b = form_values(other.get(url), form_id)

    form_b[field] = ["+49 30 1111 222"]
    assert other.post(url, form_b).status_code == 302
    form_a[field] = ["+49 30 3333 444"]
    response = central_client.post(url, form_a)

    assert response.status_code == 200
    assert "Ihre Änderungen wurden nicht gespeichert" in page_text(response)
    record.refresh_from_db()
    assert getattr(record, field) == "+49 30 1111 222"


def test_an_office_cannot_be_moved_into_another_networks_land(ni_client, ni_office):
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    data["bundesland"] = ["BY"]
    response = ni_client.post(change_url(ni_office), data)
    assert response.status_code == 200
    assert "Wählen Sie das Netzwerk des Bundeslands der Beratungsstelle" in page_text(response)
    ni_office.refresh_from_db()
    assert ni_office.bundesland == "NI"


def test_the_history_shows_old_and_new_values(ni_client, ni_office):
    old_phone = ni_office.phone
    data = form_values(ni_client.get(change_url(ni_office)), FORM)
    data["phone"] = ["+49 511 7654 321"]
    data["published"] = []  # unticked
    assert ni_client.post(change_url(ni_office), data).status_code == 302

    history = page_text(ni_client.get(reverse("admin:landesnetzwerke_beratungsstelle_history", args=[ni_office.pk])))
    assert f"Telefon: „{old_phone}“ → „+49 511 7654 321“" in history
    assert "Veröffentlicht: „ja“ → „nein“" in history
