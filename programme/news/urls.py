from django.urls import path

from programme.news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("feed/", feeds.NewsFeed(), name="feed"),
    path("<slug:slug>/", views.news_detail, name="detail"),
]
