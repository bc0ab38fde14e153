"""
Upload rules for django-filer (the CMS's media library), on top of filer's own validators.

Filer derives the MIME type from the file name and calls every validator listed for that type in
FILER_ADD_FILE_VALIDATORS; types not in FILER_MIME_TYPE_WHITELIST are refused before that (see settings).
SVG is not in the allow-list: an SVG can carry scripts, so it is refused rather than sanitised.

A name proves nothing, so `validate_upload_content` checks the bytes against the type the name claims:
- images (JPEG, PNG, GIF, WebP): the magic bytes (`filetype`) match, Pillow can read the image, and no HTML or
  script is hidden in it (a "polyglot" that a browser could also read as a page);
- PDF: the magic bytes match, pypdf can read it, and nothing in it runs code or acts on its own (JavaScript,
  launching programs, automatic actions), see `pdf_has_active_content`;
- Word, Excel, PowerPoint (OOXML) and OpenDocument: a ZIP whose `[Content_Types].xml` or `mimetype` entry names
  the document type of the extension (so a macro-enabled document renamed to .docx is refused too);
- plain text and CSV: no binary format and nothing that looks like HTML.
Every refusal is a FileValidationError with a message in the editor's language that names the file; filer shows
it in the upload dialog or at the form, and stores nothing.
"""

from __future__ import annotations

import io
import logging
import os
import zipfile
from typing import IO, Any

import filetype
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from filer.validation import FileValidationError
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

logger = logging.getLogger(__name__)

IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WebP"}
PDF_TYPE = "application/pdf"
# OOXML: the content type of the main part that [Content_Types].xml must declare.
OOXML_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        "Word (DOCX)",
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (
        "Excel (XLSX)",
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": (
        "PowerPoint (PPTX)",
        b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}
# OpenDocument: the `mimetype` entry holds the MIME type itself.
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "OpenDocument (ODT)",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument (ODS)",
    "application/vnd.oasis.opendocument.presentation": "OpenDocument (ODP)",
}
TEXT_TYPES = {"text/plain": "TXT", "text/csv": "CSV"}

# Lower-case markers of HTML. In images only long ones: a short marker turns up by chance in compressed data.
_HTML_IN_IMAGE = (b"<script", b"<html", b"<!doctype html", b"<iframe", b"<body")
_HTML_IN_TEXT = ("<script", "<html", "<!doctype", "<iframe", "<body", "<svg", "javascript:")
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_ENTRY_LIMIT = 1024 * 1024  # [Content_Types].xml and mimetype are small; never inflate more than this
_PDF_OBJECT_LIMIT = 500_000  # more objects than a 10 MiB PDF can hold: refuse rather than walk on

# PDF names that make a reader run code or act without being asked: document-level scripts (the /JavaScript
# name tree, /JS of an action), additional actions on opening, closing, printing, a page, a field (/AA), and
# actions that run JavaScript or launch programs (wherever they hang: /OpenAction, a link, a form field).
_PDF_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/AA"})
_PDF_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch"})


class _TooComplex(Exception):
    pass


def _size(file: IO[bytes]) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(position)
    return int(size)


def validate_upload_size(file_name: str, file: IO[bytes], owner: Any, mime_type: str) -> None:
    """Refuses files larger than FILER_MAX_UPLOAD_SIZE bytes."""
    limit = settings.FILER_MAX_UPLOAD_SIZE
    if _size(file) > limit:
        raise FileValidationError(
            _('File "{file_name}" is too large: at most {limit} may be uploaded.').format(
                file_name=file_name, limit=filesizeformat(limit)
            )
        )


def validate_upload_content(file_name: str, file: IO[bytes], owner: Any, mime_type: str) -> None:
    """A filer validator: refuses a file whose bytes are not the type its name claims, or that carries code."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    check_content(file_name, data, mime_type)


def check_content(file_name: str, data: bytes, mime_type: str) -> None:
    """FileValidationError (a message for the editor) unless `data` is a harmless file of type `mime_type`."""
    if mime_type in IMAGE_TYPES:
        _check_image(file_name, data, mime_type)
    elif mime_type == PDF_TYPE:
        _check_pdf(file_name, data)
    elif mime_type in OOXML_TYPES:
        label, main_type = OOXML_TYPES[mime_type]
        _check_zip_entry(file_name, data, label, "[Content_Types].xml", lambda entry: main_type in entry)
    elif mime_type in ODF_TYPES:
        expected = mime_type.encode()
        _check_zip_entry(file_name, data, ODF_TYPES[mime_type], "mimetype", lambda entry: entry.strip() == expected)
    elif mime_type in TEXT_TYPES:
        _check_text(file_name, data, TEXT_TYPES[mime_type])
    else:
        raise FileValidationError(
            _('File "{file_name}": files of this type cannot be uploaded.').format(file_name=file_name)
        )


def _wrong_type(file_name: str, label: str) -> FileValidationError:
    return FileValidationError(
        _(
            'File "{file_name}" is not a real {kind} file, although its name says so. Please upload the file in '
            "the format its name ends with."
        ).format(file_name=file_name, kind=label)
    )


def _hidden_code(file_name: str) -> FileValidationError:
    return FileValidationError(
        _(
            'File "{file_name}" contains web page code (HTML or a script) and cannot be uploaded: it could run in '
            "visitors' browsers."
        ).format(file_name=file_name)
    )


def _check_image(file_name: str, data: bytes, mime_type: str) -> None:
    from PIL import Image

    label = IMAGE_TYPES[mime_type]
    if filetype.guess_mime(data) != mime_type:
        raise _wrong_type(file_name, label)
    lowered = data.lower()
    if any(marker in lowered for marker in _HTML_IN_IMAGE):
        raise _hidden_code(file_name)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds of errors on damaged or hostile images; all mean "unreadable"
        raise FileValidationError(
            _('File "{file_name}" is a damaged image that cannot be read. Please save it again and upload it.').format(
                file_name=file_name
            )
        ) from None


def _check_pdf(file_name: str, data: bytes) -> None:
    if filetype.guess_mime(data) != PDF_TYPE:
        raise _wrong_type(file_name, "PDF")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileValidationError(
                _(
                    'File "{file_name}" is a PDF protected by a password, which cannot be checked. Please upload a '
                    "version that opens without a password."
                ).format(file_name=file_name)
            )
        active = pdf_has_active_content(reader)
    except FileValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on damaged files; all mean "cannot be checked"
        logger.info("Unreadable PDF upload refused: %s", error)
        raise FileValidationError(
            _(
                'File "{file_name}" is a damaged PDF that cannot be checked. Please save it again as a PDF and '
                "upload the new file."
            ).format(file_name=file_name)
        ) from None
    if active:
        raise FileValidationError(
            _(
                'File "{file_name}" is a PDF with scripts or automatic actions (JavaScript, starting programs), '
                'which cannot be uploaded. Please save it again without them (for example with "Print to PDF") '
                "and upload the new file."
            ).format(file_name=file_name)
        )


def pdf_has_active_content(reader: PdfReader) -> bool:
    """
    Whether anything reachable from the PDF's trailer runs JavaScript, launches a program or acts on its own.
    Raises _TooComplex (an Exception) for a PDF with more objects than any upload may have.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    steps = 0
    while stack:
        steps += 1
        if steps > _PDF_OBJECT_LIMIT:
            raise _TooComplex(f"more than {_PDF_OBJECT_LIMIT} objects")
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            reference = (obj.idnum, obj.generation)
            if reference in seen:
                continue
            seen.add(reference)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):  # streams too (their dictionary; the content is never a name)
            if _PDF_ACTIVE_KEYS.intersection(dict.keys(obj)):
                return True
            action = obj.get("/S")
            if isinstance(action, IndirectObject):
                action = action.get_object()
            if action in _PDF_ACTIVE_ACTIONS:
                return True
            stack.extend(dict.values(obj))  # unresolved: references are followed (once) above
        elif isinstance(obj, ArrayObject):
            stack.extend(list.__iter__(obj))
    return False


def _check_zip_entry(file_name: str, data: bytes, label: str, entry_name: str, matches: Any) -> None:
    if not data.startswith(_ZIP_MAGIC):
        raise _wrong_type(file_name, label)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(entry_name) as entry:
            content = entry.read(_ZIP_ENTRY_LIMIT)
    except (KeyError, zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise _wrong_type(file_name, label) from None
    if not matches(content):
        raise _wrong_type(file_name, label)


def _check_text(file_name: str, data: bytes, label: str) -> None:
    if filetype.guess(data) is not None:  # a known binary format (an image, a PDF, an archive, a program…)
        raise _wrong_type(file_name, label)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data:
        raise _wrong_type(file_name, label)
    else:
        text = data.decode("utf-8", errors="replace")
    lowered = text.lower()
    if lowered.lstrip("\ufeff \t\r\n\f\v").startswith("<") or any(marker in lowered for marker in _HTML_IN_TEXT):
        raise _hidden_code(file_name)
