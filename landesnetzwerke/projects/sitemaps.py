"""The pages of the published sub-projects in /sitemap.xml (iqportal.sitemaps)."""

from iqportal.sitemaps import PublishedContentSitemap


class ProjectSitemap(PublishedContentSitemap):
    content_model = "projects.TeilprojektContent"
    grouper_field = "teilprojekt"
