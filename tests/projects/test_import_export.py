"""
Import and export of projects (CSV, XLSX) in the admin, with the offices' safeguards: a preview first with each row's
errors beside its row and column, nothing saved until confirmed and nothing at all when one row is broken, one
confirmation only, a row based on an outdated version refused, a network's editors limited to their network,
formula-safe cells, and an export that imports again without a change. Texts go through versioning: a changed text is
a draft until its language is listed in published_languages.
"""

import csv
import io

import pytest
import tablib
from django.urls import reverse
from django.utils import translation
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from landesnetzwerke.demo_data.loader import CENTRAL_GROUP
from landesnetzwerke.models import PendingImport
from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent
from landesnetzwerke.projects.resources import TeilprojektResource
from tests.factories import client_for, make_editor
from tests.html import page_text, parse
from tests.projects.helpers import make_project, network, place

pytestmark = pytest.mark.django_db

IMPORT = "admin:projects_teilprojekt_import"
PROCESS = "admin:projects_teilprojekt_process_import"
EXPORT = "admin:projects_teilprojekt_export"
ALREADY_CONFIRMED_DE = "Dieser Import wurde bereits bestätigt (um"
NOTHING_WAITING = (
    "This import cannot be confirmed: no preview of it is waiting for you. Nothing was imported. Please upload the "
    "file again."
)


def german(message):
    """The message as the German admin shows it."""
    with translation.override("de"):
        return translation.gettext(message)


@pytest.fixture(name="ni_editor")
def fixture_ni_editor(django_user_model):
    return make_editor(django_user_model, "import-ni", network("NI").editor_group.name)


@pytest.fixture(name="central_editor")
def fixture_central_editor(django_user_model):
    return make_editor(django_user_model, "import-zentral", CENTRAL_GROUP)


@pytest.fixture(name="project")
def fixture_project():
    return make_project(
        network("NI"),
        titles={"de": {"title": "Import Hannover", "summary": "Alt"}, "en": "Import Hanover"},
        places=[place("Hannover")],
        traeger="Importträger e. V.",
        target_groups=["eingewanderte"],
    )


def exported_rows(queryset):
    dataset = TeilprojektResource().export(queryset)
    return [dict(zip(dataset.headers, row, strict=True)) for row in dataset]


def as_csv(rows, name="projekte.csv"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    upload = io.BytesIO(out.getvalue().encode())
    upload.name = name
    return upload


def new_row(template, **changes):
    row = {key: "" for key in template}
    row.update(
        {
            "landesnetzwerk": "niedersachsen",
            "field_of_action": "qualifizierung",
            "traeger": "Neuer Träger gGmbH",
            "places": "29221 Celle",
            "starts_on": "2026-01-01",
            "ends_on": "31.12.2027",
            "target_groups": "eingewanderte, frauen",
            "funding": "esf",
            "is_sample": "0",
            "title_de": "Neues Projekt Celle",
            "summary_de": "Kurz.",
        }
    )
    row.update(changes)
    return row


def preview(client, upload, format_index="0"):
    response = client.post(reverse(IMPORT), {"format": format_index, "resource": "0", "import_file": upload})
    assert response.status_code == 200
    return response


def confirm(client, preview_response):
    form = preview_response.context.get("confirm_form")
    assert form is not None, page_text(preview_response)[:2000]
    data = {name: form[name].value() for name in form.fields}
    return client.post(reverse(PROCESS), data, follow=True)


def export(client, format_index):
    page = client.get(reverse(EXPORT) + "?language=de")
    assert page.status_code == 200
    data = {"format": format_index, "resource": "0"}
    data.update({name: "on" for name in page.context["form"].fields if name.startswith("teilprojektresource_")})
    response = client.post(reverse(EXPORT) + "?language=de", data)
    assert response.status_code == 200
    return response


def latest(project, language):
    return TeilprojektContent.admin_manager.filter(teilprojekt=project, language=language).latest_content().first()


def public_title(project, language):
    content = TeilprojektContent.objects.filter(teilprojekt=project, language=language).first()
    return content.title if content else None


def test_preview_shows_changes_and_saves_nothing_until_confirmed(ni_editor, project):
    client = client_for(ni_editor)
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    assert template["published_languages"] == "de, en"
    rows = [{**template, "traeger": "Geänderter Träger"}, new_row(template, source_id="extern-1")]
    count, version = Teilprojekt.objects.count(), project.version

    response = preview(client, as_csv(rows))
    result = response.context["result"]
    assert [row.import_type for row in result.valid_rows()] == ["update", "new"]
    assert "Geänderter Träger" in page_text(response)
    assert Teilprojekt.objects.count() == count
    assert Teilprojekt.objects.get(pk=project.pk).version == version  # rolled back

    done = confirm(client, response)
    assert done.status_code == 200
    assert Teilprojekt.objects.get(pk=project.pk).traeger == "Geänderter Träger"
    created = Teilprojekt.objects.get(source_id="extern-1")
    assert created.landesnetzwerk.slug == "niedersachsen"
    assert [p.name for p in created.places.all()] == ["Celle"]
    assert created.target_groups == ["eingewanderte", "frauen"]
    assert str(created.ends_on) == "2027-12-31"
    assert created.slug == "neues-projekt-celle"
    assert latest(created, "de").title == "Neues Projekt Celle"
    assert public_title(created, "de") is None  # not listed in published_languages: a draft


def test_one_broken_row_saves_nothing_and_names_the_row_and_the_column(ni_editor, project):
    client = client_for(ni_editor)
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    rows = [
        {**template, "traeger": "Sollte nicht gespeichert werden"},
        new_row(template, places="Atlantis"),
        new_row(template, starts_on="gestern", title_de=""),
    ]
    count = Teilprojekt.objects.count()
    response = preview(client, as_csv(rows))
    assert response.context.get("confirm_form") is None
    invalid = {row.number: row for row in response.context["result"].invalid_rows}
    assert set(invalid) == {2, 3}
    assert "places" in invalid[2].field_specific_errors
    assert "Atlantis" in " ".join(str(e) for e in invalid[2].field_specific_errors["places"])
    assert {"starts_on", "title_de"} <= set(invalid[3].field_specific_errors)
    text = page_text(response)
    assert "Atlantis" in text and "gestern" in text
    assert Teilprojekt.objects.count() == count
    assert Teilprojekt.objects.get(pk=project.pk).traeger == "Importträger e. V."


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("landesnetzwerk", "atlantis", "atlantis"),
        ("field_of_action", "zauberei", "zauberei"),
        ("target_groups", "eingewanderte, marsianer", "marsianer"),
        ("published_languages", "de, xx", "xx"),
        ("ends_on", "2020-01-01", "end"),
        ("places", "Neustadt", "Neustadt"),
        ("id", "99999999", "99999999"),
    ],
)
def test_row_errors_explain_the_problem(central_editor, project, column, value, message):
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    row = {**template, column: value}
    if column == "ends_on":
        row["starts_on"] = "2021-01-01"
    response = preview(client_for(central_editor), as_csv([row]))
    assert response.context.get("confirm_form") is None
    assert message.lower() in page_text(response).lower()


def test_a_row_of_another_network_is_refused(ni_editor):
    bavarian = make_project(network("BY"), titles={"de": "Bayerisches Projekt"})
    template = exported_rows(Teilprojekt.objects.filter(pk=bavarian.pk))[0]
    client = client_for(ni_editor)
    refused = preview(client, as_csv([{**template, "traeger": "Übernahme"}]))
    assert refused.context.get("confirm_form") is None
    assert [row.number for row in refused.context["result"].invalid_rows] == [1]
    assert "Bayerisches Projekt" in page_text(refused)
    moved = preview(client, as_csv([new_row(template, landesnetzwerk="bayern")]))
    assert moved.context.get("confirm_form") is None
    assert "landesnetzwerk" in moved.context["result"].invalid_rows[0].field_specific_errors
    assert Teilprojekt.objects.get(pk=bavarian.pk).traeger != "Übernahme"


def test_confirming_the_same_import_twice_imports_it_once(ni_editor, project):
    client = client_for(ni_editor)
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    response = preview(client, as_csv([new_row(template, source_id="einmal")]))
    first = confirm(client, response)
    second = confirm(client, response)
    assert Teilprojekt.objects.filter(source_id="einmal").count() == 1
    assert ALREADY_CONFIRMED_DE in page_text(second)
    assert first.status_code == second.status_code == 200


def test_a_confirmation_without_a_waiting_file_imports_nothing(ni_editor):
    client = client_for(ni_editor)
    response = client.post(
        reverse(PROCESS),
        {"import_file_name": "gibt-es-nicht", "original_file_name": "x.csv", "format": "0", "resource": "0"},
        follow=True,
    )
    assert response.status_code == 200
    assert german(NOTHING_WAITING) in page_text(response)
    assert not PendingImport.objects.filter(token="gibt-es-nicht").exists()


def test_a_row_exported_before_another_change_is_refused(central_editor, project):
    client = client_for(central_editor)
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    response = preview(client, as_csv([{**template, "traeger": "Aus der alten Datei"}]))
    # Another editor saves the project between the preview and the confirmation.
    changed = Teilprojekt.objects.get(pk=project.pk)
    changed.contact_name = "Jemand anderes"
    changed.save()
    confirm(client, response)
    stored = Teilprojekt.objects.get(pk=project.pk)
    assert stored.traeger == "Importträger e. V." and stored.contact_name == "Jemand anderes"
    again = preview(client, as_csv([{**template, "traeger": "Aus der alten Datei"}]))
    assert again.context.get("confirm_form") is None
    assert "version" in again.context["result"].invalid_rows[0].field_specific_errors
    # Without a version the row overwrites (the editor's choice).
    forced = preview(client, as_csv([{**template, "traeger": "Bewusst", "version": ""}]))
    confirm(client, forced)
    assert Teilprojekt.objects.get(pk=project.pk).traeger == "Bewusst"


def test_publishing_a_text_also_counts_as_a_change_after_the_export(central_editor, project):
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    Version.objects.get_for_content(latest(project, "de")).copy(central_editor)  # a new draft: version + 1
    response = preview(client_for(central_editor), as_csv([{**template, "published_languages": "de"}]))
    assert "version" in response.context["result"].invalid_rows[0].field_specific_errors


def test_changed_texts_are_drafts_until_their_language_is_listed(central_editor, project):
    client = client_for(central_editor)
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    as_draft = {**template, "title_de": "Neuer Titel", "published_languages": "en"}
    confirm(client, preview(client, as_csv([as_draft])))
    assert latest(project, "de").title == "Neuer Titel"
    assert public_title(project, "de") is None  # taken offline: de is not listed
    assert public_title(project, "en") == "Import Hanover"

    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    assert template["published_languages"] == "en" and template["title_de"] == "Neuer Titel"
    confirm(client, preview(client, as_csv([{**template, "published_languages": "de, en", "title_ar": "عنوان"}])))
    assert public_title(project, "de") == "Neuer Titel"
    assert public_title(project, "ar") is None  # a new language, not listed
    states = Version.objects.filter(
        object_id__in=TeilprojektContent.admin_manager.filter(teilprojekt=project, language="de").values("pk"),
        content_type__model="teilprojektcontent",
    ).values_list("number", "state")
    assert dict(states) == {"1": constants.UNPUBLISHED, "2": constants.PUBLISHED}


def test_an_emptied_title_is_refused(central_editor, project):
    template = exported_rows(Teilprojekt.objects.filter(pk=project.pk))[0]
    response = preview(client_for(central_editor), as_csv([{**template, "title_en": ""}]))
    assert response.context.get("confirm_form") is None
    assert "title_en" in response.context["result"].invalid_rows[0].field_specific_errors


@pytest.mark.parametrize(("format_index", "extension"), [("0", "csv"), ("1", "xlsx")])
def test_export_then_import_changes_nothing(central_editor, format_index, extension):
    client = client_for(central_editor)
    make_project(network("NI"), titles={"de": "Nur Entwurf"}, published=False)
    exported = export(client, format_index)
    assert exported["Content-Disposition"].endswith(f'.{extension}"')
    content = exported.content
    upload = io.BytesIO(content)
    upload.name = f"projekte.{extension}"
    before = {p.pk: (p.version, p.updated_at) for p in Teilprojekt.objects.all()}
    versions = Version.objects.count()
    response = preview(client, upload, format_index)
    result = response.context["result"]
    assert result.totals["skip"] == len(before), {k: v for k, v in result.totals.items() if v}
    confirm(client, response)
    assert {p.pk: (p.version, p.updated_at) for p in Teilprojekt.objects.all()} == before
    assert Version.objects.count() == versions


def test_exported_text_never_becomes_a_spreadsheet_formula_and_still_round_trips(central_editor):
    client = client_for(central_editor)
    project = make_project(
        network("NI"), titles={"de": "=HYPERLINK(\"http://evil.example\")"}, traeger="@SUM(A1:A2)",
        contact_phone="+49 511 1234",
    )  # fmt: skip
    exported = export(client, "1")
    book = tablib.Dataset().load(io.BytesIO(exported.content), format="xlsx")
    row = next(dict(zip(book.headers, r, strict=True)) for r in book if str(r[0]) == str(project.pk))
    assert row["title_de"] == '\'=HYPERLINK("http://evil.example")'
    assert row["traeger"] == "'@SUM(A1:A2)"
    assert row["contact_phone"] == "+49 511 1234"  # a phone number is not a formula
    upload = io.BytesIO(exported.content)
    upload.name = "projekte.xlsx"
    confirm(client, preview(client, upload, "1"))
    stored = Teilprojekt.objects.get(pk=project.pk)
    assert stored.traeger == "@SUM(A1:A2)" and latest(stored, "de").title.startswith("=HYPERLINK")


def test_a_network_editor_exports_only_their_networks_projects(ni_editor):
    exported = export(client_for(ni_editor), "0")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows
    assert {row["landesnetzwerk"] for row in rows} == {"niedersachsen"}
    ids = {int(row["id"]) for row in rows}
    assert ids == set(Teilprojekt.objects.filter(landesnetzwerk__bundesland="NI").values_list("pk", flat=True))


def test_the_import_page_lists_the_columns(ni_editor):
    response = client_for(ni_editor).get(reverse(IMPORT))
    assert response.status_code == 200
    text = page_text(response)
    for column in ("published_languages", "title_de", "places", "version"):
        assert column in text
    assert parse(response).xpath('//input[@type="file"]')
