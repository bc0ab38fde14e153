"""
The project's own templates: templates/ and every app's templates/ folder. Checked by tests/test_templates.py (no
line longer than MAX_LINE_LENGTH) and formatted by djhtml (`make lint`, `make format`, .ci/run and pre-commit take
the file list from `python -m tests.template_files`, one path a line).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINE_LENGTH = 160
_NOT_PROJECT = {"node_modules", "staticfiles", "media", "artifacts"}  # besides hidden folders such as .venv


def template_files():
    """Paths (relative to the project, sorted) of the HTML templates in a templates/ folder of the project."""
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in _NOT_PROJECT)
        relative = Path(folder).relative_to(ROOT)
        if "templates" in relative.parts:
            found.extend((relative / name).as_posix() for name in files if name.endswith(".html"))
    return sorted(found)


if __name__ == "__main__":
    sys.stdout.write("".join(f"{path}\n" for path in template_files()))
