"""
The sample events (items.yaml: slug, start and end as days from today and German time, online link or place,
organiser, audiences, languages, registration; texts/<language>.yaml: title, teaser, body), loaded by
`load_news_events` (part of `load_demo_content`). Their dates count from the day they are loaded, so the demo has
upcoming and past events; once no sample event lies ahead, the next load dates them from that day again.
"""

import datetime
from pathlib import Path

from landesnetzwerke.clock import BERLIN
from landesnetzwerke.models import Sprache
from programme.editorial.demo import ContentType, SampleSet
from programme.events.models import Event, EventContent, Zielgruppe
from programme.news.demo_content import owner_values

SAMPLES = SampleSet(Path(__file__).parent)


def moment(today: datetime.date, when: dict) -> datetime.datetime:
    """{day: 3, time: "17:00"}: three days after `today`, 17:00 German time."""
    hour, minute = (int(part) for part in when["time"].split(":"))
    day = today + datetime.timedelta(days=when["day"])
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=BERLIN)


def dates(spec, today):
    return {"starts_at": moment(today, spec["start"]), "ends_at": moment(today, spec["end"])}


def event_values(spec, today):
    place = spec.get("place") or {}
    return {
        **dates(spec, today),
        "attendance": spec["attendance"],
        "online_url": spec.get("online_url", ""),
        "venue": place.get("venue", ""),
        "street": place.get("street", ""),
        "plz": str(place.get("plz", "")),
        "city": place.get("city", ""),
        "registration_url": spec.get("registration_url", ""),
        "registration_email": spec.get("registration_email", ""),
        **owner_values(spec),
    }


def event_samples(today: datetime.date) -> ContentType:
    return ContentType(
        samples=SAMPLES,
        grouper_model=Event,
        content_model=EventContent,
        grouper_values=lambda spec: event_values(spec, today),
        grouper_relations=lambda spec: {
            "zielgruppen": list(Zielgruppe.objects.filter(slug__in=spec["audiences"])),
            "sprachen": list(Sprache.objects.filter(code__in=spec.get("languages") or [])),
        },
    )


def redate_samples(today: datetime.date) -> int:
    """When no sample event lies ahead any more, the sample events get their dates counted from `today` again."""
    now = datetime.datetime.combine(today, datetime.time(), tzinfo=BERLIN)
    samples = Event.objects.filter(is_sample=True)
    if not samples.exists() or samples.filter(ends_at__gt=now).exists():
        return 0
    specs = {spec["slug"]: spec for spec in SAMPLES.items()}
    moved = 0
    for event in samples.filter(slug__in=specs):
        for name, value in dates(specs[event.slug], today).items():
            setattr(event, name, value)
        event.save(update_fields=["starts_at", "ends_at", "updated_at"])
        moved += 1
    return moved
