from django.core.management import BaseCommand

from landesnetzwerke.demo_data.loader import load_directory, remove_sample_offices
from landesnetzwerke.models import Beratungsstelle, Landesnetzwerk


class Command(BaseCommand):
    help = (
        "Loads the directory idempotently: topics, languages, the 16 Landesnetzwerke with their editor groups "
        "(plus 'Zentrale Redaktion'), the 5 Fachstellen and 74 fixed and 100 mobile SAMPLE counselling offices "
        "in real places (sample contacts, marked as such). Consultation days are set relative to today. "
        "Records that exist are left as editors left them (a sample mobile office without upcoming "
        "consultation days gets new sample days); --refresh writes the demo values again. "
        "Use --without-samples on a production site that imports its real offices."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-samples",
            action="store_true",
            help="Load only topics, languages, networks, Fachstellen and groups; no sample offices.",
        )
        parser.add_argument(
            "--refresh",
            action="store_true",
            help=(
                "Write the demo values again: topics, languages, networks, Fachstellen, the editor groups' "
                "permissions and the offices still marked as sample data (editors' changes to them are lost)."
            ),
        )
        parser.add_argument(
            "--remove-samples",
            action="store_true",
            help="Delete the sample offices that are still marked as sample data (after importing real ones).",
        )

    def handle(self, *args, **options):
        if options["remove_samples"]:
            deleted = remove_sample_offices()
            self.stdout.write(f"{deleted} sample offices deleted.")
            return
        counts = load_directory(with_samples=not options["without_samples"], refresh=options["refresh"])
        if options["verbosity"]:
            offices = Beratungsstelle.objects
            self.stdout.write(
                f"{Landesnetzwerk.objects.count()} Landesnetzwerke, "
                f"{offices.fixed().count()} fixed and {offices.mobile().count()} mobile offices"
                + (
                    f" (samples: {counts.created} created, {counts.updated} updated, "
                    f"{counts.unchanged} unchanged, {counts.deleted} removed)"
                    if counts
                    else ""
                )
            )
