"""
The project search: published sub-projects by words, network, Handlungsschwerpunkt, running time and place.

`search_projects()` is the one entry point (the page, the tests and any JSON view call it with validated
parameters; forms.ProjectSearchForm validates the query string) and returns a `ProjectResult`:

1. the published projects that pass the filters (words in the published texts, Träger and places; network;
   Handlungsschwerpunkt; running on `today` or not);
2. with a place (`ort`): the place as the Lotse resolves it (landesnetzwerke.lotse.places), then the projects
   that work within the radius of it, by one bounding-box query on their places and exact distances in Python,
   nearest first; without one, all of them by title in the visitor's language;
3. the shown page, loaded with the network, the places and the published texts (the visitor's language, or the
   fallback languages).

The number of queries does not depend on the number of projects.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, Lower

from landesnetzwerke.geo import bounding_box, haversine_km
from landesnetzwerke.lotse.places import Location, PlaceCandidate, Status, resolve_query
from landesnetzwerke.lotse.search import DEFAULT_RADIUS_KM, RADIUS_CHOICES
from landesnetzwerke.models import Landesnetzwerk
from landesnetzwerke.projects import texts
from landesnetzwerke.projects.models import (
    FieldOfAction,
    Projektort,
    Teilprojekt,
    TeilprojektContent,
    TeilprojektQuerySet,
)

PAGE_SIZE = 20
# How many languages the title order tries before any language (the visitor's and the fallbacks).
SORT_LANGUAGES = 3


@dataclass
class ProjectHit:
    project: Teilprojekt
    content: TeilprojektContent  # in the visitor's language, or a fallback language
    contents: list[TeilprojektContent]  # every published content (for texts the chosen one lacks)
    language: str  # the visitor's
    distance_km: float | None = None  # from the place searched, to the nearest place the project works in
    nearest_place: str = ""

    @property
    def title(self) -> texts.Text:
        return texts.fallback_text([self.content], "title", self.language)

    @property
    def summary(self) -> texts.Text:
        return texts.fallback_text(self.contents, "summary", self.language)


@dataclass
class ProjectResult:
    # The place (`ort`): None when none was asked for; else how it resolved.
    place_status: Status | None = None
    place_query: str = ""
    location: Location | None = None
    candidates: list[PlaceCandidate] = field(default_factory=list)  # ambiguous: the places; unknown: close ones
    other_places: list[PlaceCandidate] = field(default_factory=list)
    radius_km: int = DEFAULT_RADIUS_KM
    total: int = 0
    page: Page[Any] | None = None
    hits: list[ProjectHit] = field(default_factory=list)
    network: Landesnetzwerk | None = None  # the network filtered on

    @property
    def searched(self) -> bool:
        """Projects were looked for: no place was asked for, or it was found."""
        return self.place_status in (None, Status.FOUND)

    @property
    def place_found(self) -> bool:
        return self.place_status == Status.FOUND

    @property
    def place_ambiguous(self) -> bool:
        return self.place_status == Status.AMBIGUOUS


@dataclass(frozen=True)
class Filters:
    """The filters besides the place: words, network slug, Handlungsschwerpunkt, running on `today` or not."""

    query: str = ""
    netzwerk: str = ""
    schwerpunkt: str = ""
    running: bool | None = None

    def check(self) -> None:
        if self.schwerpunkt and self.schwerpunkt not in FieldOfAction.values:
            raise ValueError(f"schwerpunkt must be one of {FieldOfAction.values}")

    def projects(self, today: datetime.date) -> TeilprojektQuerySet:
        projects = Teilprojekt.objects.published()
        words = texts.search_words(self.query)
        if words:
            projects = projects.matching_words(words)
        if self.netzwerk:
            projects = projects.of_network_slug(self.netzwerk)
        if self.schwerpunkt:
            projects = projects.in_field_of_action(self.schwerpunkt)
        if self.running is True:
            projects = projects.running_on(today)
        elif self.running is False:
            projects = projects.not_running_on(today)
        return projects


@dataclass(frozen=True, order=True)
class Near:
    distance_km: float
    pk: int
    place: str = field(compare=False, default="")


def _near(projects: TeilprojektQuerySet, location: Location, radius_km: int) -> list[Near]:
    """The projects with a place within radius_km of the location, nearest first (one bounding-box query)."""
    lat, lon = location.latitude, location.longitude
    if lat is None or lon is None:
        return []
    south, west, north, east = bounding_box(lat, lon, radius_km)
    rows = (
        Projektort.objects.filter(
            teilprojekt__in=projects.values("pk"),
            latitude__range=(south, north),
            longitude__range=(west, east),
        )
        .order_by()
        .values_list("teilprojekt_id", "latitude", "longitude", "name")
    )
    nearest: dict[int, Near] = {}
    for pk, latitude, longitude, name in rows:
        km = haversine_km(lat, lon, latitude, longitude)
        if km <= radius_km and (pk not in nearest or km < nearest[pk].distance_km):
            nearest[pk] = Near(km, pk, name)
    return sorted(nearest.values())


def _by_title(projects: TeilprojektQuerySet, language: str) -> QuerySet[Teilprojekt, int]:
    """The projects' keys by their published title in the visitor's language (or a fallback), case ignored."""

    def title_in(code: str | None) -> Subquery:
        contents = TeilprojektContent.objects.filter(teilprojekt=OuterRef("pk"))
        if code is not None:
            contents = contents.filter(language=code)
        return Subquery(contents.order_by("language").values("title")[:1])

    codes = texts.language_order(language)[:SORT_LANGUAGES]
    title = Coalesce(*(title_in(code) for code in codes), title_in(None))
    return projects.annotate(sort_title=Lower(title)).order_by("sort_title", "pk").values_list("pk", flat=True)


def _load(pks: list[int]) -> dict[int, Teilprojekt]:
    """The shown projects with their network, places and published texts (three queries)."""
    if not pks:
        return {}
    projects = (
        Teilprojekt.objects.filter(pk__in=pks)
        .for_lists()
        .prefetch_related(Prefetch("contents", queryset=TeilprojektContent.objects.all(), to_attr="published"))
    )
    return {project.pk: project for project in projects}


def _hits(pks: list[int], near: dict[int, Near], language: str) -> list[ProjectHit]:
    projects = _load(pks)
    hits = []
    for pk in pks:
        project = projects.get(pk)
        content = texts.choose_content(project.published, language) if project is not None else None
        if project is None or content is None:
            continue  # unpublished in the meantime
        match = near.get(pk)
        hits.append(
            ProjectHit(
                project=project,
                content=content,
                contents=project.published,
                language=language,
                distance_km=match.distance_km if match else None,
                nearest_place=match.place if match else "",
            )
        )
    return hits


def search_projects(
    *,
    query: str = "",
    netzwerk: str = "",
    schwerpunkt: str = "",
    ort: str = "",
    radius_km: int = DEFAULT_RADIUS_KM,
    running: bool | None = None,
    page: int = 1,
    language: str | None = None,
    today: datetime.date | None = None,
) -> ProjectResult:
    """
    Published projects matching every filter given: `query` (words), `netzwerk` (a network's slug), `schwerpunkt`
    (a FieldOfAction value), `running` (True: running on `today`, False: not), `ort` (a postcode or place, any
    script or spelling) within `radius_km` (one of RADIUS_CHOICES). `page` beyond the last gives the last page.
    The parameters must be validated (forms.ProjectSearchForm does); invalid ones raise ValueError.
    """
    from landesnetzwerke.clock import german_time

    if radius_km not in RADIUS_CHOICES:
        raise ValueError(f"radius_km must be one of {RADIUS_CHOICES}")
    filters = Filters(query=query, netzwerk=netzwerk, schwerpunkt=schwerpunkt, running=running)
    filters.check()
    language = texts.language_order(language)[0]
    today = today or german_time().date()
    result = ProjectResult(place_query=ort, radius_km=radius_km)
    if netzwerk:
        result.network = Landesnetzwerk.objects.filter(slug=netzwerk).first()
    projects = filters.projects(today)

    near: dict[int, Near] = {}
    if ort:
        resolution = resolve_query(ort)
        result.place_status, result.location = resolution.status, resolution.location
        result.candidates, result.other_places = resolution.candidates, resolution.other_places
        if resolution.location is None:
            return result
        matches = _near(projects, resolution.location, radius_km)
        near = {match.pk: match for match in matches}
        paginated: list[int] | QuerySet[Teilprojekt, int] = [match.pk for match in matches]
    else:
        paginated = _by_title(projects, language)
    result.page = Paginator(paginated, PAGE_SIZE).get_page(page)
    result.total = result.page.paginator.count
    result.hits = _hits(list(result.page.object_list), near, language)
    return result
