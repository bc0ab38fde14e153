"""
Cache invalidation: the one registry of which models affect cached output and what a change must clear.

An invalidation step is a function without arguments that clears some cache; it is registered once with the
models whose records it shows (``register()``, called from ``AppConfig.ready()``). Saving or deleting such a
record, one of its django-parler translations, or changing one of its many-to-many relations then runs every
step registered for that model, and again after the transaction commits: another process may have cached the
old data before the new data was visible. Records written by ``loaddata`` (``raw``) run nothing; the restore
procedure clears the caches itself. Bulk writes send no signals: their callers run ``invalidate_all()``.

Registered today:

- here, ``iqportal.cache.invalidate_directory_caches`` (CMS page cache, Lotse and response caches) for
  ``DIRECTORY_MODELS``;
- from ``LandesnetzwerkeConfig.ready()``, ``landesnetzwerke.plugin_cache.invalidate_directory_plugin_placeholders``
  (the placeholders holding a directory plugin) for the records those plugins show.
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

#: Every registered step, in registration order, and the steps each sending model (or translation or
#: many-to-many through model) runs.
_steps = []
_steps_by_sender = {}


def register(step, model_labels):
    """Run ``step`` whenever a record of one of ``model_labels`` ("app_label.ModelName") changes."""
    if step not in _steps:
        _steps.append(step)
    for label in model_labels:
        try:
            model = apps.get_model(label)
        except LookupError:
            logger.warning("Cache invalidation: model %s does not exist", label)
            continue
        for sender in _related_models(model):
            steps = _steps_by_sender.setdefault(sender, [])
            if step not in steps:
                steps.append(step)
            _connect(sender)


def invalidate_all():
    """Every registered step, e.g. after bulk writes, which send no signals."""
    for step in _steps:
        step()


def register_directory_caches():
    register(invalidate_directory_caches, DIRECTORY_MODELS)


def _related_models(model):
    """The model, its django-parler translation models and the through models of its many-to-many fields."""
    related = [model]
    parler_meta = getattr(model, "_parler_meta", None)
    if parler_meta is not None:
        related.extend(meta.model for meta in parler_meta)
    related.extend(field.remote_field.through for field in model._meta.local_many_to_many)
    return related


def _connect(sender):
    uid = f"iqportal-invalidate-{sender._meta.label_lower}"
    if sender._meta.auto_created:  # a many-to-many through model
        m2m_changed.connect(_on_change, sender=sender, dispatch_uid=uid)
    else:
        post_save.connect(_on_change, sender=sender, dispatch_uid=uid)
        post_delete.connect(_on_change, sender=sender, dispatch_uid=uid)


def _on_change(sender, raw=False, action=None, **kwargs):
    if raw:  # loaddata: the restore procedure clears caches itself
        return
    if action is not None and not action.startswith("post_"):  # m2m_changed sends pre_ and post_ actions
        return
    steps = _steps_by_sender.get(sender, ())
    for step in steps:
        step()
    if connection.in_atomic_block:
        # Again after commit: another process may have cached the old data before the new data was visible.
        for step in steps:
            transaction.on_commit(step)
