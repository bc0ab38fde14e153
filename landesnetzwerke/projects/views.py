"""
The project database's pages: the search (all projects, or those matching the filters) and the project page. Thin:
the search is search.search_projects(), the sentences presenters', the texts' fallbacks texts'.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.generic import TemplateView, View
from menus.utils import set_language_changer

from landesnetzwerke.clock import german_time
from landesnetzwerke.lotse.links import page_url
from landesnetzwerke.lotse.places import Status
from landesnetzwerke.projects import links, presenters, texts
from landesnetzwerke.projects.forms import PARAMETERS, ProjectSearchForm
from landesnetzwerke.projects.models import FundingLine, TargetGroup, Teilprojekt, TeilprojektContent
from landesnetzwerke.projects.search import ProjectResult, search_projects


def bound_form(request: HttpRequest) -> ProjectSearchForm:
    """The search form, bound when the query string has any of its parameters; 404 for a malformed page."""
    params = request.GET
    form = ProjectSearchForm(params if any(key in params for key in PARAMETERS) else None)
    if form.is_bound and not form.is_valid() and "page" in form.errors:
        raise Http404(_("There is no such page of results."))
    return form


def run_search(form: ProjectSearchForm) -> ProjectResult | None:
    """The result for a valid (or empty) form, None otherwise; an unknown place becomes an error on `ort`."""
    if form.is_bound and not form.is_valid():
        return None
    result = search_projects(**form.search_kwargs())
    if result.place_status == Status.NOT_FOUND:
        form.add_error(
            "ort",
            _("We could not find the place or postcode “%(query)s” in Germany. Please check the spelling.")
            % {"query": result.place_query},
        )
    return result


class ProjectSearchView(TemplateView):
    template_name = "projects/search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = bound_form(self.request)
        result = run_search(form)
        context.update(
            form=form,
            result=result,
            filters_open=form.filters_used,
            today=german_time().date(),
        )
        return context


def published_projects() -> Any:
    """Published projects with what their page shows, their published texts as `published`."""
    contents = Prefetch("contents", queryset=TeilprojektContent.objects.all(), to_attr="published")
    return Teilprojekt.objects.published().for_lists().prefetch_related(contents)


class ProjectDetailView(View):
    """/<lang>/projekte/<slug>/; /<lang>/projekte/<id>/ leads there."""

    def get(self, request: HttpRequest, key: str) -> HttpResponse:
        projects = published_projects()
        project = projects.filter(pk=int(key)).first() if key.isdigit() else projects.filter(slug=key).first()
        if project is None:
            raise Http404(_("There is no such project."))
        if key.isdigit() and project.slug:
            return HttpResponsePermanentRedirect(project.get_absolute_url())
        content = texts.choose_content(project.published)
        if content is None:  # pragma: no cover - published() guarantees one
            raise Http404
        return render_project_page(request, project, content, contents=project.published)


def _project_url_in(project: Teilprojekt, language: str) -> str:
    with override(language):
        return project.get_absolute_url()


def render_project_page(
    request: HttpRequest,
    project: Teilprojekt,
    content: TeilprojektContent,
    *,
    contents: list[TeilprojektContent] | None = None,
    preview: bool = False,
) -> HttpResponse:
    """
    The project page with `content` as its texts (a draft in the toolbar's preview) and, where it lacks a text, the
    published texts of the fallback languages.
    """
    if contents is None:
        others = TeilprojektContent.objects.filter(teilprojekt=project).exclude(language=content.language)
        contents = [content, *others]
    else:
        contents = [content, *(other for other in contents if other.language != content.language)]
    toolbar = getattr(request, "toolbar", None)
    if toolbar is not None:
        toolbar.set_object(content)  # the versioning menu for editors
    set_language_changer(request, partial(_project_url_in, project))  # the language switcher: this project
    today = german_time().date()
    network = project.landesnetzwerk
    context = {
        "project": project,
        "content": content,
        "title": texts.fallback_text([content], "title"),
        "summary": texts.fallback_text(contents, "summary"),
        "description": texts.fallback_text(contents, "description"),
        "contact_role": texts.fallback_text(contents, "contact_role"),
        "preview": preview,
        "running_time": presenters.running_time(project, today),
        "running_state": presenters.running_state(project, today),
        "network_url": page_url(network),
        "network_projects_url": links.search_url(netzwerk=network.slug),
        "field_of_action_url": links.search_url(schwerpunkt=project.field_of_action),
        "places": sorted(project.places.all(), key=lambda place: place.name),
        "target_groups": [TargetGroup(code).label for code in project.target_groups if code in TargetGroup.values],
        "funding": FundingLine(project.funding).label if project.funding in FundingLine.values else "",
    }
    return render(request, "projects/project_detail.html", context)
