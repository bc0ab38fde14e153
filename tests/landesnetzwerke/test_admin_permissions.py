"""
An editor of one Landesnetzwerk sees and changes only that network's offices, in every admin path (list,
change, delete, bulk actions, history, export, import, the import's confirm step); central editors see all.
"""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk
from landesnetzwerke.resources import BeratungsstelleResource
from tests.factories import change_url, client_for
from tests.html import form_values, page_text

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:landesnetzwerke_beratungsstelle_changelist"


def assert_refused(response):
    """Django's admin answers an object outside the user's queryset like a missing one: back to the index."""
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def csv_upload(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    upload = io.BytesIO(out.getvalue().encode())
    upload.name = "offices.csv"
    return upload


def exported_row(office):
    dataset = BeratungsstelleResource().export(Beratungsstelle.objects.filter(pk=office.pk))
    return dict(zip(dataset.headers, dataset[0], strict=True))


def test_network_editor_lists_only_own_offices(ni_client, ni_network, by_office):
    response = ni_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    shown = list(response.context["cl"].queryset)
    assert len(shown) == ni_network.beratungsstellen.count() == 17
    assert {office.landesnetzwerk_id for office in shown} == {ni_network.pk}
    assert by_office.name not in response.content.decode()
    # Even asking for another network's offices by filter shows none of them.
    response = ni_client.get(reverse(CHANGELIST), {"landesnetzwerk__id__exact": by_office.landesnetzwerk_id})
    assert by_office.landesnetzwerk_id not in {office.landesnetzwerk_id for office in response.context["cl"].queryset}


def test_central_editor_lists_all_offices(central_client):
    response = central_client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == 174


def test_network_editor_opens_own_office_but_not_others(ni_client, ni_office, by_office):
    assert ni_client.get(change_url(ni_office)).status_code == 200
    response = ni_client.get(change_url(by_office))
    assert_refused(response)


def test_network_editor_cannot_post_changes_to_another_networks_office(ni_client, central_client, by_office):
    data = form_values(central_client.get(change_url(by_office)), "beratungsstelle_form")
    data["name"] = ["Übernommen"]
    response = ni_client.post(change_url(by_office), data)
    assert_refused(response)
    by_office.refresh_from_db()
    assert by_office.name != "Übernommen"


def test_network_editor_cannot_move_an_office_into_another_network(ni_client, ni_office, by_network):
    data = form_values(ni_client.get(change_url(ni_office)), "beratungsstelle_form")
    data["landesnetzwerk"] = [str(by_network.pk)]
    response = ni_client.post(change_url(ni_office), data)
    assert response.status_code == 200  # the form again, with an error
    assert response.context["adminform"].form.errors["landesnetzwerk"]
    ni_office.refresh_from_db()
    assert ni_office.landesnetzwerk.bundesland == "NI"
    # The choice list offers only the editor's network.
    form = ni_client.get(change_url(ni_office)).context["adminform"].form
    assert list(form.fields["landesnetzwerk"].queryset) == [ni_office.landesnetzwerk]


def test_network_editor_cannot_delete_another_networks_office(ni_client, by_office):
    url = reverse("admin:landesnetzwerke_beratungsstelle_delete", args=[by_office.pk])
    assert_refused(ni_client.get(url))
    assert_refused(ni_client.post(url, {"post": "yes"}))
    assert Beratungsstelle.objects.filter(pk=by_office.pk).exists()


def test_bulk_delete_ignores_other_networks_offices(ni_client, ni_office, by_office):
    response = ni_client.post(
        reverse(CHANGELIST),
        {"action": "delete_selected", "_selected_action": [ni_office.pk, by_office.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not Beratungsstelle.objects.filter(pk=ni_office.pk).exists()
    assert Beratungsstelle.objects.filter(pk=by_office.pk).exists()


def test_network_editor_cannot_read_another_networks_history(ni_client, ni_office, by_office):
    assert (
        ni_client.get(reverse("admin:landesnetzwerke_beratungsstelle_history", args=[ni_office.pk])).status_code == 200
    )
    assert_refused(ni_client.get(reverse("admin:landesnetzwerke_beratungsstelle_history", args=[by_office.pk])))


def test_export_contains_only_own_offices(ni_client, ni_network):
    url = reverse("admin:landesnetzwerke_beratungsstelle_export")
    page = ni_client.get(url)
    assert page.status_code == 200
    data = {"format": "0", "resource": "0"}
    for field in page.context["form"].fields:
        if field.startswith("beratungsstelleresource_"):
            data[field] = "on"
    response = ni_client.post(url, data)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 17
    assert {row["landesnetzwerk"] for row in rows} == {ni_network.slug}


def test_import_refuses_rows_for_other_networks(ni_client, ni_office, by_office):
    changed_own = {**exported_row(ni_office), "name": "NI geändert"}
    changed_other = {**exported_row(by_office), "name": "BY übernommen"}
    new_in_other = {**exported_row(by_office), "id": "", "source_id": "neu-by-1", "name": "Neu in Bayern"}
    count = Beratungsstelle.objects.count()
    response = ni_client.post(
        reverse("admin:landesnetzwerke_beratungsstelle_import"),
        {"format": "0", "resource": "0", "import_file": csv_upload([changed_own, changed_other, new_in_other])},
    )
    assert response.status_code == 200
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [2, 3]
    page = page_text(response)
    assert f"Sie dürfen „{by_office.name}“ nicht ändern" in page
    assert "Sie dürfen keine Beratungsstellen zu MigraNet – IQ Landesnetzwerk Bayern hinzufügen" in page
    assert "confirm_form" not in response.context or response.context["confirm_form"] is None
    by_office.refresh_from_db()
    ni_office.refresh_from_db()
    assert by_office.name != "BY übernommen" and ni_office.name != "NI geändert"
    assert Beratungsstelle.objects.count() == count


def test_import_confirm_step_also_refuses_other_networks(ni_client, ni_editor, by_office):
    """A forged confirm request (file stored, then posted to process_import) saves nothing either."""
    from landesnetzwerke.import_storage import PendingImportStorage, resource_key
    from landesnetzwerke.models import PendingImport

    upload = csv_upload([{**exported_row(by_office), "name": "BY übernommen"}])
    storage = PendingImportStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(upload.getvalue())
    PendingImport.objects.hand_to(storage.name, ni_editor, resource_key(BeratungsstelleResource), "o.csv", "csv")
    response = ni_client.post(
        reverse("admin:landesnetzwerke_beratungsstelle_process_import"),
        {"format": "0", "resource": "0", "import_file_name": storage.name, "original_file_name": "offices.csv"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Es wurde nichts importiert: Zeile 1 enthält Fehler" in page_text(response)
    by_office.refresh_from_db()
    assert by_office.name != "BY übernommen"
    assert not LogEntry.objects.filter(user=ni_editor).exists()


def test_network_editor_sees_and_edits_only_own_network_record(ni_client, ni_network, by_network):
    response = ni_client.get(reverse("admin:landesnetzwerke_landesnetzwerk_changelist"))
    assert [network.pk for network in response.context["cl"].queryset] == [ni_network.pk]
    assert (
        ni_client.get(reverse("admin:landesnetzwerke_landesnetzwerk_change", args=[ni_network.pk])).status_code == 200
    )
    assert_refused(ni_client.get(reverse("admin:landesnetzwerke_landesnetzwerk_change", args=[by_network.pk])))
    assert ni_client.get(reverse("admin:landesnetzwerke_landesnetzwerk_add")).status_code == 403


def test_user_without_group_sees_nothing(django_user_model, by_office):
    outsider = django_user_model.objects.create_user("aussen", password="a-long-editor-password-1", is_staff=True)
    client = client_for(outsider)
    assert client.get(reverse(CHANGELIST)).status_code == 403
    assert client.get(change_url(by_office)).status_code in (302, 403)
    assert Landesnetzwerk.objects.editable_by(outsider).count() == 0
    assert Beratungsstelle.objects.editable_by(outsider).count() == 0


def test_network_editor_updates_own_network_description_but_not_its_key_fields(ni_client, ni_network):
    url = reverse("admin:landesnetzwerke_landesnetzwerk_change", args=[ni_network.pk])
    data = form_values(ni_client.get(url), "landesnetzwerk_form")
    assert "bundesland" not in data and "editor_group" not in data  # read-only for network editors
    data["description"] = ["Neue Beschreibung des Netzwerks."]
    assert ni_client.post(url, data).status_code == 302
    ni_network.refresh_from_db()
    assert ni_network.safe_translation_getter("description", language_code="de") == "Neue Beschreibung des Netzwerks."
    assert ni_network.bundesland == "NI"
