import os

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = (
        "Loads everything the demo site needs, idempotently: the gazetteer (PLZ and places), "
        "the directory (Landesnetzwerke, Fachstellen, sample counselling offices), the sample sub-projects, the "
        "published CMS page tree in every language, the sample news and events, the sample publications, then the "
        "site search's index. Safe to run again: it updates, never duplicates. "
        "With SITE_DOMAIN set, the site's domain (used in the sitemap) is set to it."
    )

    steps = [
        "load_gazetteer",
        "load_directory",
        "load_projects",
        "build_pages",
        "load_news_events",
        "load_publications",
        "rebuild_search_index",
    ]

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        domain = os.environ.get("SITE_DOMAIN", "").strip()
        if domain:
            Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": "IQ Portal"})
        for step in self.steps:
            if verbosity:
                self.stdout.write(f"== {step}")
            call_command(step, verbosity=verbosity)
