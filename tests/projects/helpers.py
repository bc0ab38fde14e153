"""
Building projects for tests: with texts in any languages, published or as drafts, in gazetteer places, as editors
would (Model.objects.with_user(...).create, Version.publish), or thousands at once in bulk (as the demo loader does).
"""

import datetime
import itertools
import random

from djangocms_versioning.models import Version

from landesnetzwerke.models import Landesnetzwerk, Ort
from landesnetzwerke.projects.demo_data.generator import ProjectSpec
from landesnetzwerke.projects.demo_data.loader import create_projects, towns_by_land
from landesnetzwerke.projects.models import Teilprojekt, TeilprojektContent, set_places
from programme.page_builder import get_system_user
from tests.html import parse

_numbers = itertools.count(1)
TODAY = datetime.date.today()


def place(name, plz=None):
    """The gazetteer place of that name (the biggest, or the one with that postcode)."""
    places = Ort.objects.filter(name=name)
    if plz:
        places = places.filter(plz=plz)
    return places.order_by("-population").first()


def make_project(
    network,
    *,
    titles=None,
    published=True,
    places=(),
    field_of_action="beratung",
    starts_on=None,
    ends_on=...,
    user=None,
    **fields,
):
    """A project of `network` with a content per language of `titles` ({language: title}, or {language: {field:
    text}}), each published unless `published` is False; places are Ort objects."""
    number = next(_numbers)
    user = user or get_system_user()
    values = {
        "traeger": f"Testträger {number} e. V.",
        "slug": f"testprojekt-{number}",
        "starts_on": starts_on or TODAY - datetime.timedelta(days=100),
        "ends_on": TODAY + datetime.timedelta(days=300) if ends_on is ... else ends_on,  # None: open-ended
        "funding": "esf",
        "contact_email": f"projekt{number}@example.org",
    }
    values.update(fields)
    project = Teilprojekt.objects.create(landesnetzwerk=network, field_of_action=field_of_action, **values)
    if places:
        set_places(project, list(places))
    for language, texts in (titles or {"de": f"Testprojekt {number}"}).items():
        texts = {"title": texts} if isinstance(texts, str) else texts
        content = TeilprojektContent.objects.with_user(user).create(teilprojekt=project, language=language, **texts)
        if published:
            Version.objects.get_for_content(content).publish(user)
    return Teilprojekt.objects.get(pk=project.pk)


def network(land):
    return Landesnetzwerk.objects.get(bundesland=land)


def bulk_projects(count, *, seed=7):
    """`count` published projects spread over the networks and the gazetteer's towns, in a few bulk inserts."""
    rng = random.Random(seed)  # noqa: S311 - test data
    towns = [town for land_towns in towns_by_land().values() for town in land_towns]
    specs = []
    for number in range(count):
        town = rng.choice(towns)
        starts_on = TODAY - datetime.timedelta(days=rng.randint(-100, 900))
        specs.append(
            ProjectSpec(
                source_id=f"bulk-{seed}-{number}",
                land=town.land,
                slug=f"bulk-{seed}-{number}",
                values={
                    "traeger": f"Massenträger {number}",
                    "field_of_action": rng.choice(["beratung", "qualifizierung", "faire-integration"]),
                    "target_groups": ["eingewanderte"],
                    "starts_on": starts_on,
                    "ends_on": starts_on + datetime.timedelta(days=rng.randint(30, 1200)),
                    "funding": "bund",
                },
                places=[town],
                texts={
                    "de": {"title": f"Massenprojekt {number} {town.name}"},
                    "en": {"title": f"Bulk project {number}"},
                },
            )
        )
    create_projects(specs, get_system_user())


def result_ids(response):
    """The project IDs in the results (#projects), in order."""
    return [int(pk) for pk in parse(response).xpath('//*[@id="projects"]//*[@data-project-id]/@data-project-id')]
