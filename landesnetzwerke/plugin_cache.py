"""
Keeps the directory's CMS plugins fresh. django CMS caches a placeholder's output per placeholder and language
(independent of the page cache, which iqportal.cache clears on directory changes). When an office, a network or
a Fachstelle changes, the placeholders that contain a directory plugin get a new cache version: registered with
the invalidation registry (iqportal/invalidation.py) in ``LandesnetzwerkeConfig.ready()``.
"""

DIRECTORY_PLUGIN_TYPES = ("NetworkOfficesPlugin", "FachstellenListPlugin")
#: The records those plugins show.
DIRECTORY_PLUGIN_MODELS = [
    "landesnetzwerke.Beratungsstelle",
    "landesnetzwerke.Landesnetzwerk",
    "fachstellen.Fachstelle",
]


class _PlaceholderRef:
    def __init__(self, pk):
        self.pk = pk


def invalidate_directory_plugin_placeholders():
    from cms.cache.placeholder import clear_placeholder_cache
    from cms.models import CMSPlugin
    from django.conf import settings

    pairs = (
        CMSPlugin.objects.filter(plugin_type__in=DIRECTORY_PLUGIN_TYPES)
        .values_list("placeholder_id", "language")
        .distinct()
    )
    for placeholder_id, language in pairs:
        clear_placeholder_cache(_PlaceholderRef(placeholder_id), language, settings.SITE_ID)


def register():
    from iqportal import invalidation

    invalidation.register(invalidate_directory_plugin_placeholders, DIRECTORY_PLUGIN_MODELS)
