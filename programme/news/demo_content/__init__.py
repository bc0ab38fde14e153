"""
The sample news (items.yaml: slug, age in days, network or Fachstelle, Handlungsschwerpunkte; texts/<language>.yaml:
title, teaser, body), loaded by `load_news_events` (part of `load_demo_content`).
"""

import datetime
from pathlib import Path

from fachstellen.models import Fachstelle
from landesnetzwerke.models import Landesnetzwerk
from programme.editorial.demo import ContentType, SampleSet
from programme.news.models import NewsItem, NewsItemContent, Schwerpunkt

SAMPLES = SampleSet(Path(__file__).parent)


def owner_values(spec):
    """The network (by Bundesland code) or Fachstelle (by slug) a sample item belongs to; neither: the programme's."""
    network, fachstelle = spec.get("network"), spec.get("fachstelle")
    return {
        "landesnetzwerk": Landesnetzwerk.objects.get(bundesland=network) if network else None,
        "fachstelle": Fachstelle.objects.get(slug=fachstelle) if fachstelle else None,
    }


def news_samples(today: datetime.date) -> ContentType:
    return ContentType(
        samples=SAMPLES,
        grouper_model=NewsItem,
        content_model=NewsItemContent,
        grouper_values=lambda spec: {
            "date": today - datetime.timedelta(days=spec["days_ago"]),
            **owner_values(spec),
        },
        grouper_relations=lambda spec: {
            "schwerpunkte": list(Schwerpunkt.objects.filter(slug__in=spec.get("schwerpunkte") or []))
        },
    )
