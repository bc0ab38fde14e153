from django.urls import path

from iqportal.cms_pages import apphook_page_view
from landesnetzwerke.lotse import views as lotse_views

app_name = "lotse"

# Each view checks the permissions of the Lotse's CMS page as django CMS would (cms_apps.LotseApphook.permissions),
# for visitors from the cache.
urlpatterns = [
    path("", apphook_page_view(lotse_views.SearchView.as_view()), name="search"),
    path("suche.json", apphook_page_view(lotse_views.SearchJsonView.as_view()), name="search-json"),
    path("stelle/<int:pk>/", apphook_page_view(lotse_views.OfficeDetailView.as_view()), name="office"),
    path("stelle/<int:pk>/vcard/", apphook_page_view(lotse_views.OfficeVCardView.as_view()), name="office-vcard"),
]
