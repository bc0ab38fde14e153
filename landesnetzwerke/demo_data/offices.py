"""
The sample counselling offices: real places (see places.py) with sample addresses, contacts and hours.

Everything is derived deterministically from the place (random.Random seeded with the office's stable ID), so
every run builds the same offices; only the consultation days move along with the date of the run.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from landesnetzwerke.demo_data.places import CITY_STATES, OfficePlace, choose_office_places
from landesnetzwerke.models.offices import OfficeKind

# Telephone ranges the Bundesnetzagentur keeps free for films, books and examples (never assigned).
FICTIONAL_PHONE_RANGES = {
    "030": ("+49 30 23125", {"BE", "BB", "SN", "ST", "TH"}),
    "040": ("+49 40 66969", {"HH", "SH", "HB", "NI", "MV"}),
    "069": ("+49 69 90009", {"HE", "RP", "SL", "BW"}),
    "089": ("+49 89 99998", {"BY"}),
    "0221": ("+49 221 4710", {"NW"}),
}

# (code, probability an office offers it) for the languages besides German.
LANGUAGE_ODDS = [
    ("en", 0.85),
    ("ar", 0.55),
    ("uk", 0.4),
    ("ru", 0.4),
    ("tr", 0.35),
    ("fa", 0.3),
    ("prs", 0.12),
    ("ps", 0.08),
    ("ku", 0.15),
    ("pl", 0.2),
    ("ro", 0.2),
    ("bg", 0.12),
    ("hu", 0.08),
    ("es", 0.25),
    ("fr", 0.3),
    ("it", 0.12),
    ("pt", 0.1),
    ("el", 0.08),
    ("sr", 0.1),
    ("hr", 0.08),
    ("bs", 0.08),
    ("sq", 0.1),
    ("vi", 0.06),
    ("zh", 0.06),
    ("ti", 0.08),
    ("so", 0.06),
    ("hi", 0.05),
    ("ur", 0.05),
]

T = datetime.time
OPENING_PATTERNS = [
    # Mon–Thu mornings and afternoons, Friday mornings
    [(d, T(9), T(12)) for d in range(5)] + [(d, T(13), T(16)) for d in range(4)],
    # Tue and Thu long days, Wed morning
    [(1, T(9), T(17)), (2, T(9), T(12, 30)), (3, T(10), T(18))],
    # Mon, Wed, Fri mornings; Tue afternoon
    [(0, T(8, 30), T(12, 30)), (1, T(13), T(17)), (2, T(8, 30), T(12, 30)), (4, T(8, 30), T(12, 30))],
    # Mon–Fri mornings, Thu also evenings for people who work
    [(d, T(9), T(13)) for d in range(5)] + [(3, T(15), T(19))],
]


@dataclass
class OfficeSpec:
    source_id: str
    kind: OfficeKind
    land: str
    values: dict  # concrete model fields
    translations: dict  # language → {field: text}
    topics: list
    languages: list
    opening_hours: list = field(default_factory=list)  # (weekday, opens, closes)
    consultation_days: list = field(default_factory=list)  # dicts for Sprechtag(**…)


class PhoneBook:
    """Hands out numbers from the fictional ranges, in order, so every run gives the same numbers."""

    def __init__(self, start=100):
        self.next = dict.fromkeys(FICTIONAL_PHONE_RANGES, start)

    def number(self, land):
        for key, (prefix, lands) in FICTIONAL_PHONE_RANGES.items():
            if land in lands:
                number = self.next[key]
                self.next[key] += 1
                return f"{prefix} {number:03d}"
        raise KeyError(land)


def display_name(place):
    """'Hannover', or 'Berlin-Neukölln' for a district of a city state."""
    if place.land in CITY_STATES and place.name != place.city and not place.name.startswith(place.city):
        return f"{place.city}-{place.name}"
    return place.name


def _languages(rng):
    chosen = ["de"] + [code for code, odds in LANGUAGE_ODDS if rng.random() < odds]
    return chosen if len(chosen) > 1 else ["de", "en"]


def _contact_values(place, phones):
    """The values every sample office has: its operator, place, coordinates, phone and the ways it advises."""
    return {
        "traeger": f"Musterträger Bildung {place.city} e. V.",
        "plz": place.plz,
        "city": place.city,
        "bundesland": place.land,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "phone": phones.number(place.land),
        "website": "",
        "in_person": True,
        "by_phone": True,
    }


def _spec(office_place, values, translations, topics, rng, **schedule):
    place = office_place.place
    return OfficeSpec(
        source_id=f"demo-{office_place.kind.value}-{place.geonameid}",
        kind=office_place.kind,
        land=place.land,
        values=values,
        translations=translations,
        topics=topics,
        languages=_languages(rng),
        **schedule,
    )


def _fixed_spec(office_place, rank_in_land, rng, phones):
    place = office_place.place
    name = display_name(place)
    if rank_in_land == 0:
        title = f"IQ Beratungszentrum {name}"
        topics = ["anerkennung", "qualifizierung", "faire-integration", "arbeitgeber"]
    else:
        title = f"IQ Anerkennungs- und Qualifizierungsberatung {name}"
        topics = ["anerkennung", "qualifizierung"] + (["arbeitgeber"] if rank_in_land % 3 == 0 else [])
    step_free = rng.random() < 0.7
    values = {
        **_contact_values(place, phones),
        "name": title,
        "street": f"Musterstraße {rng.randint(1, 90)}",
        "email": f"beratung.{slugify(name)}@example.org",
        "by_video": rng.random() < 0.6,
        "by_email": rng.random() < 0.9,
        "wheelchair_accessible": step_free,
        "service_radius_km": None,
        "service_plz_prefixes": "",
    }
    translations = {
        "de": {
            "description": (
                f"Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse und zu passenden "
                f"Qualifizierungen für Ratsuchende aus {place.city} und Umgebung. Termine nach Vereinbarung, "
                "kurze Fragen auch während der Öffnungszeiten. Alle Kontaktdaten sind Beispieldaten."
            ),
            "accessibility": (
                "Stufenloser Eingang, Aufzug und barrierefreies WC (Beispielangabe)."
                if step_free
                else "Beratungsräume im 2. Obergeschoss ohne Aufzug; auf Wunsch Beratung in einem "
                "barrierefreien Raum in der Nähe (Beispielangabe)."
            ),
            "directions": "Wenige Gehminuten von der nächsten Haltestelle des Nahverkehrs (Beispielangabe).",
        },
        "en": {
            "description": (
                f"Advice on the recognition of foreign vocational and academic qualifications and on suitable "
                f"training for people from {place.city} and the surrounding area. Appointments on request; short "
                "questions also during opening hours. All contact details are sample data."
            ),
            "accessibility": (
                "Step-free entrance, lift and accessible toilet (sample information)."
                if step_free
                else "Counselling rooms on the second floor without a lift; on request, counselling in an "
                "accessible room nearby (sample information)."
            ),
            "directions": "A few minutes' walk from the nearest public transport stop (sample information).",
        },
    }
    opening_hours = sorted(OPENING_PATTERNS[place.geonameid % len(OPENING_PATTERNS)])
    return _spec(office_place, values, translations, topics, rng, opening_hours=opening_hours)


def _consultation_days(office_place, rng, today):
    """Four consultation days every other week on the office's weekday, rotating over the places it visits."""
    place = office_place.place
    stops = [place, *office_place.stops]
    weekday = place.geonameid % 5
    first = today + datetime.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    morning = rng.random() < 0.5
    starts, ends = (T(9, 30), T(12, 30)) if morning else (T(13), T(16))
    days = []
    for number in range(4):
        stop = stops[number % len(stops)]
        days.append(
            {
                "date": first + datetime.timedelta(days=14 * number),
                "starts": starts,
                "ends": ends,
                "place": stop.name,
                "address": f"Beispielweg {rng.randint(1, 40)}, {stop.plz} {stop.city}",
            }
        )
    return days


def _mobile_spec(office_place, rng, phones, today):
    place = office_place.place
    name = display_name(place)
    radius = office_place.radius_km
    values = {
        **_contact_values(place, phones),
        "name": f"IQ Mobile Beratung {name}",
        "street": "",
        "email": f"mobil.{slugify(name)}@example.org",
        "by_video": rng.random() < 0.5,
        "by_email": True,
        "wheelchair_accessible": rng.random() < 0.5,
        "service_radius_km": radius,
        "service_plz_prefixes": ", ".join(office_place.plz_prefixes),
    }
    topics = ["anerkennung", "qualifizierung"] + (["faire-integration"] if rng.random() < 0.25 else [])
    translations = {
        "de": {
            "description": (
                f"Die mobile Beratung kommt zu festen Sprechtagen in Orte im Umkreis von etwa {radius} km um "
                f"{name}. Zwischen den Sprechtagen berät sie am Telefon und per E-Mail. "
                "Alle Kontaktdaten und Adressen sind Beispieldaten."
            ),
            "accessibility": "Die Sprechtage finden in öffentlich zugänglichen Räumen statt (Beispielangabe).",
            "directions": "",
        },
        "en": {
            "description": (
                f"The mobile counselling service holds consultation days in places within about {radius} km of "
                f"{name}. Between those days it advises by phone and e-mail. "
                "All contact details and addresses are sample data."
            ),
            "accessibility": "Consultation days take place in publicly accessible rooms (sample information).",
            "directions": "",
        },
    }
    spec = _spec(office_place, values, translations, topics, rng)
    spec.consultation_days = _consultation_days(office_place, rng, today)  # after the languages: both draw from rng
    return spec


def build_office_specs(today, fixed_total=74, mobile_total=100):
    """All sample offices as OfficeSpec, fixed offices first; deterministic for a given `today`."""
    phones = PhoneBook()
    specs = []
    rank = {}
    places: list[OfficePlace] = choose_office_places(fixed_total, mobile_total)
    for office_place in places:
        rng = random.Random(f"iq-demo-{office_place.kind}-{office_place.place.geonameid}")  # noqa: S311 (sample data)
        if office_place.kind == OfficeKind.FIXED:
            land = office_place.place.land
            specs.append(_fixed_spec(office_place, rank.get(land, 0), rng, phones))
            rank[land] = rank.get(land, 0) + 1
        else:
            specs.append(_mobile_spec(office_place, rng, phones, today))
    return specs
