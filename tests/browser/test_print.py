"""
Printing: the employer checklist (/<language>/arbeitgeber/checkliste/) says it fits on one sheet; Chromium's
PDF output of it on A4 must have exactly one page in every language.
"""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A page object of the PDF's page tree ("/Type /Pages" is the tree's root, not a page).
PDF_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_page_count(pdf):
    return len(PDF_PAGE.findall(pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_employer_checklist_prints_on_one_a4_page(new_page, language):
    page = new_page(language=language)
    response = page.goto(f"/{language}/arbeitgeber/checkliste/")
    assert response is not None and response.status == 200
    assert page.locator(".checklist-step").count() >= 5, "the checklist shows no steps"
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf_page_count(pdf) == 1, f"the {language} checklist prints on {pdf_page_count(pdf)} A4 pages, not one"
