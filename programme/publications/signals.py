"""
Keeps what visitors see in step with the editors: publishing, unpublishing or reverting a version, and changing a
publication's type, year or owner (registered with iqportal.invalidation), make cached pages stale; replacing a PDF
in the media library reads its size and page count again for every version that shows it.
"""

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models.signals import post_save
from djangocms_versioning.signals import post_version_operation
from filer.models import File

from iqportal import invalidation
from iqportal.cache import invalidate_directory_caches
from programme.publications.models import PublikationContent
from programme.publications.pdf import read_filer_file


def _invalidate_after_version_operation(sender, **kwargs):
    invalidate_directory_caches()
    if connection.in_atomic_block:  # again after commit: another process may have cached the old list meanwhile
        transaction.on_commit(invalidate_directory_caches)


def _refresh_file_facts(sender, instance, raw=False, **kwargs):
    """The file of a filer File was replaced (or its record saved): store its facts again where it is used."""
    if raw:
        return
    contents = PublikationContent._base_manager.filter(file_id=instance.pk)
    if not contents.exists():
        return
    try:
        facts = read_filer_file(instance)
    except ValidationError:
        size, pages = instance.size or None, None  # no longer a readable PDF: the size is all the site can say
    else:
        size, pages = facts.size, facts.pages
    # Derived data, not an edit: updated in place in every version, published ones included.
    contents.exclude(file_size=size, page_count=pages).update(file_size=size, page_count=pages)
    invalidate_directory_caches()


def connect_signals():
    post_version_operation.connect(
        _invalidate_after_version_operation, sender=PublikationContent, dispatch_uid="publications-version-operation"
    )
    invalidation.register(invalidate_directory_caches, ["publications.Publikation"])
    post_save.connect(_refresh_file_facts, sender=File, dispatch_uid="publications-file-facts")
