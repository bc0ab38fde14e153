"""
What a search that finds nothing suggests: the Lotse (with the query as its place when the query names a place or
postcode the Lotse knows) and the project search (`/<lang>/projekte/?q=…`, once a published page has that path).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from cms.models import PageContent
from django.conf import settings
from django.contrib.sites.models import Site
from django.db.models import F
from django.utils.translation import gettext as _

from landesnetzwerke.lotse.forms import Q_MAX_LENGTH as LOTSE_Q_MAX_LENGTH
from landesnetzwerke.lotse.links import lotse_url
from landesnetzwerke.lotse.places import Status, normalize_query, resolve_query

PROJECTS_PATH = "projekte"  # the contract path of the project database (README)


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str


def _looks_like_place(query: str) -> bool:
    text = normalize_query(query)
    if not text or len(text) > LOTSE_Q_MAX_LENGTH:
        return False
    return resolve_query(text).status in (Status.FOUND, Status.AMBIGUOUS)


def lotse_suggestion(query: str) -> Suggestion | None:
    url = lotse_url("search")
    if url is None:
        return None
    if _looks_like_place(query):
        return Suggestion(
            _("Find counselling near “%(place)s” in the Lotse") % {"place": query},
            f"{url}?{urlencode({'q': normalize_query(query)})}",
        )
    return Suggestion(_("Find a counselling office near you in the Lotse"), url)


def project_suggestion(query: str, language: str) -> Suggestion | None:
    """The project search, once a published page has the path projekte/ in this language or the default one."""
    published = PageContent.objects.filter(
        language__in={language, settings.LANGUAGE_CODE},
        page__urls__path=PROJECTS_PATH,
        page__urls__language=F("language"),
        page__site=Site.objects.get_current(),
    )
    if not published.exists():
        return None
    return Suggestion(
        _("Search the programme's projects for “%(query)s”") % {"query": query},
        f"/{language}/{PROJECTS_PATH}/?{urlencode({'q': query})}",
    )


def suggestions(query: str, language: str) -> list[Suggestion]:
    found = [lotse_suggestion(query), project_suggestion(query, language)]
    return [suggestion for suggestion in found if suggestion is not None]
