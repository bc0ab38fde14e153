"""
Who may see a content object's drafts and earlier versions in the admin.

django CMS shows any toolbar-enabled content (a page's content, a news text, an alias, …) by its content type and
id at `admin/cms/placeholder/object/<ct>/preview|edit|structure/<id>/`, and djangocms-versioning compares two
versions of it at `admin/djangocms_versioning/<model>version/<id>/compare/`. Ids are sequential, and the admin
only asks for staff status: without a check here any staff user could read every page's draft.

- Page contents: the editors who may change the page (django CMS's page permissions: a global or a page
  permission with "change", plus Django's `cms.change_page`); superusers.
- Every other content: django CMS's own placeholder check, which asks the model's
  `has_placeholder_view_permission(user)` (news, events, publications and projects: the editors who may edit the
  item, see `landesnetzwerke.ownership`) or else the model's view or change permission (aliases).

`iqportal.middleware.draft_access` applies it to those endpoints.
"""

from __future__ import annotations

from typing import Any

from cms.models import PageContent
from cms.utils.page_permissions import user_can_change_page
from cms.utils.permissions import user_can_view_placeholder_source
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import models


def may_see_versions(user: Any, content: models.Model) -> bool:
    """Whether `user` may see `content` in the admin, whatever its version's state (draft, archived, published)."""
    if not (user and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    if isinstance(content, PageContent):
        return user_can_change_page(user, content.page)
    return user_can_view_placeholder_source(user, content)


def content_by_type(content_type_id: int | str, object_id: int | str) -> models.Model | None:
    """The content object of a content type and id (drafts included), or None when there is none."""
    try:
        content_type = ContentType.objects.get_for_id(int(content_type_id))
    except (ContentType.DoesNotExist, ValueError):
        return None
    model = content_type.model_class()
    if model is None:
        return None
    # Versioned models' default manager shows published content only; the admin manager shows every version.
    manager = getattr(model, "admin_manager", model._base_manager)
    try:
        return manager.get(pk=object_id)
    except (ObjectDoesNotExist, ValueError, TypeError):
        return None
