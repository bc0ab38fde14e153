"""
The registry of searchable content types: one adapter per type says what the search finds of an object and which
changes make that stale. The index (programme.search.index) and the search (programme.search.service) know
nothing else about the content.

The adapter contract
--------------------
An adapter is a subclass of `SearchAdapter` in the module `search_adapters` of the app that owns the content type
(`landesnetzwerke/search_adapters.py`, `programme/news/search_adapters.py`, …), decorated with `@register`; the
search app imports every installed app's `search_adapters` module when Django starts. It sets:

- `type`: the result type, the value of `data-result-type` on the results page (`page`, `office`, `network`,
  `fachstelle`, `news`, `event`, `publication`, `project`), at most 20 characters;
- `label`: how a result's type reads (gettext_lazy), e.g. _("Counselling office");
- `boost` (optional, default 0): added to the score of every match of this type, so that among equally good
  matches the one that stands for many (a network, a Fachstelle, a page) comes before one of many (an office);
- `model`: the label of the model whose objects are indexed ("landesnetzwerke.Beratungsstelle"); a document's
  `key` is the object's primary key as a string;
- `documents(obj)`: the `Document`s of one object, one per language it can be read in: `type`, `key`,
  `language`, `title`, `text` (plain text, never HTML: `programme.search.text.html_to_text` turns a rich-text body
  into text), `url` (the object's page in that language), `date` (optional: news and events give theirs; the more
  recent ranks first among equal matches), `published` (False: the object must not be found in that language);
  optionally `content_language` when the text is in another language than the visitor's (a fallback). For the
  site's languages without a document, the index uses the document of the first fallback language
  (settings.CONTENT_FALLBACKS; django CMS's fallbacks) that has one, marked with its language, at
  `fallback_url()` (by default that document's own URL);
- `get_queryset()`: every object that may be indexed, with what `documents()` reads prefetched (by default the
  model's default manager); objects outside it are removed from the index. `prepare(objects)` may load more in
  bulk before `documents()` runs for a batch.

What keeps the index current:

- saving or deleting an object of `model`, one of its django-parler translations or one of its many-to-many
  relations reindexes it (post_save, post_delete, m2m_changed);
- `dependencies`: other models whose records appear in the documents, each with a function from a changed
  record to the keys (primary keys) of the indexed objects it appears in, e.g.
  `{"landesnetzwerke.Landesnetzwerk": lambda network: network.beratungsstellen.values_list("pk", flat=True)}`
  (their translations count as the record);
- versioned content (djangocms-versioning): `content_model` (the versioned content model, e.g.
  "programme.NewsItemContent") and `grouper_field` (its field that points to `model`): every version operation
  (publish, unpublish, new draft, archive) reindexes the grouper, and `documents()` reads only published content
  through the content model's default manager (`objects`, published only; never `admin_manager`).
  `keys_for_version(version)` may name more objects (a page's descendants, whose URLs depend on it).

Inside a transaction, the objects to reindex are collected and reindexed once after it commits, in bulk; outside
one, at once. Bulk writes that send no signals (`QuerySet.update()`, `bulk_create()`) must call
`programme.search.index.reindex()` themselves, or `manage.py rebuild_search_index` afterwards.
"""

import datetime
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import NoReverseMatch
from django.utils import translation
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger(__name__)

ADAPTERS_MODULE = "search_adapters"
ModelClass = type[models.Model]  # (inside SearchAdapter, `type` is the result type's name)


@dataclass(frozen=True)
class Document:
    """What the search finds of one object in one language (see the module docstring)."""

    type: str
    key: str
    language: str
    title: str
    text: str
    url: str
    date: datetime.datetime | None = None
    published: bool = True
    content_language: str = ""  # the language of title and text when it is not `language`

    @property
    def text_language(self) -> str:
        return self.content_language or self.language


class SearchAdapter:
    """Base class of an adapter: see the module docstring for the contract."""

    type: ClassVar[str]
    label: ClassVar[Any]
    model: ClassVar[str]
    boost: ClassVar[float] = 0.0
    dependencies: ClassVar[Mapping[str, Callable[[Any], Iterable[Any]]]] = {}
    content_model: ClassVar[str] = ""
    grouper_field: ClassVar[str] = ""

    def get_model(self) -> "ModelClass":
        return apps.get_model(self.model)

    def get_queryset(self) -> models.QuerySet:
        return self.get_model()._default_manager.all()

    def prepare(self, objects: list[Any]) -> None:
        """Load in bulk what documents() needs for these objects (optional)."""

    def documents(self, obj: Any) -> Iterable[Document]:
        raise NotImplementedError

    def fallback_url(self, obj: Any, document: Document, language: str) -> str:
        """Where visitors reading `language` read `document` (of a fallback language)."""
        return document.url

    def key(self, obj: Any) -> str:
        return str(obj.pk)

    def languages_with_page(self, obj: Any) -> Iterator[tuple[str, str]]:
        """
        (language, URL of the object's page) for each site language in which `obj.get_absolute_url()` resolves,
        with that language active while the caller builds the document (translated labels, parler fields).
        """
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                try:
                    url = obj.get_absolute_url()
                except NoReverseMatch:  # no page shows such objects in this language
                    continue
                if url:
                    yield language, url

    def keys_for_version(self, version: Any) -> Iterable[str]:
        """The objects a version operation on versioned content changes: its grouper."""
        grouper_id = getattr(version.content, f"{self.grouper_field}_id")
        return [str(grouper_id)] if grouper_id is not None else []


_adapters: dict[str, SearchAdapter] = {}


def register(adapter_class: type[SearchAdapter]) -> type[SearchAdapter]:
    """Class decorator: registers the adapter of one content type (its `type` must be new)."""
    adapter = adapter_class()
    existing = _adapters.get(adapter.type)
    if existing is not None and type(existing) is not adapter_class:
        raise ValueError(f"search result type {adapter.type!r} is registered twice")
    _adapters[adapter.type] = adapter
    return adapter_class


def adapters() -> list[SearchAdapter]:
    return list(_adapters.values())


def get_adapter(type_: str) -> SearchAdapter | None:
    return _adapters.get(type_)


def discover() -> None:
    """Imports every installed app's `search_adapters` module and connects the adapters' signals (ready())."""
    autodiscover_modules(ADAPTERS_MODULE)
    for adapter in adapters():
        _connect(adapter)


# Keeping the index current ----------------------------------------------------------------------------------

_pending = threading.local()  # per thread, as Django's connections are: {type: set of keys}


def schedule(type_: str, keys: Iterable[Any]) -> None:
    """Reindex these objects: after the current transaction commits, or now outside a transaction."""
    keys = {str(key) for key in keys if key is not None}
    if not keys:
        return
    pending = getattr(_pending, "keys", None)
    if pending is None:
        pending = _pending.keys = {}
    pending.setdefault(type_, set()).update(keys)
    if connection.in_atomic_block:
        # Several changes in one transaction (an office with its translations and relations) reindex once: the
        # first callback reindexes everything pending, the later ones find nothing left. After a rollback the
        # keys stay pending and are reindexed (from the unchanged data) with the next change: harmless.
        transaction.on_commit(flush)
    else:
        flush()


def flush() -> None:
    """Reindex every object scheduled so far."""
    from programme.search import index

    pending = getattr(_pending, "keys", None) or {}
    _pending.keys = {}
    for type_, keys in pending.items():
        adapter = get_adapter(type_)
        if adapter is not None:
            try:
                index.reindex(adapter, keys)
            except Exception:  # the content change has been committed: never fail it for the index's sake
                logger.exception("Search index: reindexing %s %s failed", type_, sorted(keys)[:10])


def _translation_models(model: ModelClass) -> list[ModelClass]:
    parler_meta = getattr(model, "_parler_meta", None)
    return [meta.model for meta in parler_meta] if parler_meta is not None else []


def _connect(adapter: SearchAdapter) -> None:
    model = adapter.get_model()
    uid = f"search-index-{adapter.type}"

    def relation_change(sender: Any, instance: Any, action: str, pk_set: Any = None, **kwargs: Any) -> None:
        if not action.startswith("post_"):
            return
        # Forward (office.topics.add(topic)): the instance is indexed; reverse (topic.beratungsstellen.add(office)):
        # the pk_set is, or all of the instance's related objects when it is cleared.
        schedule(adapter.type, [instance.pk] if isinstance(instance, model) else (pk_set or []))

    _connect_changes(adapter, model, lambda instance: [instance.pk], uid)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            relation_change, sender=field.remote_field.through, dispatch_uid=f"{uid}-m2m-{field.name}", weak=False
        )
    for label, affected in adapter.dependencies.items():
        _connect_changes(adapter, apps.get_model(label), affected, uid)
    if adapter.content_model:
        _connect_versions(adapter, apps.get_model(adapter.content_model), uid)


def _connect_changes(
    adapter: SearchAdapter, changed_model: ModelClass, affected: Callable[[Any], Iterable[Any]], uid: str
) -> None:
    """Saving or deleting a record of `changed_model` (or one of its translations) reindexes `affected(record)`."""

    def changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        if not raw:
            schedule(adapter.type, affected(instance))

    def translation_changed(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
        if not raw and instance.master_id is not None:
            # Gone when the record itself is being deleted: its own post_delete reindexes then.
            master = changed_model._base_manager.filter(pk=instance.master_id).first()
            if master is not None:
                schedule(adapter.type, affected(master))

    label = changed_model._meta.label_lower
    for signal in (post_save, post_delete):
        signal.connect(changed, sender=changed_model, dispatch_uid=f"{uid}-{label}", weak=False)
        for translation_model in _translation_models(changed_model):
            signal.connect(translation_changed, sender=translation_model, dispatch_uid=f"{uid}-{label}-t", weak=False)


def _connect_versions(adapter: SearchAdapter, content_model: ModelClass, uid: str) -> None:
    from djangocms_versioning.signals import post_version_operation

    def version_changed(sender: Any, obj: Any, **kwargs: Any) -> None:
        schedule(adapter.type, adapter.keys_for_version(obj))

    post_version_operation.connect(version_changed, sender=content_model, dispatch_uid=f"{uid}-versions", weak=False)
