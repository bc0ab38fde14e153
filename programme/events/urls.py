from django.urls import path

from programme.events import views

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("archiv/", views.EventListView.as_view(archive=True), name="archive"),
    path("termine.ics", views.upcoming_ics, name="calendar"),
    path("<slug:slug>.ics", views.event_ics, name="ics"),
    path("<slug:slug>/", views.event_detail, name="detail"),
]
