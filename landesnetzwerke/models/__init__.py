from landesnetzwerke.models.gazetteer import GazetteerVersion, Ort, Ortsname, Postleitzahl  # noqa: F401
from landesnetzwerke.models.imports import PendingImport  # noqa: F401
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
from landesnetzwerke.models.plugins import NetworkOfficesPluginModel  # noqa: F401
