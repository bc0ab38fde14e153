"""
What the site says about a publication's file ("PDF, 2.3 MB, 12 pages"), read once from the file when a version is
saved (pypdf), and the check that refuses anything that is not a readable PDF or that runs scripts (a file in the
media library from before uploads were checked, iqportal/uploads.py).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from iqportal.uploads import pdf_has_active_content

logger = logging.getLogger(__name__)

# A PDF starts with "%PDF-"; readers accept up to 1024 bytes of anything before it.
_HEADER = b"%PDF-"
_HEADER_WINDOW = 1024

NOT_A_PDF = _("This file is not a PDF. Please choose the publication as a PDF file.")
UNREADABLE = _("This PDF cannot be read; it may be damaged. Please save it again as a PDF and upload the new file.")
ENCRYPTED = _("This PDF is protected by a password. Please upload a version that opens without a password.")
ACTIVE_CONTENT = _(
    "This PDF contains scripts or automatic actions (JavaScript, starting programs). Please save it again without "
    'them (for example with "Print to PDF") and upload the new file.'
)


@dataclass(frozen=True)
class PdfFacts:
    size: int  # bytes
    pages: int


def read_pdf(data: bytes) -> PdfFacts:
    """The size and page count of a PDF given as bytes; ValidationError (with a message for editors) otherwise."""
    if _HEADER not in data[:_HEADER_WINDOW]:
        raise ValidationError(NOT_A_PDF, code="not_pdf")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(ENCRYPTED, code="encrypted")
        pages = len(reader.pages)
        if pdf_has_active_content(reader):
            raise ValidationError(ACTIVE_CONTENT, code="active_content")
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on damaged files; all mean "unreadable"
        logger.info("Unreadable PDF refused: %s", error)
        raise ValidationError(UNREADABLE, code="unreadable") from None
    if pages < 1:
        raise ValidationError(UNREADABLE, code="unreadable")
    return PdfFacts(size=len(data), pages=pages)


def read_filer_file(file: Any) -> PdfFacts:
    """The facts of a django-filer File, read from its storage; ValidationError when it is no readable PDF."""
    try:
        with file.file.open("rb") as stream:
            data = stream.read()
    except OSError:
        logger.warning("The file of filer File %s could not be opened", file.pk)
        raise ValidationError(UNREADABLE, code="unreadable") from None
    return read_pdf(data)
