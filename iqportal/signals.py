"""
Signal receivers that keep caches in step with the directory: saving or deleting an office, its opening
hours or consultation days, a Landesnetzwerk or a Fachstelle invalidates the CMS page cache and the Lotse
caches. Connected by model label in ``IqportalConfig.ready`` so the apps need not know about caching.
"""

import logging

from django.apps import apps
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from iqportal.cache import invalidate_directory_caches

logger = logging.getLogger(__name__)

#: Models whose changes are visible on CMS pages and in Lotse results.
DIRECTORY_MODELS = [
    "landesnetzwerke.Landesnetzwerk",
    "landesnetzwerke.Beratungsstelle",
    "landesnetzwerke.Oeffnungszeit",
    "landesnetzwerke.Sprechtag",
    "landesnetzwerke.Thema",
    "landesnetzwerke.Sprache",
    "fachstellen.Fachstelle",
]


def _invalidate(sender, raw=False, action=None, **kwargs):
    if raw:  # loaddata: the restore procedure clears caches itself
        return
    if action is not None and not action.startswith("post_"):  # m2m_changed sends pre_ and post_ actions
        return
    invalidate_directory_caches()
    if connection.in_atomic_block:
        # Again after commit: another process may have cached the old data before the new data was visible.
        transaction.on_commit(invalidate_directory_caches)


def _related_models(model):
    """The model, its django-parler translation models and the through models of its many-to-many fields."""
    related = [model]
    parler_meta = getattr(model, "_parler_meta", None)
    if parler_meta is not None:
        related.extend(meta.model for meta in parler_meta)
    related.extend(field.remote_field.through for field in model._meta.local_many_to_many)
    return related


def connect_directory_signals():
    for label in DIRECTORY_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            logger.warning("Cache invalidation: model %s does not exist", label)
            continue
        for sender in _related_models(model):
            uid = f"iqportal-invalidate-{sender._meta.label_lower}"
            if sender._meta.auto_created:
                m2m_changed.connect(_invalidate, sender=sender, dispatch_uid=uid)
            else:
                post_save.connect(_invalidate, sender=sender, dispatch_uid=uid)
                post_delete.connect(_invalidate, sender=sender, dispatch_uid=uid)
