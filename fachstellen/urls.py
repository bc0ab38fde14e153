from django.urls import path

from fachstellen import views

app_name = "fachstellen"

urlpatterns = [
    path("", views.FachstelleListView.as_view(), name="list"),
    path("<slug:slug>/", views.FachstelleDetailView.as_view(), name="detail"),
]
