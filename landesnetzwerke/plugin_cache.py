"""
Keeps the directory's CMS plugins fresh. django CMS caches a placeholder's output per placeholder and language
(independent of the page cache, which iqportal/signals.py clears on directory changes). When an office, a
network or a Fachstelle changes, the placeholders that contain a directory plugin get a new cache version.
"""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

DIRECTORY_PLUGIN_TYPES = ("NetworkOfficesPlugin", "FachstellenListPlugin")


class _PlaceholderRef:
    def __init__(self, pk):
        self.pk = pk


def invalidate_directory_plugin_placeholders():
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin
    from django.conf import settings

    pairs = (
        CMSPlugin.objects.filter(plugin_type__in=DIRECTORY_PLUGIN_TYPES)
        .values_list("placeholder_id", "language")
        .distinct()
    )
    for placeholder_id, language in pairs:
        clear_placeholder_cache(_PlaceholderRef(placeholder_id), language, settings.SITE_ID)


def _on_change(sender, raw=False, **kwargs):
    if raw:
        return
    invalidate_directory_plugin_placeholders()
    if connection.in_atomic_block:
        # Again after commit: a request may have cached the old data before the change was visible.
        transaction.on_commit(invalidate_directory_plugin_placeholders)


def connect(*models):
    for model in models:
        senders = [model, *(meta.model for meta in getattr(model, "_parler_meta", None) or [])]
        for sender in senders:
            uid = f"directory-plugin-cache-{sender._meta.label_lower}"
            post_save.connect(_on_change, sender=sender, dispatch_uid=uid)
            post_delete.connect(_on_change, sender=sender, dispatch_uid=uid)
