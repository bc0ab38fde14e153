from django.urls import path

from landesnetzwerke import api

app_name = "api"

urlpatterns = [
    path("beratungsstellen.json", api.beratungsstellen_json, name="beratungsstellen"),
]
