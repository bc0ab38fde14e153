"""
How uploaded files (media) are delivered: images are shown in the page, everything else is downloaded, and no
browser guesses a type (`X-Content-Type-Options: nosniff`). Even a file that slipped past the upload checks
(iqportal/uploads.py) is then never rendered as a page of the site's origin.

- `media_headers(name)`: the headers for a file; one rule for every way media is served.
- `serve_media`: the development view (`make run`, DEBUG), mounted at MEDIA_URL by iqportal/urls.py.
- `MediaS3Storage` (iqportal/media_storage.py): writes the same Content-Disposition (and the Content-Type of the
  name) as object metadata to the bucket. A reverse proxy in front of MEDIA_ROOT does the same with the nginx
  snippet in docs/deployment.md.
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.http import content_disposition_header
from django.views.static import serve

# Shown in the page; every other type (PDF, office files, text, anything unknown) is a download.
INLINE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def media_headers(name: str) -> dict[str, str]:
    """The response headers of the uploaded file `name` (a path or file name)."""
    as_attachment = mimetypes.guess_type(name)[0] not in INLINE_TYPES
    disposition = content_disposition_header(as_attachment, posixpath.basename(name))
    return {
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": disposition or ("attachment" if as_attachment else "inline"),
    }


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """An uploaded file from MEDIA_ROOT with `media_headers` (development only: production serves media itself)."""
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    for header, value in media_headers(path).items():
        response[header] = value
    return response
