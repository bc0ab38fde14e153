from cms.utils.apphook_reload import mark_urlconf_as_changed
from django.core.cache import caches
from django.core.management import BaseCommand, call_command
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Loads a file written by export_content into a freshly migrated database, in one transaction, then "
        "clears the caches, makes every app process reload the CMS's URLs and rebuilds the site search's index. Run "
        "load_gazetteer afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON file written by export_content.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        with transaction.atomic(using=options["database"]):
            call_command("loaddata", options["path"], database=options["database"], verbosity=options["verbosity"])
        mark_urlconf_as_changed()
        call_command("rebuild_search_index", verbosity=0)  # the index is not part of the export: derived data
        for cache in caches.all():
            cache.clear()
        self.stdout.write(self.style.SUCCESS("Content imported; caches cleared."))
