from landesnetzwerke.models.offices import (  # noqa: F401
    Beratungsstelle,
    BeratungsstelleQuerySet,
    Bundesland,
    Landesnetzwerk,
    Oeffnungszeit,
    Sprache,
    Sprechtag,
    Thema,
)
