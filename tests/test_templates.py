"""Templates read as markup: no line longer than MAX_LINE_LENGTH characters (the formatting itself: djhtml)."""

from tests.template_files import MAX_LINE_LENGTH, ROOT, template_files


def test_the_scan_finds_the_project_templates():
    files = template_files()
    assert "templates/base.html" in files
    assert "iqportal/templates/iqportal/lockout.html" in files
    assert not [path for path in files if path.startswith((".venv/", "staticfiles/"))]


def test_no_template_line_is_longer_than_the_limit():
    too_long = [
        f"{path}:{number}: {len(line)} characters"
        for path in template_files()
        for number, line in enumerate((ROOT / path).read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > MAX_LINE_LENGTH
    ]
    assert not too_long, f"Template lines longer than {MAX_LINE_LENGTH} characters:\n" + "\n".join(too_long)
