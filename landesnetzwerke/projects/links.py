"""
Links to the project database in any language: the search (with filters) and the project pages. They exist while
a published page carries the projects' apphook (cms_apps.ProjectsApphook); until then every helper gives None.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import override


def search_url(*, language: str | None = None, **parameters: str) -> str | None:
    """The project search's path, with these query parameters (empty ones left out): search_url(netzwerk="bayern")."""
    try:
        if language is None:
            path = reverse("projects:search")
        else:
            with override(language):
                path = reverse("projects:search")
    except NoReverseMatch:
        return None
    query = urlencode({name: value for name, value in parameters.items() if value not in (None, "")})
    return f"{path}?{query}" if query else path
