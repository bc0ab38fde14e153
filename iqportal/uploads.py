"""
Upload rules for django-filer (the CMS's media library), on top of filer's own validators.

Filer derives the MIME type from the file name and calls every validator listed for that type in
FILER_ADD_FILE_VALIDATORS; types not in FILER_MIME_TYPE_WHITELIST are refused before that (see settings).
SVG is not in the allow-list: an SVG can carry scripts, so it is refused rather than sanitised.
"""

import os

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from filer.validation import FileValidationError


def _size(file):
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(position)
    return size


def validate_upload_size(file_name, file, owner, mime_type):
    """Refuses files larger than FILER_MAX_UPLOAD_SIZE bytes."""
    limit = settings.FILER_MAX_UPLOAD_SIZE
    if _size(file) > limit:
        raise FileValidationError(
            _('File "{file_name}" is too large: at most {limit} may be uploaded.').format(
                file_name=file_name, limit=filesizeformat(limit)
            )
        )
