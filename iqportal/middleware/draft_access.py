"""The admin's endpoints that show a content object's versions (drafts too), for the users who may see them."""

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from iqportal.draft_access import content_by_type, may_see_versions

# django CMS's toolbar endpoints: /admin/cms/placeholder/object/<content type>/<mode>/<id>/ (positional arguments).
CMS_OBJECT_VIEWS = frozenset(
    {
        "cms_placeholder_render_object_preview",
        "cms_placeholder_render_object_edit",
        "cms_placeholder_render_object_structure",
    }
)
# djangocms-versioning's comparison of two versions: /admin/djangocms_versioning/<model>version/<id>/compare/
# (its other views change a version and check the content's own conditions).
VERSIONING_PREFIX = "djangocms_versioning_"
VERSIONING_VIEW_SUFFIX = "_compare"


class DraftAccessMiddleware:
    """
    Answers 404, as django CMS does for an object one may not see, when the user may not see the content object
    that one of these endpoints would show (iqportal.draft_access.may_see_versions). An id that names nothing is
    left to the view.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: tuple, view_kwargs: dict[str, Any]
    ) -> None:
        match = request.resolver_match
        if match is None or match.namespace != "admin":
            return None
        name = match.url_name or ""
        if name in CMS_OBJECT_VIEWS and len(view_args) == 2:
            contents = [content_by_type(*view_args)]
        elif name.startswith(VERSIONING_PREFIX) and name.endswith(VERSIONING_VIEW_SUFFIX):
            version_ids = (view_kwargs.get("object_id"), request.GET.get("compare_to"))
            contents = [version_content(version_id) for version_id in version_ids]
        else:
            return None
        if any(content is not None and not may_see_versions(request.user, content) for content in contents):
            raise Http404("No such content.")
        return None


def version_content(version_id: Any) -> Any:
    """The content of the djangocms-versioning Version `version_id`, or None."""
    from djangocms_versioning.models import Version

    if version_id in (None, ""):
        return None
    try:
        version = Version.objects.select_related("content_type").get(pk=version_id)
    except (Version.DoesNotExist, ValueError, TypeError):
        return None
    return content_by_type(version.content_type_id, version.object_id)
