"""
What leaves the site in files stays data: CSV cells are quoted and never start a spreadsheet formula, however a
spreadsheet splits them; one-line office fields refuse control characters; vCards escape what they contain, also
for data stored before that rule.
"""

import csv
import io
import re

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from landesnetzwerke.file_formats import escape_formula, unescape_formula
from landesnetzwerke.models import Beratungsstelle
from tests.factories import change_url
from tests.html import form_values, page_text

from .test_import_export import as_csv, export, exported_rows, preview

pytestmark = pytest.mark.django_db

NASTY = {
    "name": "x;@SUM(1+1)",
    "traeger": 'Träger, =HYPERLINK("http://evil.example")',
    "street": "Hof 2,  =1+1 Straße",
    "city": "Celle\t-2+3",  # stored before one-line fields refused tabs
    "phone": "+49 511 1234-5",
    "description_de": "Angebote:\r\n- Beratung\n@Termin\ttäglich; +A1\r=B2",
}
FORMULA_START = re.compile(r"^'?[ ]*[=+\-@\t\r]")


def pieces(text):
    """Every piece a spreadsheet could make of the file, ignoring quotes: split on , ; tab and line breaks."""
    return [piece.strip(' "') for piece in re.split(r"[,;\t\r\n]", text)]


def runs_as_formula(piece):
    return piece[:1] in ("=", "+", "-", "@") and not re.fullmatch(r"[+-]?[0-9 ()/.-]*", piece)


def store_nasty_values(office):
    values = {key: value for key, value in NASTY.items() if not key.endswith("_de")}
    Beratungsstelle.objects.filter(pk=office.pk).update(**values)  # as if stored before the validator existed
    office.refresh_from_db()
    office.set_current_language("de")
    office.description = NASTY["description_de"]
    office.save_translations()


@pytest.mark.parametrize(
    "text",
    [
        "x;@SUM(1+1)",
        '=HYPERLINK("a")',
        "  =1",
        "\t=1",
        "\r=1",
        "a,  +1+A1",
        "'=x",
        "''+49 30",
        "a\n- b",
        "+49 30 123, =1",
        "Mo 09:00-12:00, 13:00-16:00; Di 09:00-12:00",
        "x@example.org",
        "-",
        "@",
        "",
    ],
)
def test_the_formula_guard_leaves_no_piece_a_formula_and_is_undone_by_the_import(text):
    guarded = escape_formula(text)
    assert unescape_formula(guarded) == text
    assert not [piece for piece in re.split(r"[,;\t\r\n]", guarded) if runs_as_formula(piece.lstrip(" "))]


def test_harmless_text_and_phone_numbers_are_exported_as_they_are():
    for text in ("+49 511 1234-5", "-3.5", "Mo 09:00-12:00, 13:00-16:00", "info@example.org", "Hauptstraße 1"):
        assert escape_formula(text) == text


def test_csv_cells_are_quoted_and_no_piece_of_the_file_is_a_formula(central_client, ni_office):
    store_nasty_values(ni_office)

    content = export(central_client, "0").content.decode("utf-8-sig")

    line = next(line for line in content.splitlines() if "SUM(1+1)" in line)
    assert '"x;\'@SUM(1+1)"' in line  # quoted, and guarded for a spreadsheet that splits on ";"
    reader = csv.reader(io.StringIO(content))
    header = next(reader)
    assert all(raw.startswith('"') for raw in content.splitlines()[0].split(","))  # every cell quoted
    row = next(dict(zip(header, cells, strict=True)) for cells in reader if cells[0] == str(ni_office.pk))
    assert row["city"] == "Celle\t'-2+3" and row["phone"] == "+49 511 1234-5"
    assert not [piece for piece in pieces(content) if runs_as_formula(piece)]


@pytest.mark.parametrize(("format_index", "extension"), [("0", "csv"), ("1", "xlsx")])
def test_guarded_values_import_back_unchanged(central_client, ni_office, format_index, extension):
    store_nasty_values(ni_office)
    response = export(central_client, format_index)
    if extension == "xlsx":
        dataset = tablib.Dataset().load(response.content, format="xlsx")
        row = next(dict(zip(dataset.headers, r, strict=True)) for r in dataset if str(r[0]) == str(ni_office.pk))
        assert row["name"] == "x;'@SUM(1+1)"

    upload = io.BytesIO(response.content)
    upload.name = f"offices.{extension}"
    result = preview(central_client, upload, format_index).context["result"]

    assert not [row.error_dict for row in result.invalid_rows]
    assert not result.has_errors() and not result.has_validation_errors()
    assert {row.import_type for row in result.valid_rows()} == {"skip"}


@pytest.mark.parametrize("field", ["name", "traeger", "street", "city", "phone", "email", "website"])
@pytest.mark.parametrize("character", ["\r", "\n", "\x00", "\t", "\x1b", "\u2028"])
def test_one_line_fields_refuse_control_characters(ni_office, field, character):
    value = {"email": "a@example.org", "website": "https://example.org/a"}.get(field, "Wert")
    setattr(ni_office, field, value[:1] + character + value[1:])
    with pytest.raises(ValidationError) as refused:
        ni_office.full_clean()
    assert "control_characters" in {error.code for error in refused.value.error_dict[field]}


def test_the_admin_form_refuses_a_line_break_in_a_name(ni_client, ni_office):
    data = form_values(ni_client.get(change_url(ni_office)), "beratungsstelle_form")
    data["name"] = ["Beratung\rURL:https://evil.example/"]
    response = ni_client.post(change_url(ni_office), data)
    assert response.status_code == 200
    assert "Schreiben Sie dies in eine Zeile: Zeilenumbrüche, Tabulatoren und andere Steuerzeichen" in (
        page_text(response)
    )
    ni_office.refresh_from_db()
    assert "evil" not in ni_office.name


def test_an_import_refuses_a_line_break_in_a_one_line_field(central_client, ni_office):
    row = exported_rows(Beratungsstelle.objects.filter(pk=ni_office.pk))[0]
    response = preview(central_client, as_csv([{**row, "city": "Hannover\nURL:https://evil.example/"}]))
    [invalid] = response.context["result"].invalid_rows
    assert "city" in invalid.field_specific_errors
    assert "Schreiben Sie dies in eine Zeile" in page_text(response)


def test_a_vcard_never_gets_a_property_from_stored_control_characters(client, ni_office):
    url = reverse("lotse:office-vcard", kwargs={"pk": ni_office.pk})
    properties = [line.split(":")[0].split(";")[0] for line in client.get(url).content.decode().split("\r\n")]
    Beratungsstelle.objects.filter(pk=ni_office.pk).update(
        name="Beratung\rURL:https://evil.example/",
        traeger="Träger\nEMAIL:evil@example.org",
        street="Weg 1\u2028TEL:0",
        # PostgreSQL cannot store NUL in a text column at all; SQLite can.
        city="Ort\x0bX" if connection.vendor == "postgresql" else "Ort\x00\x0bX",
    )  # as if stored before one-line fields refused control characters

    card = client.get(url).content.decode()

    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]|\r(?!\n)|(?<!\r)\n", card)
    lines = card.split("\r\n")
    assert [line.split(":")[0].split(";")[0] for line in lines] == properties  # no property more, none less
    unfolded = card.replace("\r\n ", "")  # RFC 6350, 3.2
    assert "\r\nFN:Beratung\\nURL:https://evil.example/\r\n" in unfolded
    assert "\r\nORG:Träger\\nEMAIL:evil@example.org\r\n" in unfolded
    assert "Weg 1\\nTEL:0" in unfolded and ";Ort\\nX;" in unfolded  # a vertical tab is a line break to some readers
