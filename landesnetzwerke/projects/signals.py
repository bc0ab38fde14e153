"""
What follows a change of a project, wherever it comes from (admin, import, versions list, toolbar, code):

- its search words (`Teilprojekt.search_text`) are rebuilt from the published texts, the Träger and the places;
- a version operation of its texts (a new draft, publish, unpublish, archive) saves the project, which counts its
  `version` up, so that an import row or an admin form based on the state before is refused (iqportal.locking);
- the caches of anonymous pages and of the open data are invalidated: `Teilprojekt` and its places (`Projektort`)
  are registered with the invalidation registry (iqportal.invalidation), so every save above clears what shows
  projects.

Bulk writes (the demo loader) send no signals: they rebuild the search words themselves and call `invalidate_all()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save
from djangocms_versioning.models import Version
from djangocms_versioning.signals import post_version_operation

from iqportal import invalidation
from iqportal.cache import invalidate_directory_caches
from landesnetzwerke.projects import texts
from landesnetzwerke.projects.models import Projektort, Teilprojekt, TeilprojektContent


def refresh_search_text(project_ids: Iterable[int]) -> None:
    """Rebuild the search words of these projects from their published texts (a few queries for any number)."""
    projects = Teilprojekt.objects.filter(pk__in=list(project_ids)).prefetch_related(
        "places", models.Prefetch("contents", queryset=TeilprojektContent.objects.all(), to_attr="published")
    )
    for project in projects:
        value = texts.search_text(project, project.published, (place.name for place in project.places.all()))
        if value != project.search_text:
            Teilprojekt.objects.filter(pk=project.pk).update(search_text=value)


def _project_saved(sender: Any, instance: Teilprojekt, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    refresh_search_text([instance.pk])


def _place_changed(sender: Any, instance: Projektort, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh_search_text([instance.teilprojekt_id])


def _version_changed(sender: Any, obj: Version, **kwargs: Any) -> None:
    content = obj.content
    if not isinstance(content, TeilprojektContent):
        return
    project = Teilprojekt.objects.filter(pk=content.teilprojekt_id).first()
    if project is not None:
        project.save(update_fields=["updated_at"])  # the version counts up; post_save refreshes the rest


def connect() -> None:
    # The search words first, then the caches (receivers run in the order they were connected).
    post_save.connect(_project_saved, sender=Teilprojekt, dispatch_uid="projects-saved")
    post_save.connect(_place_changed, sender=Projektort, dispatch_uid="projects-place-saved")
    post_delete.connect(_place_changed, sender=Projektort, dispatch_uid="projects-place-deleted")
    invalidation.register(invalidate_directory_caches, ["projects.Teilprojekt", "projects.Projektort"])
    post_version_operation.connect(_version_changed, sender=TeilprojektContent, dispatch_uid="projects-versions")
