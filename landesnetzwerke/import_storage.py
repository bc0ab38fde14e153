"""Where an uploaded import file waits between its preview and the editor's confirmation."""

from django.core.cache import cache
from import_export.tmp_storages import CacheStorage


class ImportPreviewStorage(CacheStorage):
    """
    The file in the shared cache (Redis in production), not in one host's /tmp: the confirmation may reach
    another app host than the preview did. `claim()` lets exactly one confirmation import it.
    """

    CACHE_LIFETIME = 6 * 60 * 60  # an editor has a working morning to check the preview
    CLAIM_PREFIX = "django-import-export-claimed-"

    @classmethod
    def claim(cls, name: str | None) -> bool:
        """True for the first confirmation of a file that is waiting; False if it is gone or already claimed."""
        if not name or cache.get(cls.CACHE_PREFIX + name) is None:
            return False
        return cache.add(cls.CLAIM_PREFIX + name, True, cls.CACHE_LIFETIME)
