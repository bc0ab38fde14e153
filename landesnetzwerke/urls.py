from django.urls import path

from landesnetzwerke import views

app_name = "landesnetzwerke"

urlpatterns = [
    path("", views.LandesnetzwerkListView.as_view(), name="list"),
    path("<slug:slug>/", views.LandesnetzwerkDetailView.as_view(), name="detail"),
]
