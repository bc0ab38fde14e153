"""The pages of the published publications in /sitemap.xml (iqportal.sitemaps)."""

from iqportal.sitemaps import PublishedContentSitemap


class PublicationSitemap(PublishedContentSitemap):
    content_model = "publications.PublikationContent"
    grouper_field = "publikation"
