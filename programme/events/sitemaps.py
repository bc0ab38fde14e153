"""The pages of the published events in /sitemap.xml (iqportal.sitemaps)."""

from iqportal.sitemaps import PublishedContentSitemap


class EventSitemap(PublishedContentSitemap):
    content_model = "events.EventContent"
    grouper_field = "event"
