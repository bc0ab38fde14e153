"""
Template helpers of the project database: search links that keep the visitor's filters, the sentences of
presenters, and the short list of a network's projects on its page (`{% network_projects network %}`).
"""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.db.models import Prefetch
from django.http import QueryDict

from landesnetzwerke.clock import german_time
from landesnetzwerke.models import Landesnetzwerk
from landesnetzwerke.projects import links, presenters, texts
from landesnetzwerke.projects.forms import PARAMETERS
from landesnetzwerke.projects.models import FieldOfAction, Teilprojekt, TeilprojektContent, project_url

register = template.Library()

NETWORK_PAGE_PROJECTS = 5


@register.simple_tag(takes_context=True)
def projects_query(context: template.Context, **changes: Any) -> str:
    """
    "?…" for the search with the current parameters changed: `{% projects_query page=2 %}`. A value of None or
    "" removes the parameter; only the search's own parameters are kept; any other change starts at page 1.
    """
    request = context.get("request")
    current = request.GET if request is not None else QueryDict()
    query = QueryDict(mutable=True)
    for key in PARAMETERS:
        value = current.get(key)
        if value:
            query[key] = value
    if set(changes) - {"page"}:
        query.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = str(value)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def running_time(project: Teilprojekt, today: datetime.date) -> str:
    return presenters.running_time(project, today)


@register.filter
def running_label(project: Teilprojekt, today: datetime.date) -> str:
    return presenters.running_label(project, today)


@register.filter
def running_state(project: Teilprojekt, today: datetime.date) -> str:
    return str(presenters.running_state(project, today))


@register.filter
def field_of_action_label(value: str) -> str:
    return str(FieldOfAction(value).label) if value in FieldOfAction.values else value


@register.simple_tag
def project_link(project: Teilprojekt) -> str:
    """The project page's path in the active language ("" while no page carries the apphook)."""
    return project_url(project)


@register.inclusion_tag("projects/includes/network_projects.html")
def network_projects(network: Landesnetzwerk) -> dict[str, Any]:
    """A network's running projects (the first few by start) and a link to all its projects in the search."""
    today = german_time().date()
    published = Teilprojekt.objects.published().filter(landesnetzwerk=network)
    running = published.running_on(today)
    contents = Prefetch("contents", queryset=TeilprojektContent.objects.all(), to_attr="published")
    shown = list(running.order_by("-starts_on", "pk").prefetch_related(contents)[:NETWORK_PAGE_PROJECTS])
    items = []
    for project in shown:
        content = texts.choose_content(project.published)
        if content is not None:
            items.append({"project": project, "title": texts.fallback_text([content], "title")})
    return {
        "network": network,
        "items": items,
        "total": published.count(),
        "running_total": running.count(),
        "search_url": links.search_url(netzwerk=network.slug),
        "today": today,
    }
