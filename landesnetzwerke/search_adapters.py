"""
What the site search (programme.search) finds of the directory: counselling offices and Landesnetzwerke.

An office is found in every site language by its name, organisation, address, federal state, network, topics,
languages spoken and ways of counselling, and by its descriptions (in the visitor's language or a fallback); an
unpublished office is never found. A network by its name, federal state, coordinating organisation, city and
description. See programme.search.registry for the adapter contract.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk
from programme.search.registry import Document, SearchAdapter, register
from programme.search.text import sentence


def _translated(obj: Any, field: str, language: str) -> str:
    """A django-parler field in `language`, else in its fallback languages ("" if none has it)."""
    return obj.safe_translation_getter(field, default="", language_code=language) or ""


@register
class OfficeAdapter(SearchAdapter):
    type = "office"
    label = _("Counselling office")
    model = "landesnetzwerke.Beratungsstelle"
    dependencies = {
        # Office documents name their network and their topics.
        "landesnetzwerke.Landesnetzwerk": lambda network: network.beratungsstellen.values_list("pk", flat=True),
        "landesnetzwerke.Thema": lambda topic: topic.beratungsstellen.values_list("pk", flat=True),
    }

    def get_queryset(self) -> QuerySet:
        return Beratungsstelle.objects.select_related("landesnetzwerk").prefetch_related(
            "translations", "topics__translations", "languages"
        )

    def documents(self, obj: Beratungsstelle) -> Iterator[Document]:
        for language, url in self.languages_with_page(obj):
            topics = [topic.safe_translation_getter("name", any_language=True) for topic in obj.topics.all()]
            text = sentence(
                obj.get_kind_display(),
                obj.traeger,
                f"{obj.street}, {obj.plz} {obj.city}" if obj.street else f"{obj.plz} {obj.city}",
                obj.get_bundesland_display(),
                obj.landesnetzwerk.name,
                ", ".join(topics),
                ", ".join(spoken.name for spoken in obj.languages.all()),
                ", ".join(str(label) for label in obj.counselling_mode_labels),
                _translated(obj, "description", language),
                _translated(obj, "accessibility", language),
                _translated(obj, "directions", language),
            )
            yield Document(self.type, self.key(obj), language, obj.name, text, url, published=obj.published)


@register
class NetworkAdapter(SearchAdapter):
    type = "network"
    boost = 2.0
    label = _("Landesnetzwerk")
    model = "landesnetzwerke.Landesnetzwerk"

    def get_queryset(self) -> QuerySet:
        return Landesnetzwerk.objects.prefetch_related("translations")

    def documents(self, obj: Landesnetzwerk) -> Iterator[Document]:
        # Languages without the network pages get the fallback language's document (registry).
        for language, url in self.languages_with_page(obj):
            description = _translated(obj, "description", language)
            text = sentence(obj.get_bundesland_display(), obj.coordination, obj.city, description)
            yield Document(self.type, self.key(obj), language, obj.name, text, url)
