"""
Import and export of offices (CSV, XLSX) through the admin: a preview first, nothing saved until confirmed,
nothing saved at all when one row is broken (and the row is named), history for imported changes, and an
export that imports again without changes.
"""

import csv
import datetime
import io

import pytest
import tablib
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from landesnetzwerke.directory import format_opening_hours, parse_consultation_days, parse_opening_hours
from landesnetzwerke.import_storage import PendingImportStorage, resource_key
from landesnetzwerke.models import Beratungsstelle, PendingImport
from landesnetzwerke.resources import BeratungsstelleResource
from tests.html import page_text

pytestmark = pytest.mark.django_db

IMPORT = "admin:landesnetzwerke_beratungsstelle_import"
PROCESS = "admin:landesnetzwerke_beratungsstelle_process_import"
EXPORT = "admin:landesnetzwerke_beratungsstelle_export"


def exported_rows(queryset):
    dataset = BeratungsstelleResource().export(queryset)
    return [dict(zip(dataset.headers, row, strict=True)) for row in dataset]


def as_csv(rows, name="offices.csv"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    upload = io.BytesIO(out.getvalue().encode())
    upload.name = name
    return upload


def new_office_row(template, **changes):
    row = {**template, "id": "", "source_id": "", "version": "", "name": "Neue Beratungsstelle Celle"}
    row.update({"plz": "29221", "city": "Celle", "latitude": "52.6256", "longitude": "10.0825"})
    row.update(changes)
    return row


def preview(client, upload, format_index="0"):
    response = client.post(reverse(IMPORT), {"format": format_index, "resource": "0", "import_file": upload})
    assert response.status_code == 200
    return response


def confirm(client, preview_response):
    form = preview_response.context["confirm_form"]
    assert form is not None, page_text(preview_response)[:2000]
    data = {name: form[name].value() for name in form.fields}
    return client.post(reverse(PROCESS), data, follow=True)


def export(client, format_index):
    page = client.get(reverse(EXPORT))
    data = {"format": format_index, "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if name.startswith("beratungsstelleresource_")})
    response = client.post(reverse(EXPORT), data)
    assert response.status_code == 200
    return response


def test_preview_shows_changes_and_saves_nothing_until_confirmed(ni_client, ni_editor, ni_network, ni_office):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    rows = [{**template, "phone": "+49 40 66969 555"}, new_office_row(template, source_id="extern-celle-1")]
    count, version = Beratungsstelle.objects.count(), ni_office.version

    response = preview(ni_client, as_csv(rows))
    result = response.context["result"]
    assert [row.import_type for row in result.valid_rows()] == ["update", "new"]
    diff = dict(zip(result.diff_headers, result.valid_rows()[0].diff, strict=True))
    changed = {column for column, cell in diff.items() if "<ins" in cell or "<del" in cell}
    assert changed == {"phone", "version"}  # the preview's diff shows what the row changes
    assert "555" in diff["phone"]
    assert Beratungsstelle.objects.count() == count  # nothing saved by the preview
    ni_office.refresh_from_db()
    assert ni_office.phone != "+49 40 66969 555"

    done = confirm(ni_client, response)
    assert "success" in [message.level_tag for message in done.context["messages"]]
    ni_office.refresh_from_db()
    assert ni_office.phone == "+49 40 66969 555" and ni_office.version == version + 1
    created = Beratungsstelle.objects.get(source_id="extern-celle-1")
    assert created.landesnetzwerk == ni_network
    assert created.opening_hours.count() == ni_office.opening_hours.count()
    assert created.safe_translation_getter("description", language_code="en") == template["description_en"]
    # Imports leave history, with the importing editor as author.
    assert LogEntry.objects.filter(user=ni_editor, object_id=str(ni_office.pk)).exists()
    assert LogEntry.objects.filter(user=ni_editor, object_id=str(created.pk)).exists()


def test_one_broken_row_saves_nothing_and_names_the_row(ni_client, ni_office):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    rows = [
        new_office_row(template, source_id="ok-1"),
        new_office_row(template, source_id="kaputt-2", plz="29A21"),
        {**template, "phone": "+49 40 66969 444"},
    ]
    count = Beratungsstelle.objects.count()
    response = preview(ni_client, as_csv(rows))
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [2]
    assert "plz" in result.invalid_rows[0].field_specific_errors
    assert response.context.get("confirm_form") is None  # no way to confirm
    assert Beratungsstelle.objects.count() == count
    ni_office.refresh_from_db()
    assert ni_office.phone != "+49 40 66969 444"


def test_broken_row_at_the_confirm_step_rolls_everything_back(ni_client, ni_editor, ni_office):
    """Even if the file were confirmed anyway (e.g. data changed since the preview), the import is all or nothing."""
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    rows = [new_office_row(template, source_id="ok-1"), new_office_row(template, source_id="kaputt-2", kind="x")]
    storage = PendingImportStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(as_csv(rows).getvalue())
    PendingImport.objects.hand_to(storage.name, ni_editor, resource_key(BeratungsstelleResource), "x.csv", "csv")
    count = Beratungsstelle.objects.count()
    response = ni_client.post(
        reverse(PROCESS),
        {"format": "0", "resource": "0", "import_file_name": storage.name, "original_file_name": "x.csv"},
        follow=True,
    )
    assert "Es wurde nichts importiert: Zeile 2 enthält Fehler" in page_text(response)
    assert Beratungsstelle.objects.count() == count
    assert not Beratungsstelle.objects.filter(source_id="ok-1").exists()


def test_confirming_the_same_import_twice_imports_it_once(ni_client, ni_office):
    """A double click, the back button or a second app host: the second confirmation imports nothing."""
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    response = preview(ni_client, as_csv([new_office_row(template, source_id="einmal-1")]))
    form = response.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}

    first = ni_client.post(reverse(PROCESS), data, follow=True)
    second = ni_client.post(reverse(PROCESS), data, follow=True)

    assert first.status_code == second.status_code == 200
    assert Beratungsstelle.objects.filter(source_id="einmal-1").count() == 1
    assert "Dieser Import wurde bereits bestätigt" in page_text(second)


@pytest.mark.parametrize(
    "changes",
    [{"import_file_name": "gibt-es-nicht"}, {"import_file_name": "../../etc/passwd"}, {"format": "99"}],
)
def test_a_confirmation_without_a_waiting_file_explains_and_saves_nothing(ni_client, ni_office, changes):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    response = preview(ni_client, as_csv([new_office_row(template, source_id="nie-1")]))
    form = response.context["confirm_form"]
    data = {**{name: form[name].value() for name in form.fields}, **changes}
    count = Beratungsstelle.objects.count()

    response = ni_client.post(reverse(PROCESS), data, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(IMPORT)
    assert Beratungsstelle.objects.count() == count


def test_preview_with_a_broken_row_also_shows_what_the_other_rows_would_change(ni_client, ni_office):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    rows = [
        {**template, "phone": "+49 40 66969 777"},
        new_office_row(template, source_id="kaputt-2", latitude="abc"),
    ]
    response = preview(ni_client, as_csv(rows))
    text = page_text(response)
    assert "„abc“ ist keine Zahl" in text  # the broken row, explained in the editor's language
    assert "Die übrigen Zeilen" in text and "Aktualisieren" in text  # the other row's change is shown too
    other_rows = response.content.decode().split("Die übrigen Zeilen")[1]
    assert "777</ins>" in other_rows  # the phone number's new digits, marked as inserted
    assert response.context.get("confirm_form") is None
    ni_office.refresh_from_db()
    assert ni_office.phone != "+49 40 66969 777"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("topics", "anerkennung, gibtsnicht", "Unbekannte Werte: gibtsnicht."),
        ("languages", "de, xx", "Unbekannte Werte: xx."),
        ("published", "vielleicht", "„vielleicht“ ist kein Ja/Nein-Wert"),
        ("opening_hours", "Mo 12:00-09:00", "liegt der Beginn nicht vor dem Ende"),
        ("opening_hours", "Montag früh", "Unbekannter Tag „Montag“"),
        ("sprechtage", "morgen um neun", "„morgen um neun“ ist kein Sprechtag im Format"),
        ("landesnetzwerk", "atlantis", "Es gibt kein Landesnetzwerk „atlantis“"),
        ("latitude", "91", None),  # Django's range validator (message in the admin's language)
        ("latitude", "nan", "„nan“ ist keine Zahl"),
        ("service_radius_km", "2.5", "„2.5“ ist keine ganze Zahl"),
    ],
)
def test_row_errors_explain_the_problem(central_client, ni_office, column, value, message):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    response = preview(central_client, as_csv([new_office_row(template, **{column: value})]))
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 1
    assert column in invalid.field_specific_errors
    if message:
        assert message in page_text(response)


def test_a_row_exported_before_another_change_is_refused(central_client, ni_office):
    row = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    ni_office.phone = "+49 40 66969 321"
    ni_office.save()  # someone changes the office after the export
    response = preview(central_client, as_csv([{**row, "email": "neu@example.org"}]))
    assert [row.number for row in response.context["result"].invalid_rows] == [1]
    assert "Diese Beratungsstelle wurde nach dem Export geändert" in page_text(response)


@pytest.mark.parametrize(
    ("editor", "format_index", "extension", "count"),
    [("central_client", "0", "csv", 174), ("ni_client", "1", "xlsx", 17)],
)
def test_export_then_import_changes_nothing(request, editor, format_index, extension, count):
    client = request.getfixturevalue(editor)
    response = export(client, format_index)
    upload = io.BytesIO(response.content)
    upload.name = f"offices.{extension}"
    content = response.content.decode("utf-8-sig") if extension == "csv" else response.content
    dataset = tablib.Dataset().load(content, format=extension)
    assert len(dataset) == count
    assert {"description_de", "description_en", "opening_hours", "sprechtage", "topics"} <= set(dataset.headers)
    versions = dict(Beratungsstelle.objects.values_list("pk", "version"))

    result = preview(client, upload, format_index).context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.valid_rows()] == ["skip"] * count  # every row unchanged
    assert dict(Beratungsstelle.objects.values_list("pk", "version")) == versions


@pytest.mark.parametrize(("format_index", "extension"), [("0", "csv"), ("1", "xlsx")])
def test_exported_text_never_becomes_a_spreadsheet_formula_and_still_round_trips(
    central_client, ni_office, format_index, extension
):
    formula = '=HYPERLINK("http://evil.example","Klick")'
    ni_office.name = formula
    ni_office.phone = "+49 511 1234-5"
    ni_office.save()

    response = export(central_client, format_index)
    content = response.content.decode("utf-8-sig") if extension == "csv" else response.content
    dataset = tablib.Dataset().load(content, format=extension)
    row = next(
        dict(zip(dataset.headers, values, strict=True)) for values in dataset if str(values[0]) == str(ni_office.pk)
    )
    assert row["name"] == "'" + formula  # shown as text by Excel and LibreOffice, never run
    assert row["phone"] == "+49 511 1234-5"  # phone numbers stay as they are

    upload = io.BytesIO(response.content)
    upload.name = f"offices.{extension}"
    result = preview(central_client, upload, format_index).context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert {row.import_type for row in result.valid_rows()} == {"skip"}  # the name imports back unchanged


def test_text_formats_of_hours_and_consultation_days_round_trip():
    slots = parse_opening_hours("Mo 09:00-12:00, 13:00-16:00; Fr 9.00-12.00")
    assert slots == [
        (0, datetime.time(9), datetime.time(12)),
        (0, datetime.time(13), datetime.time(16)),
        (4, datetime.time(9), datetime.time(12)),
    ]
    assert format_opening_hours(slots) == "Mo 09:00-12:00, 13:00-16:00; Fr 09:00-12:00"
    days = parse_consultation_days("2030-03-04 09:30-12:00 Celle; Rathaus, Markt 1 | 2030-03-18 13:00-15:00 Uelzen")
    assert days[0] == {
        "date": datetime.date(2030, 3, 4),
        "starts": datetime.time(9, 30),
        "ends": datetime.time(12),
        "place": "Celle",
        "address": "Rathaus, Markt 1",
    }
    assert days[1]["address"] == ""
