"""
The import and export pages as an editor reads them: errors as text beside their row and column, changed and
broken rows first, unchanged rows as a count (a small page for a full export), and formal German ("Sie")
everywhere, including django-import-export's own messages.
"""

import io
import re

import pytest
from django.urls import reverse

from landesnetzwerke.models import Beratungsstelle
from tests.html import page_text, parse, squeeze, text_of

from .test_import_export import EXPORT, IMPORT, PROCESS, as_csv, exported_rows, new_office_row, preview
from .test_pending_imports import confirm_data, exported_csv
from .test_pending_imports import preview as preview_text

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine|deiner|deinen|deinem|deines)\b", re.IGNORECASE)
UNTRANSLATED = ("Submit", "Select all", "Confirm import", "This importer", "This exporter", "Please correct", "Skipped")


def main_text(response):
    return squeeze(parse(response).xpath("//main")[0])


def assert_formal_german(response):
    text = main_text(response)
    assert not INFORMAL.findall(text), text
    assert not [phrase for phrase in UNTRANSLATED if phrase in text], text
    for value in parse(response).xpath("//main//input[@type='submit']/@value"):
        assert not INFORMAL.search(value) and value not in UNTRANSLATED


def test_a_full_export_with_one_change_is_a_small_preview_of_that_row(central_client):
    office = Beratungsstelle.objects.order_by("pk").first()
    text = exported_csv(central_client).replace(office.email, "neu.importiert@example.org")

    response = preview_text(central_client, text)

    tree = parse(response)
    assert text_of(tree, "//main//h2") == ["Vorschau: Es wurde noch nichts gespeichert", "Was der Import ändert"]
    assert "Die Datei hat 174 Zeilen: 0 neu, 1 geändert, 173 unverändert." in main_text(response)
    assert text_of(tree, '//p[@id="import-unchanged"]') == ["173 Zeilen unverändert (nicht angezeigt)."]
    assert len(tree.xpath("//main//tbody")) == 1  # one office
    assert len(tree.xpath("//main//tr")) == 3  # the header, the version and the e-mail
    [email_row] = tree.xpath('//table[@id="import-changes"]//tr[td="email"]')
    cells = [squeeze(cell) for cell in email_row.xpath("td")]
    assert cells[-2:] == [office.email, "neu.importiert@example.org"]  # before and after, whole values
    assert email_row.xpath("td[last()]/ins/text()") == ["neu.importiert"]  # the new part marked
    assert len(response.content) < 20_000  # the old preview listed all 174 offices with all their texts
    assert_formal_german(response)


def test_each_error_is_text_beside_its_row_and_column_and_comes_first(central_client, ni_office):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    rows = [
        {**template, "phone": "+49 40 66969 777"},
        new_office_row(template, source_id="kaputt-2", latitude="abc", published="vielleicht"),
        new_office_row(template, source_id="gut-3"),
        new_office_row(template, source_id="kaputt-4", name="Zweite Stelle", kind="x"),
    ]

    response = preview(central_client, as_csv(rows))

    tree = parse(response)
    assert text_of(tree, "//main//h2") == [
        "2 Zeilen enthalten Fehler: Noch kann nichts importiert werden",
        "Die übrigen Zeilen (nicht importiert: korrigieren Sie zuerst die Zeilen oben)",
    ]
    problems = [[squeeze(cell) for cell in row.xpath("th|td")] for row in tree.xpath('//*[@id="import-problems"]//tr')]
    assert problems[0] == ["Zeile", "Datensatz", "Spalte", "Wert in der Datei", "Problem"]
    assert problems[1][:4] == ["2", "Neue Beratungsstelle Celle", "latitude", "abc"]
    assert problems[1][4].startswith("„abc“ ist keine Zahl.")
    assert problems[2][:2] == ["published", "vielleicht"] and "ist kein Ja/Nein-Wert" in problems[2][2]
    assert problems[3][:4] == ["4", "Zweite Stelle", "kind", "x"]
    assert "x" in problems[3][4] and "gültige Option" in problems[3][4]
    assert not tree.xpath('//*[contains(@class, "validation-error-container")]')  # nothing hidden in a tooltip
    changed = text_of(tree, '//*[@id="import-changes"]//th[@scope="rowgroup"]')
    assert changed == ["1", "3"]  # the other rows, in their order
    assert response.context.get("confirm_form") is None
    assert_formal_german(response)


def test_the_upload_and_export_pages_and_their_messages_address_the_editor_formally(central_client):
    assert_formal_german(central_client.get(reverse(IMPORT)))
    assert_formal_german(central_client.get(reverse(EXPORT)))

    no_data = io.BytesIO(b"id,name\n")
    no_data.name = "leer.csv"
    response = central_client.post(reverse(IMPORT), {"format": "0", "resource": "0", "import_file": no_data})
    assert "Die Datei enthält keine Daten, die importiert werden können." in main_text(response)
    assert_formal_german(response)

    not_a_workbook = io.BytesIO(b"\x00\x01 this is not a spreadsheet")
    not_a_workbook.name = "kaputt.xlsx"
    response = central_client.post(reverse(IMPORT), {"format": "1", "resource": "0", "import_file": not_a_workbook})
    assert "Die Datei konnte nicht gelesen werden." in main_text(response)
    assert "Error" not in main_text(response)  # no exception names
    assert_formal_german(response)

    response = central_client.post(reverse(EXPORT), {"format": "0", "resource": "0"})  # no column chosen
    assert "Wählen Sie mindestens eine Spalte" in main_text(response)
    assert_formal_german(response)


def test_the_messages_after_a_confirmation_address_the_editor_formally(ni_client, ni_office):
    template = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    data = confirm_data(preview(ni_client, as_csv([new_office_row(template, source_id="formell-1")])))

    done = ni_client.post(reverse(PROCESS), data, follow=True)
    again = ni_client.post(reverse(PROCESS), data, follow=True)

    assert "Import abgeschlossen: 1 neu, 0 aktualisiert, 0 gelöscht, 0 unverändert." in page_text(done)
    assert "Dieser Import wurde bereits bestätigt" in page_text(again)
    for response in (done, again):
        assert_formal_german(response)
