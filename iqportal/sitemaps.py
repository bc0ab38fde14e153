"""
The sitemap (/sitemap.xml): django CMS's pages (cms.sitemaps.CMSSitemap) and, from the apps that own them, the pages
of published versioned content (news, events, publications, projects), each a subclass of
`PublishedContentSitemap` in its app's `sitemaps.py`, listed in `sitemaps` of iqportal.urls.

One entry per published text: its page in the text's language, changed when that version was published. Drafts,
unpublished and archived texts are never listed (the content model's default manager is published-only under
djangocms-versioning); a language without a page carrying the app's apphook is left out. The pages that show a
fallback language's text are not listed: they would be the same text again under another address. An item
published in several languages names its pages in the others as hreflang alternates.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar

from cms.utils.i18n import get_public_languages
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import Sitemap
from django.contrib.sites.models import Site
from django.db.models import OuterRef, Subquery
from django.urls import NoReverseMatch
from django.utils import translation
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version


@dataclass
class Entry:
    url: str
    language: str
    published_at: datetime.datetime | None
    # (language, URL) of every published text of the same item, this one included: the hreflang alternates.
    versions: list[tuple[str, str]] = field(default_factory=list)


class PublishedContentSitemap(Sitemap):
    """The pages of a versioned content type's published texts. Subclasses set `content_model` and `grouper_field`."""

    content_model: ClassVar[str]  # e.g. "news.NewsItemContent"
    grouper_field: ClassVar[str]  # the content model's field pointing to the grouper, e.g. "news_item"
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> list[Entry]:
        model = apps.get_model(self.content_model)
        published = Version.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id=OuterRef("pk"), state=PUBLISHED
        )
        site = Site.objects.get_current()
        contents = (
            model.objects.filter(language__in=get_public_languages(site_id=site.pk))
            .select_related(self.grouper_field)
            .annotate(published_at=Subquery(published.values("modified")[:1]))
            .order_by(f"{self.grouper_field}_id", "language")
        )
        entries = []
        versions: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for content in contents:
            url = self.content_url(content)
            if url:
                item_versions = versions[getattr(content, f"{self.grouper_field}_id")]
                item_versions.append((content.language, url))
                entries.append(Entry(url, content.language, content.published_at, item_versions))
        return entries

    def content_url(self, content: Any) -> str:
        """The text's page in its language, or "" while no published page carries the app in that language."""
        with translation.override(content.language):
            try:
                return content.get_absolute_url() or ""
            except NoReverseMatch:
                return ""

    def location(self, item: Entry) -> str:
        return item.url

    def lastmod(self, item: Entry) -> datetime.datetime | None:
        return item.published_at

    def get_urls(self, page: int | str = 1, site: Any = None, protocol: str | None = None) -> list[dict[str, Any]]:
        """Each entry with `<xhtml:link rel="alternate" hreflang=…>` to the item's pages in its other languages."""
        urls = super().get_urls(page, site, protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url_info in urls:
            versions = url_info["item"].versions
            if len(versions) > 1:
                url_info["alternates"] = [{"lang_code": code, "location": f"{base}{url}"} for code, url in versions]
        return urls
