"""
Editorial content owned by a Landesnetzwerk: who may edit it, in the admin and through django CMS versioning.

News, events, publications and projects are versioned with djangocms-versioning: a *grouper* (the item, e.g.
``NewsItem``) holds what does not change between versions and languages (its network, whether it is sample data)
and a versioned *content* model with a ``language`` field holds the texts (one draft/published series per
language, as django CMS does for pages). The rules are the offices' rules:

- central editors (permission ``landesnetzwerke.edit_all_networks``, group "Zentrale Redaktion") and superusers
  edit every item, including items that belong to no network (the central office's own);
- a network's editors (its ``editor_group``) see and edit only their network's items, and must give new items one
  of their networks.

Three pieces enforce this, so that no path around the grouper's admin is left open:

1. ``NetworkOwned`` (abstract grouper base) with ``NetworkOwnedQuerySet.editable_by(user)``;
2. ``NetworkOwnedAdminMixin`` for the grouper's admin (list, form choices, object permissions);
3. ``install_version_conditions()``: djangocms-versioning checks (publish, unpublish, edit, revert, discard,
   archive) that refuse a version of another network's item, wherever the operation comes from (versions list,
   toolbar, ``Version.publish()``), and a filter on the versions lists. Call it from the ``ready()`` of every app
   that registers such content; it is idempotent.

Visitors only ever get published content: the content model's default manager (``objects``) is published-only
under djangocms-versioning; list views, feeds, search and open data query it and nothing else.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.models.offices import Landesnetzwerk, can_edit_all_networks

# The djangocms-versioning checks that must refuse another network's item.
VERSION_CHECKS = (
    "check_publish",
    "check_unpublish",
    "check_modify",
    "check_revert",
    "check_discard",
    "check_archive",
    "check_edit_redirect",
)


class NetworkOwnedQuerySet(models.QuerySet):
    def editable_by(self, user: Any) -> NetworkOwnedQuerySet:
        """The items `user` may edit: all for central editors, else those of the user's networks."""
        if can_edit_all_networks(user):
            return self
        if not (user and user.is_active and user.is_authenticated):
            return self.none()
        return self.filter(landesnetzwerk__in=Landesnetzwerk.objects.editable_by(user))

    def of_network(self, network: Landesnetzwerk) -> NetworkOwnedQuerySet:
        return self.filter(landesnetzwerk=network)


class NetworkOwned(models.Model):
    """
    Abstract base of a grouper owned by a Landesnetzwerk (optional: without one, the item is the central
    office's and only central editors may edit it). Subclasses may declare `landesnetzwerk` again (e.g. required).
    """

    landesnetzwerk = models.ForeignKey(
        Landesnetzwerk,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_set",
        verbose_name=_("Landesnetzwerk"),
        help_text=_("The network this belongs to. Its editors may change it. Empty: the central office's."),
    )
    is_sample = models.BooleanField(
        _("sample data"),
        default=False,
        help_text=_("Invented example content; it is marked as such on the site until replaced."),
    )

    objects = NetworkOwnedQuerySet.as_manager()
    landesnetzwerk_id: int | None

    class Meta:
        abstract = True

    def can_be_edited_by(self, user: Any) -> bool:
        if can_edit_all_networks(user):
            return True
        if self.landesnetzwerk_id is None or not (user and user.is_active and user.is_authenticated):
            return False
        return Landesnetzwerk.objects.editable_by(user).filter(pk=self.landesnetzwerk_id).exists()


def owning_item(content: Any) -> NetworkOwned | None:
    """The NetworkOwned grouper of a versioned content object, or None for other content (pages, aliases, …)."""
    from djangocms_versioning import versionables

    try:
        versionable = versionables.for_content(content)
    except KeyError:
        return None
    grouper = getattr(content, versionable.grouper_field_name, None)
    return grouper if isinstance(grouper, NetworkOwned) else None


def _refuse_other_networks(version: Any, user: Any) -> None:
    from djangocms_versioning.exceptions import ConditionFailed

    item = owning_item(version.content)
    if item is not None and not item.can_be_edited_by(user):
        raise ConditionFailed(_("Only the editors of its Landesnetzwerk and the central editors may change this."))


def _editable_versions(queryset: models.QuerySet, user: Any, versionable: Any) -> models.QuerySet:
    grouper_model = versionable.grouper_model
    contents = versionable.content_model.admin_manager.filter(
        **{f"{versionable.grouper_field_name}__in": grouper_model.objects.editable_by(user)}
    ).values("pk")
    return queryset.filter(object_id__in=contents)


_installed = False


def install_version_conditions() -> None:
    """Adds the network check to djangocms-versioning's conditions and filters its versions lists (once)."""
    global _installed
    if _installed:
        return
    from djangocms_versioning import versionables
    from djangocms_versioning.models import Version

    for name in VERSION_CHECKS:
        # In place: the state machine's transitions hold a reference to these very lists.
        getattr(Version, name).append(_refuse_other_networks)
    for versionable in versionables._cms_extension().versionables:
        if not issubclass(versionable.grouper_model, NetworkOwned):
            continue
        version_admin = admin.site._registry.get(versionable.version_model_proxy)
        if version_admin is None:
            continue
        original = version_admin.get_queryset

        def get_queryset(
            request: HttpRequest, _original: Any = original, _versionable: Any = versionable
        ) -> models.QuerySet:
            return _editable_versions(_original(request), request.user, _versionable)

        version_admin.get_queryset = get_queryset  # type: ignore[method-assign]
    _installed = True


class NetworkOwnedAdminMixin:
    """
    For the admin of a NetworkOwned grouper: network editors list and open only their network's items, can pick
    only their networks, and must pick one; central editors see everything and may leave the network empty.
    """

    def get_queryset(self, request: HttpRequest) -> models.QuerySet:
        return super().get_queryset(request).editable_by(request.user)  # type: ignore[misc]

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "landesnetzwerk" and not can_edit_all_networks(request.user):
            kwargs["queryset"] = Landesnetzwerk.objects.editable_by(request.user)
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_change_permission(request, obj)  # type: ignore[misc]
        return allowed and (obj is None or obj.can_be_edited_by(request.user))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        allowed = super().has_delete_permission(request, obj)  # type: ignore[misc]
        return allowed and (obj is None or obj.can_be_edited_by(request.user))

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not obj.can_be_edited_by(request.user):
            raise ValidationError(_("You may only save items of your own Landesnetzwerk."))
        super().save_model(request, obj, form, change)  # type: ignore[misc]
