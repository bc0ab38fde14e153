"""
The site search: one read service. `search_site()` takes the validated query, the visitor's language and the page
number and returns a typed result; the view and the tests call it.

Queries per search: the vocabulary (one to three, programme.search.query), the count and the page of results; the
same whatever the number of documents.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from cms.utils.i18n import get_fallback_languages
from django.core.paginator import Page, Paginator
from django.utils.safestring import SafeString

from programme.search.models import Suchdokument
from programme.search.query import Plan, build_plan
from programme.search.registry import get_adapter
from programme.search.snippets import highlight, snippet

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Hit:
    type: str  # data-result-type
    type_label: str
    title: SafeString  # escaped, matched words in <mark>
    snippet: SafeString
    url: str
    language: str  # of the text
    fallback: bool  # the text is not in the visitor's language
    date: datetime.datetime | None


@dataclass
class SiteSearchResult:
    query: str
    plan: Plan
    total: int = 0
    page: Page | None = None
    hits: list[Hit] = field(default_factory=list)

    @property
    def has_words(self) -> bool:
        return not self.plan.is_empty

    @property
    def found(self) -> bool:
        return self.total > 0

    @property
    def corrected_words(self) -> list[str]:
        """The indexed words searched for instead of misspelt query words."""
        return [corrected for _typed, corrected in self.plan.corrections]

    @property
    def first_number(self) -> int:
        return self.page.start_index() if self.page is not None else 0


def _hit(document: Suchdokument, terms: list[str], language: str) -> Hit:
    adapter = get_adapter(document.type)
    return Hit(
        type=document.type,
        type_label=str(adapter.label) if adapter is not None else document.type,
        title=highlight(document.title, terms),
        snippet=snippet(document.text, terms),
        url=document.url,
        language=document.content_language,
        fallback=document.content_language != language,
        date=document.date,
    )


def search_site(*, query: str, language: str, page: Any = 1) -> SiteSearchResult:
    """
    Published content in the visitor's `language` (or, where it has none, in a fallback language) matching `query`,
    best first, PAGE_SIZE per page; `page` as the visitor gave it (malformed: the first page, too high: the last).
    """
    plan = build_plan(query[:MAX_QUERY_LENGTH])
    result = SiteSearchResult(query=query, plan=plan)
    if plan.is_empty:
        return result
    languages = [language, *get_fallback_languages(language)]
    documents = (
        Suchdokument.objects.for_language(language)
        .matching(plan, languages)
        .ranked(plan, languages)
        .only("type", "title", "text", "url", "date", "content_language")
    )
    paginator = Paginator(documents, PAGE_SIZE)
    result.page = paginator.get_page(page)
    result.total = paginator.count
    terms = plan.terms
    result.hits = [_hit(document, terms, language) for document in result.page.object_list]
    return result
