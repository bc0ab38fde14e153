"""
The CMS pages that code relies on, by reverse_id. Editors may change everything on these pages but their
reverse_id (advanced page settings); the demo page tree (programme/demo_content/structure.yaml) must define each.
"""

EMPLOYER_PAGE = "arbeitgeber"
"""The employer guide: the printable checklist (programme.urls, below the page's path) lists the steps of its guide."""

REQUIRED_PAGES = (EMPLOYER_PAGE,)
