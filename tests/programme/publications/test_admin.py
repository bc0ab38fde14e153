"""
Editing publications in the admin: a network's editors see, change and publish only their network's publications
(list, form, versions list, the versions admin's publish and Version.publish); central editors all. A file that is
no readable PDF is refused with a message tied to the file field; a new version is a draft until published.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from djangocms_versioning import constants
from djangocms_versioning.exceptions import ConditionFailed
from djangocms_versioning.models import Version
from filer.models import File

from programme.publications.models import Publikation, PublikationContent
from tests.factories import make_pdf_file, make_publication
from tests.html import parse, squeeze

pytestmark = pytest.mark.django_db

CHANGELIST = "/de/admin/publications/publikation/"
ADD = "/de/admin/publications/publikation/add/"


def form_data(file, **changes):
    data = {
        "content__language": "de",
        "content__title": "Neues Fact Sheet aus Niedersachsen",
        "content__teaser": "Zahlen aus der Beratung in Niedersachsen.",
        "content__description": "",
        "content__file": file.pk,
        "content__file_languages": ["de"],
        "content__cover": "",
        "content__cover_alt_text": "",
        "slug": "fact-sheet-niedersachsen",
        "typ": "fact-sheet",
        "jahr": "2022",
        "schwerpunkt": "",
        "landesnetzwerk": Publikation._meta.get_field("landesnetzwerk")
        .related_model.objects.get(slug="niedersachsen")
        .pk,
        "fachstelle": "",
    }
    data.update(changes)
    return data


def field_errors(response, name):
    return [
        squeeze(error)
        for error in parse(response).xpath(f'//*[contains(@class, "field-{name}")]//ul[@class="errorlist"]')
    ]


def latest_version(publication, language="de"):
    content = PublikationContent.admin_manager.filter(publikation=publication, language=language).latest_content().get()
    return Version.objects.get_for_content(content)


def publish_url(version):
    return reverse("admin:djangocms_versioning_publikationcontentversion_publish", args=[version.pk])


def test_a_network_editor_lists_only_the_networks_publications(ni_client):
    response = ni_client.get(CHANGELIST)
    assert response.status_code == 200
    shown = {publication.slug for publication in response.context["cl"].queryset}
    assert shown == {"good-practice-mobile-beratung-niedersachsen"}


def test_a_central_editor_lists_every_publication(central_client):
    response = central_client.get(CHANGELIST)
    assert response.context["cl"].result_count == Publikation.objects.count() == 22


def test_a_network_editor_cannot_open_another_networks_publication(ni_client):
    berlin = Publikation.objects.get(slug="good-practice-jobcenter-schulungen-berlin")
    response = ni_client.get(reverse("admin:publications_publikation_change", args=[berlin.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_network_editor_adds_a_draft_and_publishes_it(ni_client, client):
    response = ni_client.post(f"{ADD}?language=de", form_data(make_pdf_file(pages=4)))
    assert response.status_code == 302, field_errors(response, "content__file") or response.content.decode()[:3000]
    publication = Publikation.objects.get(slug="fact-sheet-niedersachsen")
    assert publication.landesnetzwerk.slug == "niedersachsen"
    version = latest_version(publication)
    assert version.state == constants.DRAFT
    assert version.content.page_count == 4
    assert client.get("/de/publikationen/fact-sheet-niedersachsen/").status_code == 404

    response = ni_client.post(publish_url(version))
    assert response.status_code == 302
    assert Version.objects.get(pk=version.pk).state == constants.PUBLISHED
    assert client.get("/de/publikationen/fact-sheet-niedersachsen/").status_code == 200


def test_a_network_editor_must_give_a_new_publication_their_network(ni_client):
    response = ni_client.post(f"{ADD}?language=de", form_data(make_pdf_file(), landesnetzwerk=""))
    assert response.status_code == 200
    assert not Publikation.objects.filter(slug="fact-sheet-niedersachsen").exists()


def test_a_network_editor_cannot_publish_another_networks_draft(ni_client, ni_editor):
    berlin = make_publication(network="berlin", publish=False)
    version = latest_version(berlin)
    ni_client.post(publish_url(version))
    assert Version.objects.get(pk=version.pk).state == constants.DRAFT
    with pytest.raises(ConditionFailed):
        Version.objects.get(pk=version.pk).publish(ni_editor)
    assert Version.objects.get(pk=version.pk).state == constants.DRAFT


def test_the_versions_list_shows_a_network_editor_only_their_networks_versions(ni_client):
    berlin = make_publication(network="berlin")
    own = make_publication(network="niedersachsen")
    url = reverse("admin:djangocms_versioning_publikationcontentversion_changelist")
    response = ni_client.get(url, {"publikation": own.pk, "language": "de"})
    assert response.status_code == 200
    assert [v.content.publikation_id for v in response.context["cl"].queryset] == [own.pk]
    response = ni_client.get(url, {"publikation": berlin.pk, "language": "de"})
    assert list(response.context["cl"].queryset) == []


def test_a_central_editor_publishes_any_networks_publication(central_client):
    berlin = make_publication(network="berlin", publish=False)
    version = latest_version(berlin)
    central_client.post(publish_url(version))
    assert Version.objects.get(pk=version.pk).state == constants.PUBLISHED


def upload(name, data):
    return File.objects.create(file=ContentFile(data, name=name), original_filename=name, is_public=True)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bericht.txt", b"Nur Text, kein PDF.", "Diese Datei ist kein PDF."),
        ("bild.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "Diese Datei ist kein PDF."),
        ("kaputt.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "Dieses PDF lässt sich nicht lesen"),
    ],
)
def test_a_file_that_is_no_readable_pdf_is_refused_with_a_clear_message(central_client, name, data, message):
    response = central_client.post(f"{ADD}?language=de", form_data(upload(name, data), landesnetzwerk=""))
    assert response.status_code == 200
    errors = field_errors(response, "content__file")
    assert errors and message in errors[0], errors
    assert not Publikation.objects.filter(slug="fact-sheet-niedersachsen").exists()


def test_a_password_protected_pdf_is_refused(central_client):
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="geheim", owner_password="geheim")
    data = io.BytesIO()
    writer.write(data)
    response = central_client.post(
        f"{ADD}?language=de", form_data(upload("geheim.pdf", data.getvalue()), landesnetzwerk="")
    )
    assert "mit einem Passwort geschützt" in field_errors(response, "content__file")[0]


def test_a_pdf_with_javascript_is_refused(central_client):
    """A PDF in the media library from before uploads were checked (iqportal/uploads.py) is not published either."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    data = io.BytesIO()
    writer.write(data)
    response = central_client.post(
        f"{ADD}?language=de", form_data(upload("skript.pdf", data.getvalue()), landesnetzwerk="")
    )
    assert "Dieses PDF enthält Skripte oder automatische Aktionen" in field_errors(response, "content__file")[0]
    assert not Publikation.objects.filter(slug="fact-sheet-niedersachsen").exists()


def test_a_cover_needs_an_alternative_text(central_client):
    from filer.models import Image

    from programme.publications.sample_files import sample_cover

    cover = Image.objects.create(
        file=ContentFile(sample_cover(kind_label="Fact Sheet", kind="fact-sheet", year=2022), name="cover.png"),
        original_filename="cover.png",
    )
    response = central_client.post(
        f"{ADD}?language=de", form_data(make_pdf_file(), landesnetzwerk="", content__cover=cover.pk)
    )
    assert "Beschreiben Sie das Titelbild" in field_errors(response, "content__cover_alt_text")[0]


def test_a_new_language_version_starts_with_the_file_of_the_others(central_client):
    publication = Publikation.objects.get(slug="iq-konkret-2019-1")
    PublikationContent.admin_manager.filter(publikation=publication, language="tr").delete()
    german = PublikationContent.objects.get(publikation=publication, language="de")
    response = central_client.get(
        reverse("admin:publications_publikation_change", args=[publication.pk]), {"language": "tr"}
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["content__file"] == german.file_id
    assert form.initial["content__file_languages"] == ["de"]
