"""
What the site search (programme.search) finds of an editorial content type (news, events): the published text of
each item in each language, by its title, teaser, publisher (network, Fachstelle or the programme), the type's own
facts (an event's place) and the text of its body's plugins. Drafts are never indexed: the contents come through
the content model's default manager, published-only under djangocms-versioning; every version operation on a text
reindexes its item. The apps' `search_adapters` modules register one subclass each; the contract is in
programme.search.registry.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.db.models import QuerySet
from django.utils import translation

from programme.search.plugins import plugin_texts
from programme.search.registry import Document, SearchAdapter
from programme.search.text import sentence


class EditorialAdapter(SearchAdapter):
    """Subclasses set type, label, model, content_model, grouper_field and may add facts() and date()."""

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().select_related("landesnetzwerk", "fachstelle")

    def prepare(self, objects: list[Any]) -> None:
        """Each item's published contents as `search_contents`, each with its body's text as `search_text`."""
        content_model = apps.get_model(self.content_model)
        contents = list(content_model.objects.filter(**{f"{self.grouper_field}__in": objects}).order_by("language"))
        texts = plugin_texts(contents)
        by_item: dict[int, list[Any]] = defaultdict(list)
        for content in contents:
            content.search_text = texts.get(content.pk, "")
            by_item[getattr(content, f"{self.grouper_field}_id")].append(content)
        for obj in objects:
            obj.search_contents = by_item.get(obj.pk, [])

    def facts(self, obj: Any) -> list[str]:
        """What the documents say about the item besides its texts (in the active language)."""
        return [obj.publisher_name]

    def date(self, obj: Any) -> datetime.datetime | None:
        return None

    def documents(self, obj: Any) -> Iterator[Document]:
        for content in getattr(obj, "search_contents", []):
            url = obj.get_absolute_url(content.language)
            if url:
                with translation.override(content.language):  # the facts' labels in the text's language
                    text = sentence(content.teaser, *self.facts(obj), content.search_text)
                yield Document(self.type, self.key(obj), content.language, content.title, text, url, self.date(obj))

    def fallback_url(self, obj: Any, document: Document, language: str) -> str:
        """The item's page in the visitor's language, which shows the fallback text; else the fallback's page."""
        return obj.get_absolute_url(language) or document.url
