from django.urls import path

from landesnetzwerke import lotse_views

app_name = "lotse"

urlpatterns = [
    path("", lotse_views.SearchView.as_view(), name="search"),
    path("stelle/<int:pk>/", lotse_views.OfficeDetailView.as_view(), name="office"),
]
