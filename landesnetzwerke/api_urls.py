from django.urls import path

from landesnetzwerke import api
from landesnetzwerke.projects import api as projects_api

app_name = "api"

urlpatterns = [
    path("beratungsstellen.json", api.beratungsstellen_json, name="beratungsstellen"),
    path("projekte.json", projects_api.projekte_json, name="projekte"),
]
