"""
Cache invalidation for content that editors change outside CMS pages (offices, networks, Fachstellen).

CMS pages that show directory data are kept in the CMS page cache; the Lotse may cache results per
normalised query. When directory data changes, ``invalidate_directory_caches()`` drops both: the CMS page
cache by bumping its version (django CMS's own mechanism) and every key built with ``directory_cache_key()``
by bumping the directory version. Both live in the shared cache, so with Redis every app host sees the
change at once.
"""

from cms.cache import invalidate_cms_page_cache
from django.core.cache import cache

DIRECTORY_VERSION_KEY = "iqportal:directory-version"


def directory_version():
    """The current version of directory data; it changes whenever an office or network is saved or deleted."""
    version = cache.get(DIRECTORY_VERSION_KEY)
    if version is None:
        cache.add(DIRECTORY_VERSION_KEY, 1, timeout=None)
        version = cache.get(DIRECTORY_VERSION_KEY, 1)
    return version


def directory_cache_key(*parts):
    """A cache key for data derived from the directory (e.g. a Lotse result); stale after any directory change."""
    return ":".join(["iqportal", "directory", str(directory_version()), *(str(part) for part in parts)])


def invalidate_directory_caches():
    try:
        cache.incr(DIRECTORY_VERSION_KEY)
    except ValueError:  # not in the cache (yet, or evicted): start a fresh series
        cache.set(DIRECTORY_VERSION_KEY, 2, timeout=None)
    invalidate_cms_page_cache()
