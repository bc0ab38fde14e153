"""
The places where a project works, written as text: "30159 Hannover; 38100 Braunschweig" (the import column and the
admin field). Each entry is "PLZ place" as exported, or anything the Lotse's place resolution understands (a
postcode, a name in any spelling or script). `PlaceResolver` resolves many entries in a few queries: exact
"PLZ place" entries in one, the others through landesnetzwerke.lotse.places.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from landesnetzwerke.geo import bounding_box, haversine_km
from landesnetzwerke.lotse.places import LocationKind, Status, parse_query, resolve_query
from landesnetzwerke.models import Ort

SEPARATOR = ";"
MAX_PLACES = 50
NEAREST_PLACE_KM = 10  # a postcode without a place of its own: the nearest place this close to its centre


def format_places(places: Iterable[Any]) -> str:
    """The places (gazetteer places or a project's copies of them) as one text, sorted, as the export writes them."""
    return f"{SEPARATOR} ".join(sorted(f"{place.plz} {place.name}".strip() for place in places))


def split_places(text: str) -> list[str]:
    """The entries of the text (also one per line, as the admin field allows), without duplicates."""
    entries = (part.strip() for line in (text or "").splitlines() for part in line.split(SEPARATOR))
    return list(dict.fromkeys(entry for entry in entries if entry))


@dataclass
class Resolved:
    places: list[Ort] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class PlaceResolver:
    """Resolves place entries to gazetteer places; remembers what it found, for the rows of one import."""

    def __init__(self) -> None:
        self._known: dict[str, Ort | str] = {}  # entry -> place, or the error message

    def preload(self, texts: Iterable[str]) -> None:
        """Look up every exact "PLZ place" entry of these texts at once (one query)."""
        pairs = {}
        for text in texts:
            for entry in split_places(text):
                plz, name = parse_query(entry)
                if plz and name and entry not in self._known:
                    pairs[(plz, name)] = entry
        if not pairs:
            return
        codes = {plz for plz, _name in pairs}
        for place in Ort.objects.filter(plz__in=codes):
            found = pairs.get((place.plz, place.name))
            if found is not None:
                self._known[found] = place

    def resolve(self, text: str) -> Resolved:
        entries = split_places(text)
        result = Resolved()
        if len(entries) > MAX_PLACES:
            result.errors.append(_("Give at most %(count)s places.") % {"count": MAX_PLACES})
            return result
        self.preload([text])
        for entry in entries:
            found = self._known.get(entry)
            if found is None:
                found = self._known[entry] = self._resolve_entry(entry)
            if isinstance(found, Ort):
                result.places.append(found)
            else:
                result.errors.append(found)
        return result

    @staticmethod
    def _resolve_entry(entry: str) -> Ort | str:
        resolution = resolve_query(entry)
        location = resolution.location
        if resolution.status == Status.AMBIGUOUS:
            names = ", ".join(candidate.query for candidate in resolution.candidates[:5])
            return _("“%(entry)s” names several places (%(names)s). Write the postcode before the name.") % {
                "entry": entry,
                "names": names,
            }
        lat, lon = (location.latitude, location.longitude) if location is not None else (None, None)
        if location is None or lat is None or lon is None:
            suggestions = ", ".join(candidate.query for candidate in resolution.candidates[:5])
            message = _("There is no place “%(entry)s” in Germany.") % {"entry": entry}
            if suggestions:
                message += " " + _("Did you mean: %(names)s?") % {"names": suggestions}
            return message
        if location.kind == LocationKind.PLACE:
            place = Ort.objects.filter(plz=location.plz, name=location.label).first()
            if place is not None:
                return place
        by_postcode = Ort.objects.filter(plz=location.plz).order_by("-population", "name").first()
        if by_postcode is not None:
            return by_postcode
        south, west, north, east = bounding_box(lat, lon, NEAREST_PLACE_KM)
        near = Ort.objects.filter(latitude__range=(south, north), longitude__range=(west, east))
        nearest = min(near, key=lambda ort: haversine_km(lat, lon, ort.latitude, ort.longitude), default=None)
        return nearest if nearest is not None else _("There is no place “%(entry)s” in Germany.") % {"entry": entry}
