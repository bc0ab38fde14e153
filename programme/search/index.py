"""
Writing the search index: the documents of the registered adapters (programme.search.registry) become Suchdokument
rows, their words the vocabulary (Suchwort). `reindex()` replaces the documents of some objects (called after
saves, deletes and version operations), `rebuild()` writes the whole index again (`manage.py
rebuild_search_index`, run by `load_demo_content`). Both use bulk queries: their number grows with the number of
content types, not with the number of documents.
"""

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any

from cms.utils.i18n import get_fallback_languages
from django.conf import settings
from django.db import transaction

from landesnetzwerke.names import koelner_phonetik
from programme.search import postgres
from programme.search.models import Suchdokument, Suchwort
from programme.search.registry import Document, SearchAdapter, adapters
from programme.search.text import joined_keys, spellings, text_keys

TEXT_MAX_LENGTH = 100_000
BATCH_SIZE = 500


@dataclass
class RebuildReport:
    documents: dict[str, int] = field(default_factory=dict)  # by type
    words: int = 0


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def complete_documents(adapter: SearchAdapter, obj: Any) -> list[Document]:
    """
    The adapter's published documents of `obj` in the site's languages, and for each site language without one
    the document of its first fallback language that has one (at the adapter's fallback_url).
    """
    languages = site_languages()
    own = {doc.language: doc for doc in adapter.documents(obj) if doc.language in languages}
    published = {language: doc for language, doc in own.items() if doc.published}
    documents = list(published.values())
    for language in languages:
        if language in own:
            continue  # published, or withdrawn in this language: then no fallback either
        source = next((published[fb] for fb in get_fallback_languages(language) if fb in published), None)
        if source is not None:
            documents.append(
                replace(
                    source,
                    language=language,
                    content_language=source.text_language,
                    url=adapter.fallback_url(obj, source, language) or source.url,
                )
            )
    return [doc for doc in documents if doc.url and doc.title]


def _row(document: Document) -> Suchdokument:
    text = document.text[:TEXT_MAX_LENGTH]
    return Suchdokument(
        type=document.type,
        key=document.key,
        language=document.language,
        content_language=document.text_language,
        title=document.title[:500],
        text=text,
        url=document.url[:500],
        date=document.date,
        title_keys=joined_keys(text_keys(document.title))[:1000],
        keys=joined_keys(text_keys(f"{document.title} {text}")),
    )


def _words(documents: Iterable[Document]) -> dict[str, str]:
    found: dict[str, str] = {}
    for document in documents:
        for key, spelling in spellings(f"{document.title} {document.text[:TEXT_MAX_LENGTH]}").items():
            found.setdefault(key, spelling)
    return found


def _vocabulary(words: dict[str, str]) -> list[Suchwort]:
    return [Suchwort(key=key, word=word, phonetic=koelner_phonetik(key)) for key, word in words.items()]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _documents_of(adapter: SearchAdapter, objects: list[Any]) -> list[Document]:
    adapter.prepare(objects)
    return [document for obj in objects for document in complete_documents(adapter, obj)]


@transaction.atomic
def reindex(adapter: SearchAdapter, keys: Collection[str]) -> int:
    """Replaces the documents of the objects with these keys (removing those of objects gone or not indexable)."""
    keys = sorted({str(key) for key in keys})
    objects = list(adapter.get_queryset().filter(pk__in=keys))
    documents = _documents_of(adapter, objects)
    Suchdokument.objects.filter(type=adapter.type, key__in=keys).delete()
    Suchdokument.objects.bulk_create([_row(document) for document in documents], batch_size=BATCH_SIZE)
    Suchwort.objects.bulk_create(_vocabulary(_words(documents)), batch_size=BATCH_SIZE, ignore_conflicts=True)
    if postgres.is_postgres():
        postgres.update_vectors(Suchdokument.objects.filter(type=adapter.type, key__in=keys))
    return len(documents)


def remove(type_: str, keys: Collection[str]) -> None:
    Suchdokument.objects.filter(type=type_, key__in=[str(key) for key in keys]).delete()


@transaction.atomic
def rebuild() -> RebuildReport:
    """Writes the whole index again from the content; the vocabulary keeps only words of current documents."""
    report = RebuildReport()
    words: dict[str, str] = {}
    Suchdokument.objects.all().delete()
    for adapter in adapters():
        count = 0
        for objects in _batches(adapter.get_queryset().order_by("pk").iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            documents = _documents_of(adapter, objects)
            Suchdokument.objects.bulk_create([_row(document) for document in documents], batch_size=BATCH_SIZE)
            for key, spelling in _words(documents).items():
                words.setdefault(key, spelling)
            count += len(documents)
        report.documents[adapter.type] = count
    Suchwort.objects.all().delete()
    Suchwort.objects.bulk_create(_vocabulary(words), batch_size=BATCH_SIZE)
    report.words = len(words)
    if postgres.is_postgres():
        postgres.update_vectors(Suchdokument.objects.all())
    return report
