"""
The site search's adapter for sub-projects (contract: programme.search.registry). Not the project search of the
projects' own page (landesnetzwerke.projects.search), which filters by network, field of action and place.

A project is found in each language it has a published text in by its title, summary, description, Träger,
Landesnetzwerk, Handlungsschwerpunkt and places. Drafts are never indexed: the texts come through
`TeilprojektContent.objects`, published-only under djangocms-versioning, and every version operation reindexes the
project. The project's page shows the fallback language's text to visitors of a language without one, so those
visitors find it at the page in their language.
"""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent, project_url
from programme.search.registry import Document, SearchAdapter, register
from programme.search.text import sentence


@register
class ProjectAdapter(SearchAdapter):
    type = "project"
    label = _("Project")
    # One of hundreds, each also in the project search (/projekte/): among equally good matches the pages, offices
    # and publications come first.
    boost = -0.5
    model = "projects.Teilprojekt"
    content_model = "projects.TeilprojektContent"
    grouper_field = "teilprojekt"
    dependencies = {  # documents name the project's network and its places
        "landesnetzwerke.Landesnetzwerk": lambda network: network.teilprojekte.values_list("pk", flat=True),
        "projects.Projektort": lambda place: [place.teilprojekt_id],
    }

    def get_queryset(self) -> QuerySet:
        return Teilprojekt.objects.select_related("landesnetzwerk").prefetch_related("places")

    def prepare(self, objects: list[Any]) -> None:
        """Each project's published texts as `search_contents` (one query for the batch)."""
        by_project: dict[int, list[TeilprojektContent]] = defaultdict(list)
        for content in TeilprojektContent.objects.filter(teilprojekt__in=objects).order_by("language"):
            by_project[content.teilprojekt_id].append(content)
        for obj in objects:
            obj.search_contents = by_project.get(obj.pk, [])

    def documents(self, obj: Teilprojekt) -> Iterator[Document]:
        places = ", ".join(place.name for place in obj.places.all())
        for content in getattr(obj, "search_contents", []):
            with translation.override(content.language):  # the URL and the facts' labels in the text's language
                url = project_url(obj)
                if not url:  # no published page carries the projects in this language
                    continue
                text = sentence(
                    content.summary,
                    obj.traeger,
                    obj.landesnetzwerk.name,
                    obj.get_field_of_action_display(),
                    places,
                    content.description,
                    content.contact_role,
                )
            yield Document(self.type, self.key(obj), content.language, content.title, text, url)

    def fallback_url(self, obj: Teilprojekt, document: Document, language: str) -> str:
        """The project's page in the visitor's language, which shows the fallback text; else the fallback's page."""
        with translation.override(language):
            return project_url(obj) or document.url
