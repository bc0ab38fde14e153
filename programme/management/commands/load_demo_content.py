from django.core.management import BaseCommand, call_command

from iqportal.sites import configure_site


class Command(BaseCommand):
    help = (
        "Loads everything the demo site needs, idempotently: the gazetteer (PLZ and places), "
        "the directory (Landesnetzwerke, Fachstellen, sample counselling offices), the sample sub-projects, the "
        "published CMS page tree in every language, the sample news and events, the sample publications, then the "
        "site search's index. Safe to run again: it updates, never duplicates. "
        "The Site record gets the site's name and, with SITE_DOMAIN set, that domain (used in the sitemap)."
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
        configure_site()
        for step in self.steps:
            if verbosity:
                self.stdout.write(f"== {step}")
            call_command(step, verbosity=verbosity)
