"""
Fixed addresses below the language prefix (iqportal/urls.py), not a CMS page: the links in mails must keep working
whatever editors do to the page tree, also in a mail forwarded years later.
"""

from django.urls import path

from programme.subscriptions import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("gesendet/", views.SentView.as_view(), name="sent"),
    path("bestaetigen/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("abmelden/<str:key>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
