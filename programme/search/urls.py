"""The site search, inside i18n_patterns: /<lang>/suche/?q=…"""

from django.urls import path

from programme.search import views

app_name = "search"

urlpatterns = [
    path("", views.SiteSearchView.as_view(), name="results"),
]
