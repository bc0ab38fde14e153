"""The publications apphook: the list with its filters and one page per publication. Visitors see published
versions in their language only; editors in the toolbar's edit or preview mode see the latest drafts of the
publications they may edit."""

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.utils.translation import get_language
from django.views.generic import TemplateView

from programme.publications.forms import PARAMETERS, PublicationFilterForm
from programme.publications.models import PublikationContent, PublikationContentQuerySet

PER_PAGE = 10


def visible_publications(request: HttpRequest) -> PublikationContentQuerySet:
    toolbar = getattr(request, "toolbar", None)
    if toolbar is not None and (toolbar.edit_mode_active or toolbar.preview_mode_active):
        contents = PublikationContent.seen_by_editor(request.user)
    else:
        contents = PublikationContent.objects.all()
    return contents.in_language(get_language())


class PublicationListView(TemplateView):
    template_name = "publications/list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        contents = visible_publications(self.request)
        params = self.request.GET
        form = PublicationFilterForm(
            params if any(name in params for name in PARAMETERS) else None, years=contents.years()
        )
        publications = contents.filtered(**form.filters()).newest_first().for_display()
        page = Paginator(publications, PER_PAGE).get_page(params.get("page"))
        return super().get_context_data(form=form, page=page, filtered=bool(form.filters()), **kwargs)


class PublicationDetailView(TemplateView):
    template_name = "publications/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        content = visible_publications(self.request).for_display().filter(publikation__slug=kwargs["slug"]).first()
        if content is None:
            raise Http404("No publication with this address in this language.")
        toolbar = getattr(self.request, "toolbar", None)
        if toolbar is not None:
            toolbar.set_object(content)
        return super().get_context_data(content=content, **kwargs)
