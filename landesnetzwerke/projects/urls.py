from django.urls import path

from landesnetzwerke.projects import views

app_name = "projects"

urlpatterns = [
    path("", views.ProjectSearchView.as_view(), name="search"),
    path("<slug:key>/", views.ProjectDetailView.as_view(), name="detail"),
]
