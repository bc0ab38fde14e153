"""
The portable backup of IQ Portal's content (see docs/deployment.md, "Backup and restore").

``export_content`` writes every model's rows as JSON (Django's dumpdata with natural foreign keys, so
content types and permissions are matched by name, and primary keys kept, which CMS versions refer to),
except what is rebuilt or worthless after a restore:

- content types and permissions: ``migrate`` creates them in the new database;
- sessions, login-throttling records and the CMS's cache bookkeeping: transient;
- the gazetteer (PLZ and places): reference data that ``manage.py load_gazetteer`` loads again;
- the site search's index (documents and vocabulary): derived from the content, ``import_content`` rebuilds it;
- models declared inside migrations (a djangocms-text leftover without a table).

The admin's change history (who changed which office or page when) is part of the backup. Uploaded files
are not: they live in the media storage, which is backed up on its own (docs/deployment.md).
"""

from django.apps import apps

EXCLUDED_MODELS = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "cms.cachekey",
    "cms.urlconfrevision",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accesslog",
    "axes.accessfailurelog",
    "search.suchdokument",
    "search.suchwort",
}


def is_reference_data(model):
    """The gazetteer's models (module ``landesnetzwerke.models.gazetteer``)."""
    return model.__module__.endswith(".gazetteer")


def is_migration_leftover(model):
    """A model declared inside a migration module (djangocms-text does so); it registers itself on import."""
    return ".migrations." in model.__module__


def excluded_labels():
    labels = set()
    for model in apps.get_models(include_auto_created=False):
        label = model._meta.label_lower
        if label in EXCLUDED_MODELS or is_reference_data(model) or is_migration_leftover(model):
            labels.add(model._meta.label)
    return sorted(labels)


def content_models():
    """Every concrete model whose rows belong in the backup."""
    excluded = {label.lower() for label in excluded_labels()}
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed and model._meta.label_lower not in excluded
    ]
