"""
The media bucket (S3-compatible object storage, settings.STORAGES["default"] when AWS_STORAGE_BUCKET_NAME is set).

Every object is written with the metadata the bucket later answers with: the Content-Type that its name gives
(never the type the uploading browser claimed, which S3Storage would otherwise store) and its Content-Disposition,
`attachment` for everything but images (iqportal.media.media_headers, the rule that the development server and the
nginx snippet in docs/deployment.md follow too). A bucket cannot send X-Content-Type-Options itself: the CDN or
proxy in front of it adds it (docs/deployment.md).
"""

from __future__ import annotations

import mimetypes
from typing import Any

from storages.backends.s3 import S3Storage

from iqportal.media import media_headers


class MediaS3Storage(S3Storage):
    def get_object_parameters(self, name: str) -> dict[str, Any]:
        parameters: dict[str, Any] = super().get_object_parameters(name)
        parameters["ContentType"] = mimetypes.guess_type(name)[0] or "application/octet-stream"
        parameters["ContentDisposition"] = media_headers(name)["Content-Disposition"]
        return parameters
