"""The news pages: the list (newest first, filtered by network and Handlungsschwerpunkt) and one page per item."""

from programme.editorial.content import in_language, item_url
from programme.editorial.views import FilteredListView, detail_response, published_detail
from programme.news.forms import NewsFilterForm
from programme.news.models import NewsItemContent


class NewsListView(FilteredListView):
    template_name = "news/list.html"
    form_class = NewsFilterForm

    def get_contents(self):
        return in_language(NewsItemContent).for_lists().newest_first()

    def filter_contents(self, contents, filters):
        contents = super().filter_contents(contents, filters)
        if "schwerpunkt" in filters:
            contents = contents.with_schwerpunkt(filters["schwerpunkt"])
        return contents


def news_detail(request, slug):
    return render_news_content(request, published_detail(NewsItemContent, slug))


def render_news_content(request, content):
    """A news item's page; also the toolbar's preview and edit of a news text (cms_config)."""
    return detail_response(request, content, {"list_url": item_url("news:list")})
