"""
Write the sample projects into the database, idempotently and in bulk (it runs on every `make run` and in every test
session): projects that exist are left as editors left them, only missing ones are created, each with its texts in
every language of projects.yaml, published as version 1 by the system user. `refresh=True` deletes the projects
still marked as sample data and creates them again; projects an editor has taken over (sample flag off) are never
touched.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from djangocms_versioning import constants
from djangocms_versioning.models import Version

from iqportal import invalidation
from landesnetzwerke.demo_data.loader import Counts
from landesnetzwerke.models import Landesnetzwerk, Ort
from landesnetzwerke.projects import texts
from landesnetzwerke.projects.demo_data.generator import SOURCE_PREFIX, ProjectSpec, Town, build_project_specs
from landesnetzwerke.projects.models import Projektort, Teilprojekt, TeilprojektContent

MIN_TOWN_POPULATION = 5000


def towns_by_land() -> dict[str, list[Town]]:
    """The gazetteer's towns (and city districts) of each Land, biggest first (one query)."""
    towns: dict[str, list[Town]] = defaultdict(list)
    rows = Ort.objects.filter(population__gte=MIN_TOWN_POPULATION).order_by("-population", "pk")
    fields = ("pk", "name", "bundesland", "latitude", "longitude", "population", "plz", "geonameid")
    for pk, name, land, lat, lon, population, plz, geonameid in rows.values_list(*fields):
        towns[land].append(Town(pk, name, land, lat, lon, population, plz, geonameid))
    return towns


def delete_projects(project_ids: Iterable[int]) -> int:
    """Delete projects with their texts and all their versions (versions point to the ones they were copied from,
    which would protect them); returns how many projects were deleted."""
    ids = list(project_ids)
    contents = TeilprojektContent.admin_manager.filter(teilprojekt__in=ids).values("pk")
    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(TeilprojektContent), object_id__in=contents
    )
    versions.update(source=None)
    versions.delete()
    deleted, _details = Teilprojekt.objects.filter(pk__in=ids).delete()
    return len(ids) if deleted else 0


def _sample_ids() -> list[int]:
    samples = Teilprojekt.objects.samples().filter(source_id__startswith=SOURCE_PREFIX)
    return list(samples.values_list("pk", flat=True))


def create_projects(specs: list[ProjectSpec], user: object) -> list[Teilprojekt]:
    """Create these projects in bulk, marked as sample data, with their texts published as version 1 by `user`; returns
    them (bulk writes send no signals: the caller updates caches and the search index)."""
    networks = {network.bundesland: network for network in Landesnetzwerk.objects.all()}
    taken = set(Teilprojekt.objects.exclude(slug="").values_list("slug", flat=True))
    projects, texts_of = [], []
    for spec in specs:
        slug, number = spec.slug, 2
        while slug in taken:  # an editor's project has this address already
            slug, number = f"{spec.slug}-{number}", number + 1
        taken.add(slug)
        project = Teilprojekt(
            source_id=spec.source_id, slug=slug, landesnetzwerk=networks[spec.land], is_sample=True, **spec.values
        )
        contents = [TeilprojektContent(language=code, **fields) for code, fields in spec.texts.items()]
        project.search_text = texts.search_text(project, contents, [town.name for town in spec.places])
        projects.append(project)
        texts_of.append(contents)
    Teilprojekt.objects.bulk_create(projects)

    Projektort.objects.bulk_create(
        [
            Projektort(
                teilprojekt=project,
                name=town.name,
                plz=town.plz,
                bundesland=town.land,
                latitude=town.latitude,
                longitude=town.longitude,
                geonameid=town.geonameid,
            )
            for project, spec in zip(projects, specs, strict=True)
            for town in spec.places
        ]
    )
    contents = []
    for project, project_contents in zip(projects, texts_of, strict=True):
        for content in project_contents:
            content.teilprojekt = project
            contents.append(content)
    TeilprojektContent.admin_manager.bulk_create(contents)
    content_type = ContentType.objects.get_for_model(TeilprojektContent)
    now = timezone.now()
    Version.objects.bulk_create(
        [
            Version(
                content_type=content_type,
                object_id=content.pk,
                created_by=user,
                number="1",
                state=constants.PUBLISHED,
                modified=now,
            )
            for content in contents
        ]
    )
    return projects


def load_sample_projects(*, refresh: bool = False, today: datetime.date | None = None) -> Counts:
    """Create the missing sample projects (refresh: the ones still marked as sample data anew); returns Counts."""
    from programme.page_builder import get_system_user

    counts = Counts()
    today = today or timezone.localdate()
    with transaction.atomic():
        if refresh:
            counts.deleted = delete_projects(_sample_ids())
        existing = set(
            Teilprojekt.objects.filter(source_id__startswith=SOURCE_PREFIX).values_list("source_id", flat=True)
        )
        specs = build_project_specs(towns_by_land(), today)
        missing = [spec for spec in specs if spec.source_id not in existing]
        created = create_projects(missing, get_system_user()) if missing else []
        counts.created, counts.unchanged = len(missing), len(specs) - len(missing)
    invalidation.invalidate_all()  # bulk writes send no signals
    _reindex(created)
    return counts


def _reindex(projects: list[Teilprojekt]) -> None:
    """The site search's documents of projects written in bulk (which sends no signals)."""
    from programme.search import index
    from programme.search.registry import get_adapter

    adapter = get_adapter("project")
    if projects and adapter is not None:
        index.reindex(adapter, [str(project.pk) for project in projects])


def remove_sample_projects() -> int:
    """Delete the sample projects still marked as sample data; returns how many were deleted."""
    with transaction.atomic():
        deleted = delete_projects(_sample_ids())
    invalidation.invalidate_all()  # bulk writes send no signals
    return deleted
