from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = (
        "Loads everything the demo site needs, idempotently: the gazetteer (PLZ and places), "
        "the directory (Landesnetzwerke, Fachstellen, sample counselling offices) and the published "
        "CMS page tree in every language. Safe to run again: it updates, never duplicates."
    )

    steps = ["load_gazetteer", "load_directory", "build_pages"]

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        for step in self.steps:
            if verbosity:
                self.stdout.write(f"== {step}")
            call_command(step, verbosity=verbosity)
