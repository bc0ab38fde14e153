"""
The parts of the Lotse's result cards that depend on the office alone: its name with the link to its page, its
address (fixed) or kind and service area (mobile), the languages, the ways of counselling, the contacts, the
sample-data notice, and the consultation days it has planned. They are rendered (lotse/_card_parts.html) once per
office, language and directory version and kept in the cache; lotse/_hit.html puts them together with what each
search adds: the list number, the distance and which of the consultation days are still to come. A result page costs
one cache round trip for all its cards instead of rendering each, and the offices' languages are read from the
database only for the cards the cache does not hold.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from iqportal.cache import cached_many_for_directory
from landesnetzwerke.lotse.search import FixedHit, LotseResult, MobileHit
from landesnetzwerke.models import Beratungsstelle, Sprechtag

PARTS_TEMPLATE = "lotse/_card_parts.html"


@dataclass(frozen=True)
class CardParts:
    title: SafeString  # the office's name, linked to its page
    facts: SafeString  # languages, ways of counselling, contacts, sample-data notice
    address: SafeString = SafeString("")  # fixed offices
    intro_by_plz: SafeString = SafeString("")  # mobile: kind, and that it comes to the visitor's postcode area
    intro_by_radius: SafeString = SafeString("")  # mobile: kind, and the places within its radius (or its Land)
    # Mobile: each upcoming consultation day (its pk) as a list item. A search shows those not yet over; a day the
    # card does not hold (added since: that changes the directory's version) is rendered by day_part().
    days: dict[int, SafeString] = field(default_factory=dict)


def _part(office: Beratungsstelle | None, part: str, **context: Any) -> SafeString:
    html = render_to_string(PARTS_TEMPLATE, {"office": office, "part": part, **context})
    return mark_safe(html.strip())  # noqa: S308 - rendered by the template engine, which escaped it


def day_part(day: Sprechtag) -> SafeString:
    """A consultation day as the list item of a card: weekday and date, time, place."""
    return _part(None, "day", day=day)


def render_parts(office: Beratungsstelle) -> CardParts:
    """The card parts of one office, rendered in the active language."""
    title, facts = _part(office, "title"), _part(office, "facts")
    if not office.is_mobile:
        return CardParts(title=title, facts=facts, address=_part(office, "address"))
    return CardParts(
        title=title,
        facts=facts,
        intro_by_plz=_part(office, "intro", hit=MobileHit(office, None, by_plz=True)),
        intro_by_radius=_part(office, "intro", hit=MobileHit(office, None, by_plz=False)),
        days={day.pk: _part(office, "day", day=day) for day in getattr(office, "upcoming_days", [])},
    )


def card_parts(offices: Iterable[Beratungsstelle]) -> dict[int, CardParts]:
    """{pk: CardParts} of these offices in the active language, from the cache or rendered (and then cached)."""
    by_pk = {office.pk: office for office in offices}
    return _cached_parts(list(by_pk), by_pk.get)


def result_cards(result: LotseResult) -> dict[int, CardParts]:
    """{office pk: CardParts} of a result page's offices: the search reads an office only for a card the cache does
    not hold (LotseResult.office). An office deleted since the search is missing."""
    hits: list[FixedHit | MobileHit] = [*result.fixed, *result.mobile]
    return _cached_parts([hit.office_id for hit in hits], result.office)


def _cached_parts(pks: list[int], office: Callable[[int], Beratungsstelle | None]) -> dict[int, CardParts]:
    language = get_language()

    def build(missing: list[int]) -> dict[int, CardParts]:
        offices = [found for found in map(office, missing) if found is not None]
        prefetch_related_objects(offices, "languages")
        return {found.pk: render_parts(found) for found in offices}

    return cached_many_for_directory({pk: f"lotse:card:{language}:{pk}" for pk in pks}, build)
