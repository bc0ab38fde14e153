"""
What the site search (programme.search) finds of the Fachstellen: name, field of action, organisation and
description, in every language that has the Fachstellen pages. See programme.search.registry for the contract.
"""

from collections.abc import Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from fachstellen.models import Fachstelle
from programme.search.registry import Document, SearchAdapter, register
from programme.search.text import sentence


@register
class FachstelleAdapter(SearchAdapter):
    type = "fachstelle"
    boost = 2.0
    label = _("Fachstelle")
    model = "fachstellen.Fachstelle"

    def get_queryset(self) -> QuerySet:
        return Fachstelle.objects.prefetch_related("translations")

    def documents(self, obj: Fachstelle) -> Iterator[Document]:
        # Languages without the Fachstellen pages get the fallback language's document (registry).
        for language, url in self.languages_with_page(obj):
            text = sentence(
                obj.safe_translation_getter("handlungsfeld", default="", language_code=language),
                obj.organisation,
                obj.safe_translation_getter("description", default="", language_code=language),
            )
            yield Document(self.type, self.key(obj), language, obj.name, text, url)
