"""
The site search's adapter for publications (contract: programme.search.registry).

A publication is found in each language it is published in by its title, teaser, description, type, year,
Handlungsschwerpunkt and publisher (network, Fachstelle or the programme). Drafts are never indexed: the contents
come through `PublikationContent.objects`, published-only under djangocms-versioning, and every version operation
reindexes the publication. A publication's page shows only the text of its own language, so a language without a
published text finds the fallback language's text at that language's page (the registry's default).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from programme.publications.models import Publikation, PublikationContent
from programme.search.registry import Document, SearchAdapter, register
from programme.search.text import sentence


@register
class PublicationAdapter(SearchAdapter):
    type = "publication"
    label = _("Publication")
    model = "publications.Publikation"
    content_model = "publications.PublikationContent"
    grouper_field = "publikation"
    dependencies = {  # documents name the publisher: a network or a Fachstelle
        "landesnetzwerke.Landesnetzwerk": lambda network: network.publications_publikation_set.values_list(
            "pk", flat=True
        ),
        "fachstellen.Fachstelle": lambda fachstelle: fachstelle.publikationen.values_list("pk", flat=True),
    }

    def get_queryset(self) -> QuerySet:
        return Publikation.objects.select_related("landesnetzwerk", "fachstelle")

    def prepare(self, objects: list[Any]) -> None:
        """Each publication's published contents as `search_contents` (one query for the batch)."""
        by_publication: dict[int, list[PublikationContent]] = defaultdict(list)
        for content in PublikationContent.objects.filter(publikation__in=objects).order_by("language"):
            by_publication[content.publikation_id].append(content)
        for obj in objects:
            obj.search_contents = by_publication.get(obj.pk, [])

    def date(self, obj: Publikation) -> datetime.datetime:
        """The year it appeared: the newer ranks first among equal matches."""
        return timezone.make_aware(datetime.datetime(obj.jahr, 1, 1))

    def documents(self, obj: Publikation) -> Iterator[Document]:
        for content in getattr(obj, "search_contents", []):
            content.publikation = obj  # the URL needs the slug: no query per content
            try:
                url = content.get_absolute_url()
            except NoReverseMatch:  # no published page carries the publications in this language
                continue
            with translation.override(content.language):  # the facts' labels in the text's language
                publisher = obj.publisher.name if obj.publisher is not None else str(_("IQ programme"))
                text = sentence(
                    content.teaser,
                    obj.get_typ_display(),
                    str(obj.jahr),
                    obj.get_schwerpunkt_display() if obj.schwerpunkt else "",
                    publisher,
                    content.description,
                )
            yield Document(self.type, self.key(obj), content.language, content.title, text, url, self.date(obj))
