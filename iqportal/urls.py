from cms.sitemaps import CMSSitemap
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from iqportal import views
from iqportal.paths import API, HEALTH_CHECK, ROBOTS_TXT, SITEMAP, route
from landesnetzwerke.projects.sitemaps import ProjectSitemap
from programme.events.sitemaps import EventSitemap
from programme.news.sitemaps import NewsSitemap
from programme.publications.sitemaps import PublicationSitemap

# /sitemap.xml: the CMS pages and the pages of published news, events, publications and projects (iqportal.sitemaps).
sitemaps = {
    "cms": CMSSitemap,
    "news": NewsSitemap,
    "events": EventSitemap,
    "publications": PublicationSitemap,
    "projects": ProjectSitemap,
}

urlpatterns = [
    path(route(HEALTH_CHECK), views.healthz, name="healthz"),
    path(route(ROBOTS_TXT), views.robots_txt, name="robots_txt"),
    path(route(SITEMAP), sitemap, {"sitemaps": sitemaps}, name="django.contrib.sitemaps.views.sitemap"),
    path(route(API), include("landesnetzwerke.api_urls")),
    path("", views.language_root, name="language_root"),  # to /<the visitor's language>/
]

urlpatterns += i18n_patterns(
    path("admin/2fa/", include("iqportal.otp")),
    # The admin's "View on site", before the admin's own: 404 instead of a 500 for an object without an address.
    path("admin/r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(views.view_on_site)),
    path("admin/", admin.site.urls),
    path("suche/", include("programme.search.urls")),  # the site search: /<lang>/suche/?q=…
    path("", include("programme.urls")),  # the printable employer checklist
    path("abonnement/", include("programme.subscriptions.urls")),  # e-mail subscriptions (links in mails)
    path("", include("cms.urls")),
)

if settings.DEBUG:  # `make run`: uploads from MEDIA_ROOT (production: the proxy or the bucket, docs/deployment.md)
    import re

    from django.urls import re_path

    from iqportal.media import serve_media

    urlpatterns = [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media), *urlpatterns]

handler404 = "iqportal.views.page_not_found"
handler500 = "iqportal.views.server_error"
