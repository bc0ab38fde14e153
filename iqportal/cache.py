"""
Cache invalidation for content that editors change outside CMS pages (offices, networks, Fachstellen).

CMS pages that show directory data are kept in the CMS page cache; the Lotse caches what it derives from the
directory. When directory data changes, ``invalidate_directory_caches()`` drops both: the CMS page cache by bumping
its version (django CMS's own mechanism) and everything keyed by the directory version (``directory_cache_key()``,
``cached_for_directory()`` and ``cached_many_for_directory()``) by bumping that version. Both live in the shared
cache, so with Redis every app host sees the change at once. ``cached_for_cms_pages()`` keeps what django CMS's page
tree decides (an apphook's page, the menus) until the CMS page cache version changes.
"""

import time

from cms.cache import invalidate_cms_page_cache
from django.core.cache import cache

DIRECTORY_VERSION_KEY = "iqportal:directory-version"
#: Like every key the site stores, the version expires (so a bounded Redis can evict anything); then a new
#: series of versions starts, and everything stored for the old one is stale.
DIRECTORY_VERSION_SECONDS = 24 * 60 * 60


def _new_series():
    """
    The first version of a series: the time in milliseconds. A version that expired or was evicted starts again
    above every version of the earlier series (those grow by one per change), so their entries never match it.
    """
    return int(time.time() * 1000)


def directory_version():
    """The current version of directory data; it changes whenever an office or network is saved or deleted."""
    version = cache.get(DIRECTORY_VERSION_KEY)
    if version is None:
        cache.add(DIRECTORY_VERSION_KEY, _new_series(), timeout=DIRECTORY_VERSION_SECONDS)
        version = cache.get(DIRECTORY_VERSION_KEY, 1)
    return version


def directory_cache_key(*parts):
    """A cache key for data derived from the directory (e.g. a Lotse result); stale after any directory change."""
    return ":".join(["iqportal", "directory", str(directory_version()), *(str(part) for part in parts)])


def cached_for_version(key, version_key, current_version, build, timeout, *, keep_version=False):
    """
    `build()`'s value, kept in the cache under `key` together with the version it was built for, and used while the
    version stored under `version_key` (the directory's or django CMS's page cache version) is still the same. One
    round trip reads both; after a change of the version the value is built again. `current_version()` gives (and
    sets) the version when the cache has none yet. `keep_version`: store the version again with the value, for a
    version key that expires (django CMS's does the same for its page cache: a version that expired and started
    again at 1 must not meet entries stored under an earlier 1, 2, ...).
    """
    values = cache.get_many([version_key, key])
    version = values.get(version_key) or current_version()
    entry = values.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
        return entry[1]
    value = build()
    if keep_version:
        cache.set_many({key: (version, value), version_key: version}, timeout)
    else:
        cache.set(key, (version, value), timeout)
    return value


def cached_for_cms_pages(key, build):
    """cached_for_version() for what django CMS's pages decide (a page, a menu): built again after any change of the
    page tree, as long as django CMS's page cache keeps its content."""
    from cms.cache import CMS_PAGE_CACHE_VERSION_KEY, _get_cache_version
    from cms.utils.conf import get_cms_setting

    timeout = get_cms_setting("CACHE_DURATIONS")["content"]
    key = f"iqportal:cms-data:{key}"
    return cached_for_version(key, CMS_PAGE_CACHE_VERSION_KEY, _get_cache_version, build, timeout, keep_version=True)


def cached_for_directory(key, build, timeout=3600):
    """cached_for_version() for data derived from the directory: built again after any change of it."""
    key = f"iqportal:directory-data:{key}"
    return cached_for_version(key, DIRECTORY_VERSION_KEY, directory_version, build, timeout)


def cached_many_for_directory(keys, build_missing, timeout=3600):
    """
    cached_for_directory() for many values at once: `keys` maps each wanted item to its cache key, and
    `build_missing(items)` builds {item: value} for those the cache does not hold for the current directory version.
    One round trip reads them all (and one more stores the missing ones).
    """
    cache_keys = {item: f"iqportal:directory-data:{key}" for item, key in keys.items()}
    values = cache.get_many([DIRECTORY_VERSION_KEY, *cache_keys.values()])
    version = values.get(DIRECTORY_VERSION_KEY) or directory_version()
    found, missing = {}, []
    for item, key in cache_keys.items():
        entry = values.get(key)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == version:
            found[item] = entry[1]
        else:
            missing.append(item)
    if missing:
        built = build_missing(missing)
        cache.set_many({cache_keys[item]: (version, value) for item, value in built.items()}, timeout)
        found.update(built)
    return found


def invalidate_directory_caches():
    try:
        cache.incr(DIRECTORY_VERSION_KEY)
    except ValueError:  # not in the cache (yet, expired or evicted): start a fresh series
        cache.set(DIRECTORY_VERSION_KEY, _new_series(), timeout=DIRECTORY_VERSION_SECONDS)
    invalidate_cms_page_cache()
