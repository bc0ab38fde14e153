"""
What the site search (programme.search) finds of the CMS pages: the published version of each page in each
language, by its title, meta description and the text of its plugins (programme.search.plugins).

Drafts are never indexed: the page contents come through PageContent's default manager, which under
djangocms-versioning returns published versions only. Publishing, unpublishing, a new draft (nothing changes for
visitors then) and reverting reindex the page and the pages below it (their URLs depend on it). Pages that need a
login and page types are not indexed. A language a page has no version in shows the page in a fallback language
under the visitor's language prefix, as django CMS serves it. See programme.search.registry for the contract.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from cms.models import Page, PageContent
from django.contrib.sites.models import Site
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from programme.search.plugins import plugin_texts
from programme.search.registry import Document, SearchAdapter, register
from programme.search.text import sentence


@register
class PageAdapter(SearchAdapter):
    type = "page"
    boost = 1.0
    label = _("Page")
    model = "cms.Page"
    content_model = "cms.PageContent"
    grouper_field = "page"
    dependencies = {"cms.PageUrl": lambda url: [url.page_id]}  # a changed slug or a moved page

    def get_queryset(self) -> QuerySet:
        return Page.objects.filter(
            site=Site.objects.get_current(), is_page_type=False, login_required=False
        ).prefetch_related("urls")

    def prepare(self, objects: list[Any]) -> None:
        """Each page's published contents as `search_contents`, each with its plugins' text as `search_text`."""
        no_redirect = models.Q(redirect__isnull=True) | models.Q(redirect="")
        contents = list(PageContent.objects.filter(no_redirect, page__in=objects))
        by_page: dict[int, list[PageContent]] = defaultdict(list)
        for content in contents:
            by_page[content.page_id].append(content)
        texts = plugin_texts(contents)
        for content in contents:
            content.search_text = texts.get(content.pk, "")
        for page in objects:
            page.search_contents = sorted(by_page.get(page.pk, []), key=lambda content: content.language)

    def documents(self, obj: Page) -> Iterator[Document]:
        for content in getattr(obj, "search_contents", []):
            url = obj.get_absolute_url(content.language, fallback=False)
            yield Document(
                type=self.type,
                key=self.key(obj),
                language=content.language,
                title=content.title,
                text=sentence(content.meta_description, content.search_text),
                url=url or "",
            )

    def fallback_url(self, obj: Page, document: Document, language: str) -> str:
        return obj.get_absolute_url(language, fallback=True) or document.url

    def keys_for_version(self, version: Any) -> Iterable[str]:
        page = version.content.page
        return [str(page.pk), *(str(pk) for pk in page.get_descendants().values_list("pk", flat=True))]
