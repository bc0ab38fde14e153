"""The site search page: the form, and the results of search_site() (programme.search.service). Thin."""

from typing import Any
from urllib.parse import urlencode

from django.utils.translation import get_language
from django.views.generic import TemplateView

from programme.search.forms import SiteSearchForm
from programme.search.service import search_site
from programme.search.suggestions import suggestions


class SiteSearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = SiteSearchForm(self.request.GET if "q" in self.request.GET else None)
        query = form.query()
        result = None
        if query:
            result = search_site(query=query, language=get_language(), page=self.request.GET.get("page"))
        nothing_found = result is not None and result.has_words and not result.found
        context.update(
            form=form,
            result=result,
            query_string=urlencode({"q": query}),
            suggestions=suggestions(query, get_language()) if nothing_found else [],
        )
        return context
