"""The pages of the published news items in /sitemap.xml (iqportal.sitemaps)."""

from iqportal.sitemaps import PublishedContentSitemap


class NewsSitemap(PublishedContentSitemap):
    content_model = "news.NewsItemContent"
    grouper_field = "news_item"
