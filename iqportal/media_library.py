"""
The media library (django-filer) in the admin: its lists only for the editors whose group has its permissions.

django-filer's admin answers "yes" to "may this user change files?" when no file is named, whatever the user's
permissions (filer.admin.permissions.PrimitivePermissionAwareModelAdmin), so any staff user could list every file
and image of the library (`admin/filer/file/`, `admin/filer/image/`). `restrict_media_library()` (called from
IqportalConfig.ready()) puts Django's model permissions first: a list needs the model's view or change permission
(403 without); a single file keeps filer's own checks, which need `filer.change_file` too. Uploads need
`filer.add_file` (filer's own check); the folder listing needs `filer.can_use_directory_listing`. The editor
groups (load_directory) have view, add and change on files and images.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_permission_codename
from django.http import HttpRequest


class ModelPermissionFirst:
    """For a filer admin: without an object, change (and so delete) needs Django's change permission on the model."""

    opts: Any

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is None:
            return request.user.has_perm(f"{self.opts.app_label}.{get_permission_codename('change', self.opts)}")
        return super().has_change_permission(request, obj)  # type: ignore[misc]


def restrict_media_library(site: admin.AdminSite = admin.site) -> None:
    """Re-registers django-filer's permission-aware admins (files, images, folders) with ModelPermissionFirst."""
    from filer.admin.permissions import PrimitivePermissionAwareModelAdmin

    for model, model_admin in list(site._registry.items()):
        if not isinstance(model_admin, PrimitivePermissionAwareModelAdmin) or isinstance(
            model_admin, ModelPermissionFirst
        ):
            continue
        base = type(model_admin)
        restricted = type(base.__name__, (ModelPermissionFirst, base), {"__module__": __name__})
        site.unregister(model)
        site.register(model, restricted)
