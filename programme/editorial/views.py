"""
The public list and detail views that news and events share: a filtered, paginated list of published contents in
the visitor's language, and a detail page (in the visitor's language, else in a fallback language, marked as such).
The toolbar's preview and edit of a content (drafts included, for editors) render the same detail page.
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.generic import TemplateView

from programme.editorial.content import EditorialContent, content_languages, detail_content, item_url
from programme.editorial.forms import ListFilterForm

PAGE_SIZE = 10


def page_of(request: HttpRequest, items: Any, per_page: int = PAGE_SIZE) -> Page:
    """The requested page of a list (`page`; malformed gives the first page, beyond the end the last one)."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


class FilteredListView(TemplateView):
    """A list of published contents in the visitor's language, filtered by `form_class`, paginated."""

    form_class: type[ListFilterForm] = ListFilterForm

    def get_contents(self) -> models.QuerySet:
        raise NotImplementedError

    def filter_contents(self, contents: models.QuerySet, filters: dict[str, Any]) -> models.QuerySet:
        if "netzwerk" in filters:
            contents = contents.of_network(filters["netzwerk"])
        return contents

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        form = self.form_class(self.request.GET)
        page = page_of(self.request, self.filter_contents(self.get_contents(), form.filters()))
        contents = list(page.object_list)
        return super().get_context_data(
            form=form,
            page=page,
            contents=contents,
            has_sample_data=any(content.item.is_sample for content in contents),
            **kwargs,
        )


@dataclass(frozen=True)
class Latest:
    """A few contents for a block on another page, and the address of their whole list (None without apphook)."""

    contents: list
    list_url: str | None


def latest(contents: models.QuerySet, list_view: str, number: int, network: Any = None) -> Latest:
    """The first `number` contents (of `network`, if given) and the list's address (filtered by the network)."""
    list_url = item_url(list_view)
    if network:
        contents = contents.of_network(network)
        list_url = list_url and f"{list_url}?netzwerk={network.slug}"
    return Latest(list(contents[:number]), list_url)


def body_to_show(content: EditorialContent, *, editing: bool) -> tuple[Any, str]:
    """
    The body placeholder to render and its language. Editors (toolbar preview and edit) get the content's own body,
    created if missing. Visitors get it when it has text; a text with no body of its own (e.g. a title and teaser
    translated, the article not yet) shows the body of the first fallback language that has one.
    """
    if editing:
        return content.body, content.language
    own = content.existing_body()
    if own is not None and own.cmsplugin_set.filter(language=content.language).exists():
        return own, content.language
    others = type(content).objects.filter(
        **{content.grouper_field: content.item}, language__in=content_languages(content.language)[1:]
    )
    by_language = {other.language: other for other in others}
    for code in content_languages(content.language)[1:]:
        other = by_language.get(code)
        body = other.existing_body() if other is not None else None
        if body is not None and body.cmsplugin_set.filter(language=code).exists():
            return body, code
    return None, content.language


def detail_response(request: HttpRequest, content: EditorialContent, extra: dict[str, Any]) -> HttpResponse:
    """The detail page of a content; the toolbar shows its versioning menu (edit, publish) to editors."""
    toolbar = getattr(request, "toolbar", None)
    editing = bool(toolbar and (toolbar.edit_mode_active or toolbar.preview_mode_active))
    if toolbar is not None:
        toolbar.set_object(content)
    body, body_language = body_to_show(content, editing=editing)
    context = {
        "object": content,
        "item": content.item,
        "is_fallback": content.language != get_language(),
        "body": body,
        "body_language": body_language,
        **extra,
    }
    return render(request, content.get_template(), context)


def published_detail(model: type[EditorialContent], slug: str) -> EditorialContent:
    """The published content of the item with this slug for a visitor (fallback language allowed), else 404."""
    content = detail_content(model, get_language(), **{f"{model.grouper_field}__slug": slug})
    if content is None:
        raise Http404
    return content
