from django.urls import path

from landesnetzwerke.lotse import views as lotse_views

app_name = "lotse"

urlpatterns = [
    path("", lotse_views.SearchView.as_view(), name="search"),
    path("suche.json", lotse_views.SearchJsonView.as_view(), name="search-json"),
    path("stelle/<int:pk>/", lotse_views.OfficeDetailView.as_view(), name="office"),
    path("stelle/<int:pk>/vcard/", lotse_views.OfficeVCardView.as_view(), name="office-vcard"),
]
