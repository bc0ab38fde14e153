"""
The sample publications' files, generated when they are loaded (nothing binary in the repository): a PDF of a few
pages (fpdf2) and a cover image (Pillow), both saying plainly that they are sample data. Each PDF is a few KB.
"""

import io
from datetime import UTC, datetime

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFont

SAMPLE_NOTE = "Beispieldaten / sample data"
COVER_SIZE = (240, 340)
COVER_COLOURS = {  # by type: dark enough for white text
    "iq-konkret": "#0b4f8a",
    "fact-sheet": "#1d6b35",
    "themendossier": "#5b2a7a",
    "good-practice": "#8a3b0b",
    "bericht": "#3a4350",
}
# The PDF's core font (Helvetica) has Latin-1 only: typographic characters outside it are written plainly.
_PLAIN = str.maketrans({"–": "-", "—": "-", "„": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})
_FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # the same bytes on every load


def _latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def sample_pdf(*, title: str, kind: str, year: int, pages: int) -> bytes:
    """A PDF of `pages` A4 pages, each with the sample note, the title, the type and year, and its page number."""
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(title))
    pdf.set_author("IQ Portal")
    pdf.set_subject(SAMPLE_NOTE)
    pdf.set_lang("de")
    pdf.set_creation_date(_FIXED_DATE)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 26)
        pdf.multi_cell(0, 14, SAMPLE_NOTE)
        pdf.ln(6)
        pdf.set_font("Helvetica", "B", 18)
        pdf.multi_cell(0, 9, _latin1(title))
        pdf.ln(4)
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 7, _latin1(f"{kind}, {year}. Seite {number} von {pages} / page {number} of {pages}."))
        pdf.ln(4)
        pdf.multi_cell(
            0,
            7,
            _latin1(
                "Diese Datei ist ein Beispiel für die Vorführung des IQ Portals. Sie ist keine echte Publikation des "
                "Förderprogramms IQ.\nThis file is a sample for demonstrating the IQ Portal. It is not a real "
                "publication of the IQ programme."
            ),
        )
    return bytes(pdf.output())


def sample_cover(*, kind_label: str, kind: str, year: int) -> bytes:
    """A PNG cover in the type's colour with the type, the year and the sample note."""
    image = Image.new("RGB", COVER_SIZE, COVER_COLOURS.get(kind, "#3a4350"))
    draw = ImageDraw.Draw(image)
    draw.text((18, 24), kind_label, fill="white", font=ImageFont.load_default(size=26))
    draw.text((18, 70), str(year), fill="white", font=ImageFont.load_default(size=40))
    draw.rectangle((0, COVER_SIZE[1] - 52, COVER_SIZE[0], COVER_SIZE[1]), fill="#fff4ce")
    draw.text((18, COVER_SIZE[1] - 40), "Beispieldaten", fill="#1b1f24", font=ImageFont.load_default(size=22))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
