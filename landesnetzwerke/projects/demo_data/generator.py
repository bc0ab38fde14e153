"""
The sample projects, built from projects.yaml and the gazetteer's real places, deterministically.

Every project is derived from its stable ID (random.Random seeded with it), so every run builds the same projects for
the same places; only the running time is set relative to the day of the first run, so that the demo has running,
ended and planned projects. Counts: projects.yaml's totals per Handlungsschwerpunkt, spread over the Länder by
population as the sample offices are (landesnetzwerke.demo_data.places.allocate).
"""

from __future__ import annotations

import calendar
import datetime
import math
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.utils.text import slugify

from landesnetzwerke.demo_data.networks import LAND_NAME_EN, LAND_POPULATION
from landesnetzwerke.demo_data.offices import PhoneBook
from landesnetzwerke.demo_data.places import allocate, distance_km
from landesnetzwerke.models import Bundesland
from landesnetzwerke.projects.models import FieldOfAction

DATA_FILE = Path(__file__).with_name("projects.yaml")
SOURCE_PREFIX = "demo-projekt-"
TEXT_LANGUAGES = ("de", "en")  # summary and description; titles and roles in every language of the file
NEARBY_KM = 40
MAIN_PLACE_POOL = 40  # the largest towns of a Land that projects other than counselling are based in
PHONE_START = 500  # after the numbers the sample networks and offices use


@dataclass(frozen=True)
class Town:
    """A gazetteer place (landesnetzwerke.models.Ort) as the generator needs it."""

    pk: int
    name: str
    land: str
    latitude: float
    longitude: float
    population: int
    plz: str = ""
    geonameid: int | None = None


@dataclass
class ProjectSpec:
    source_id: str
    land: str
    slug: str
    values: dict[str, Any]  # concrete fields of the Teilprojekt
    places: list[Town]  # the first is the main place
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> field -> text


@lru_cache(maxsize=1)
def sample_data() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def counts_per_land() -> dict[str, dict[str, int]]:
    """{Handlungsschwerpunkt: {Land: number of sample projects}}, by population, at least one per Land."""
    return {value: allocate(total, LAND_POPULATION) for value, total in sample_data()["totals"].items()}


def _month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def running_time(rng: random.Random, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """About three in four running on `today`, the others ended or planned; whole months, as projects are funded."""
    draw = rng.random()
    days = datetime.timedelta
    if draw < 0.1:  # planned: starts at least a month from now
        start = _month_start(today + days(rng.randint(45, 200)))
        return start, _month_end(start + days(rng.randint(365, 1100)))
    if draw < 0.25:  # ended at least a month ago
        end = _month_end(today - days(rng.randint(45, 500)))
        return _month_start(end - days(rng.randint(365, 1100))), end
    return _month_start(today - days(rng.randint(30, 1100))), _month_end(today + days(rng.randint(30, 1000)))


def _weighted_town(rng: random.Random, towns: list[Town], used: set[int]) -> Town:
    pool = [town for town in towns[:MAIN_PLACE_POOL] if town.pk not in used] or towns[:MAIN_PLACE_POOL]
    return rng.choices(pool, weights=[math.sqrt(town.population) for town in pool])[0]


def _nearby(rng: random.Random, main: Town, towns: list[Town], count: int) -> list[Town]:
    near = [
        t
        for t in towns
        if t.pk != main.pk and distance_km(main.latitude, main.longitude, t.latitude, t.longitude) <= NEARBY_KM
    ]
    return rng.sample(near, min(count, len(near)))


def _places(rng: random.Random, value: str, index: int, towns: list[Town], used: set[int]) -> list[Town]:
    """The project's main place first: the n-th largest town for counselling (where the sample offices are),
    the largest for Faire Integration (one per Land), else a large town not yet used for this kind of project."""
    if value == FieldOfAction.BERATUNG:
        main = towns[index % len(towns)]
    elif value == FieldOfAction.FAIRE_INTEGRATION:
        main = towns[0]
        return [main, *towns[1:3]]
    else:
        main = _weighted_town(rng, towns, used)
    return [main, *_nearby(rng, main, towns, rng.choice((0, 1, 1, 2, 3)))]


def _format(text: str, place: str, land: str) -> str:
    return text.strip().format(place=place, land=land)


def _texts(kind: dict[str, Any], role: dict[str, str], place: str, land: str) -> dict[str, dict[str, str]]:
    note = sample_data()["sample_note"]
    texts = {}
    for language, title in kind["title"].items():
        land_name = LAND_NAME_EN[land] if language == "en" else Bundesland(land).label
        entry = {"title": _format(title, place, land_name), "contact_role": role[language]}
        if language in TEXT_LANGUAGES:
            entry["summary"] = _format(kind["summary"][language], place, land_name)
            description = _format(kind["description"][language], place, land_name)
            entry["description"] = f"{description}\n\n{note[language]}"
        texts[language] = entry
    return texts


class _Slugs:
    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, title: str) -> str:
        base = slugify(title)[:100].strip("-")
        slug, number = base, 2
        while slug in self.taken:
            slug, number = f"{base}-{number}", number + 1
        self.taken.add(slug)
        return slug


def build_project_specs(towns_by_land: dict[str, list[Town]], today: datetime.date) -> list[ProjectSpec]:
    """Every sample project as a ProjectSpec, by Land and Handlungsschwerpunkt; `towns_by_land` biggest first."""
    data = sample_data()
    counts = counts_per_land()
    phones, slugs = PhoneBook(start=PHONE_START), _Slugs()
    specs = []
    for land_number, land in enumerate(sorted(LAND_POPULATION)):
        towns = towns_by_land[land]
        for value, per_land in counts.items():
            kinds, used = data["types"][value], set[int]()
            for index in range(per_land[land]):
                source_id = f"{SOURCE_PREFIX}{land.lower()}-{value}-{index + 1:02d}"
                rng = random.Random(source_id)  # noqa: S311 (sample data)
                kind = kinds[(index + land_number) % len(kinds)]
                places = _places(rng, value, index, towns, used)
                used.add(places[0].pk)
                starts_on, ends_on = running_time(rng, today)
                main = places[0].name
                texts = _texts(kind, rng.choice(data["contact_roles"]), main, land)
                specs.append(
                    ProjectSpec(
                        source_id=source_id,
                        land=land,
                        slug=slugs.make(texts["de"]["title"]),
                        values={
                            "traeger": rng.choice(data["traeger"]).format(place=main),
                            "field_of_action": value,
                            "target_groups": list(kind["target_groups"]),
                            "starts_on": starts_on,
                            "ends_on": ends_on,
                            "funding": data["funding"][value],
                            "contact_name": rng.choice(data["contacts"]),
                            "contact_email": f"{source_id.removeprefix('demo-')}@example.org",
                            "contact_phone": phones.number(land),
                        },
                        places=places,
                        texts=texts,
                    )
                )
    return specs
