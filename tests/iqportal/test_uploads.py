"""
Uploads are typed by their bytes, not their name (iqportal/uploads.py), and media is delivered so that no browser
renders it as a page (iqportal/media.py, iqportal/media_storage.py).

The attack files go through the media library's real upload (filer's ajax upload view, which the admin's upload
dialog and every file and image field use) and the file's change form, as a network editor.
"""

import io
import os
import zipfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from filer.models import File
from filer.validation import FileValidationError
from fpdf import FPDF
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from iqportal.media import media_headers, serve_media
from iqportal.uploads import check_content
from landesnetzwerke.models import Landesnetzwerk
from tests.factories import client_for, make_editor
from tests.iqportal.servers import run_python

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
# A GIF header that is also a script: "GIF89a" then a JavaScript comment, then the page.
GIF_HEADER_WITH_SCRIPT = (
    b"GIF89a/*\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9*/=1;<script>alert(1)</script>"
)


# --- files ------------------------------------------------------------------------------------------------------


def real_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Ein echtes PDF")
    return bytes(pdf.output())


def pdf_with_action(action: dict, *, where: str = "/OpenAction") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer._root_object[NameObject(where)] = DictionaryObject({NameObject(key): value for key, value in action.items()})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_javascript() -> bytes:
    return pdf_with_action({"/S": NameObject("/JavaScript"), "/JS": TextStringObject("app.alert('hacked')")})


def real_image(kind: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(buffer, format=kind)
    return buffer.getvalue()


def gif_with_script() -> bytes:
    """A GIF that image programs show and whose comment is a page for a browser that sniffs."""
    buffer = io.BytesIO()
    Image.new("P", (8, 8), 1).save(buffer, format="GIF", comment=b"<html><script>alert(1)</script></html>")
    return buffer.getvalue()


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def content_types(main: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    ).encode()


def real_docx() -> bytes:
    return zip_of(
        {
            "[Content_Types].xml": content_types(f"{DOCX}.main+xml"),
            "word/document.xml": b"<w:document/>",
        }
    )


def real_xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active["A1"] = "Beratungsstelle"
    workbook.save(buffer)
    return buffer.getvalue()


def real_odt() -> bytes:
    return zip_of({"mimetype": ODT.encode(), "content.xml": b"<office:document-content/>"})


# The four attack files of issue 13: (name, bytes, what the refusal says in English).
ATTACKS = {
    "html-as-pdf": ("bericht.pdf", HTML, "is not a real PDF file"),
    "gif-with-script": ("bild.gif", gif_with_script(), "contains web page code"),
    "pdf-with-javascript": ("flyer.pdf", pdf_with_javascript(), "PDF with scripts or automatic actions"),
    "fake-docx": ("brief.docx", zip_of({"index.html": HTML}), "is not a real Word (DOCX) file"),
}


# --- the media library's upload, as an editor ----------------------------------------------------------------------


def stored_files() -> list[str]:
    return [os.path.join(folder, name) for folder, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names]


@pytest.fixture(name="editor_client")
def fixture_editor_client(django_user_model):
    group = Landesnetzwerk.objects.get(bundesland="NI").editor_group.name
    return client_for(make_editor(django_user_model, "upload-ni", group))


def upload(client, name: str, content: bytes, *, language: str = "en", content_type: str = "application/pdf"):
    with translation.override(language):
        url = reverse("admin:filer-ajax_upload")
    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type)})


@pytest.mark.django_db
@pytest.mark.parametrize("attack", ATTACKS)
def test_the_media_library_refuses_the_attack_files_and_stores_nothing(editor_client, attack):
    name, content, message = ATTACKS[attack]
    files_before, stored_before = File.objects.count(), stored_files()
    response = upload(editor_client, name, content)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert name in error
    assert message in error
    assert File.objects.count() == files_before
    assert stored_files() == stored_before


@pytest.mark.django_db
def test_the_refusal_is_in_the_editors_language(editor_client):
    response = upload(editor_client, "bericht.pdf", HTML, language="de")
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Die Datei „bericht.pdf“ ist keine echte Datei vom Typ PDF, obwohl ihr Name das sagt. Bitte laden Sie die "
        "Datei in dem Format hoch, auf das ihr Name endet."
    )


@pytest.mark.django_db
def test_the_browsers_claimed_type_does_not_matter(editor_client):
    """The multipart Content-Type is the client's word: an HTML page sent as "application/pdf" is still refused."""
    response = upload(editor_client, "seite.pdf", HTML, content_type="application/pdf")
    assert response.status_code == 400
    response = upload(editor_client, "bild.png", HTML, content_type="image/png")
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"), [("publikation.pdf", real_pdf()), ("logo.png", real_image("PNG"))], ids=["pdf", "png"]
)
def test_the_media_library_accepts_a_real_pdf_and_a_real_png(editor_client, name, content):
    files_before = File.objects.count()
    response = upload(editor_client, name, content)
    assert response.status_code == 200, response.content
    assert File.objects.count() == files_before + 1
    stored = File.objects.get(pk=response.json()["file_id"])
    assert stored.original_filename == name
    with stored.file.open("rb") as handle:
        assert handle.read(4) in (b"%PDF", b"\x89PNG")


@pytest.mark.django_db
def test_replacing_a_files_content_in_its_change_form_is_checked_too(editor_client):
    """The media library's change form can replace a file's content: the same check, nothing replaced."""
    editor = editor_client.session["_auth_user_id"]
    content = real_pdf()
    original = File.objects.create(
        file=ContentFile(content, name="programm.pdf"),
        original_filename="programm.pdf",
        is_public=True,
        owner_id=editor,
    )
    sha1 = original.sha1
    with translation.override("en"):
        url = reverse("admin:filer_file_change", args=[original.pk])
    response = editor_client.post(
        url,
        {
            "name": "Programm",
            "owner": editor,
            "description": "",
            "file": SimpleUploadedFile("programm.pdf", pdf_with_javascript(), "application/pdf"),
            "_continue": "1",
        },
    )
    assert response.status_code == 200  # the form again, with the message
    assert "PDF with scripts or automatic actions" in response.content.decode()
    original.refresh_from_db()
    assert original.sha1 == sha1
    with original.file.open("rb") as handle:
        assert handle.read() == content


# --- the content check, type by type ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("foto.jpg", real_image("JPEG"), "image/jpeg"),
        ("logo.png", real_image("PNG"), "image/png"),
        ("animation.gif", real_image("GIF"), "image/gif"),
        ("bild.webp", real_image("WEBP"), "image/webp"),
        ("bericht.pdf", real_pdf(), "application/pdf"),
        (
            "link.pdf",
            pdf_with_action({"/S": NameObject("/URI"), "/URI": TextStringObject("https://example.org")}),
            "application/pdf",
        ),
        ("brief.docx", real_docx(), DOCX),
        ("liste.xlsx", real_xlsx(), XLSX),
        ("text.odt", real_odt(), ODT),
        ("liste.csv", "Name;Ort\nIQ Beratung;Köln\n".encode(), "text/csv"),
        ("hinweis.txt", "Öffnungszeiten: 9 < 12 Uhr".encode("utf-16"), "text/plain"),
    ],
)
def test_real_files_pass(name, content, mime):
    check_content(name, content, mime)


@pytest.mark.parametrize(
    ("name", "content", "mime", "message"),
    [
        ("foto.jpg", real_image("PNG"), "image/jpeg", "is not a real JPEG file"),
        ("bild.gif", GIF_HEADER_WITH_SCRIPT, "image/gif", "web page code"),
        ("logo.png", HTML, "image/png", "is not a real PNG file"),
        ("foto.jpg", real_image("JPEG") + b"<html><script>alert(1)</script>", "image/jpeg", "web page code"),
        ("bild.png", real_image("PNG") + b"<HTML><BODY onload=alert(1)>", "image/png", "web page code"),
        ("kaputt.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "image/png", "damaged image"),
        ("kaputt.pdf", b"%PDF-1.7\n" + b"x" * 100, "application/pdf", "damaged PDF"),
        (
            "start.pdf",
            pdf_with_action({"/S": NameObject("/Launch"), "/F": TextStringObject("cmd.exe")}),
            "application/pdf",
            "PDF with scripts",
        ),
        ("auto.pdf", pdf_with_action({"/O": DictionaryObject()}, where="/AA"), "application/pdf", "PDF with scripts"),
        (
            "names.pdf",
            pdf_with_action({"/JavaScript": DictionaryObject()}, where="/Names"),
            "application/pdf",
            "PDF with scripts",
        ),
        (
            "escaped.pdf",
            pdf_with_javascript().replace(b"/JavaScript", b"/J#61vaScript"),
            "application/pdf",
            "PDF with scripts",
        ),
        (
            "makro.docx",
            zip_of({"[Content_Types].xml": content_types("application/vnd.ms-word.document.macroEnabled.main+xml")}),
            DOCX,
            "Word (DOCX)",
        ),
        ("tabelle.xlsx", real_docx(), XLSX, "Excel (XLSX)"),
        ("seite.docx", HTML + real_docx(), DOCX, "Word (DOCX)"),  # HTML in front of a ZIP: readers still open it
        ("text.odt", zip_of({"mimetype": b"text/html"}), ODT, "OpenDocument (ODT)"),
        ("liste.csv", b"<table><tr><td>1</td></tr></table>", "text/csv", "web page code"),
        ("liste.csv", b"Name;Notiz\nA;<script>alert(1)</script>\n", "text/csv", "web page code"),
        ("notiz.txt", b"\xef\xbb\xbf  \n<!doctype html><p>Hallo", "text/plain", "web page code"),
        ("notiz.txt", real_pdf(), "text/plain", "is not a real TXT file"),
        ("notiz.txt", b"abc\x00def", "text/plain", "is not a real TXT file"),
        ("film.mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4", "cannot be uploaded"),
    ],
)
def test_files_that_are_not_what_their_name_says_are_refused(name, content, mime, message):
    with translation.override("en"), pytest.raises(FileValidationError) as refusal:
        check_content(name, content, mime)
    assert name in refusal.value.messages[0]
    assert message in refusal.value.messages[0]


def test_an_encrypted_pdf_is_refused():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="geheim", owner_password="geheim")
    buffer = io.BytesIO()
    writer.write(buffer)
    with translation.override("en"), pytest.raises(FileValidationError, match="protected by a password"):
        check_content("geheim.pdf", buffer.getvalue(), "application/pdf")


# --- media delivery ------------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [
        ("bericht.pdf", real_pdf(), 'attachment; filename="bericht.pdf"'),
        ("liste.csv", b"a;b\n", 'attachment; filename="liste.csv"'),
        ("logo.png", real_image("PNG"), 'inline; filename="logo.png"'),
    ],
)
def test_media_is_served_with_nosniff_and_only_images_inline(rf, name, content, disposition):
    stored = File.objects.create(file=ContentFile(content, name=name), original_filename=name, is_public=True)
    assert stored.url.startswith(settings.MEDIA_URL)
    response = serve_media(rf.get(stored.url), stored.url.removeprefix(settings.MEDIA_URL))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == disposition


def test_the_development_server_serves_media_through_that_view():
    """With DEBUG (`make run`) MEDIA_URL is mounted on serve_media; the tests run with DEBUG off, so ask a process."""
    code = (
        "import django; django.setup(); from django.urls import resolve; "
        "match = resolve('/media/filer_public/ab/bericht.pdf'); print(match.func.__module__, match.func.__name__, "
        "match.kwargs['path'])"
    )
    result = run_python(code, env={**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "iqportal.test_settings"})
    assert result.stdout.strip().splitlines()[-1] == "iqportal.media serve_media filer_public/ab/bericht.pdf", (
        result.stderr
    )


def test_unknown_and_script_types_are_downloads():
    assert media_headers("filer_public/ab/seite.html")["Content-Disposition"] == 'attachment; filename="seite.html"'
    assert media_headers("filer_public/ab/bild.svg")["Content-Disposition"].startswith("attachment;")
    assert media_headers("filer_public/ab/ohne-endung")["Content-Disposition"].startswith("attachment;")
    thumbnail = media_headers("filer_public_thumbnails/ab/foto.jpg__180x180_q85.jpg")
    assert thumbnail["Content-Disposition"].startswith("inline;")
    assert thumbnail["X-Content-Type-Options"] == "nosniff"


def test_bucket_objects_get_a_safe_type_and_disposition():
    from iqportal.media_storage import MediaS3Storage

    storage = MediaS3Storage(bucket_name="iq-media", object_parameters={"CacheControl": "max-age=86400"})
    pdf = storage.get_object_parameters("filer_public/ab/bericht.pdf")
    assert pdf == {
        "CacheControl": "max-age=86400",
        "ContentType": "application/pdf",
        "ContentDisposition": 'attachment; filename="bericht.pdf"',
    }
    image = storage.get_object_parameters("filer_public/ab/logo.png")
    assert image == {
        "CacheControl": "max-age=86400",
        "ContentType": "image/png",
        "ContentDisposition": 'inline; filename="logo.png"',
    }
    assert storage.get_object_parameters("filer_public/ab/ohne-endung")["ContentType"] == "application/octet-stream"
