from argparse import ArgumentParser
from typing import Any

from django.core.management import BaseCommand

from landesnetzwerke.projects.demo_data.loader import load_sample_projects, remove_sample_projects
from landesnetzwerke.projects.models import Teilprojekt


class Command(BaseCommand):
    help = (
        "Loads about 400 SAMPLE sub-projects (Teilprojekte) idempotently: spread over the 16 Landesnetzwerke and the "
        "five Handlungsschwerpunkte, in real places, with invented organisations and contacts, marked as sample data "
        "and published. Projects that exist are left as editors left them; --refresh creates the projects still marked "
        "as sample data anew. Needs the gazetteer and the networks (load_gazetteer, load_directory)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Delete the projects still marked as sample data (with their versions) and create them again.",
        )
        parser.add_argument(
            "--remove-samples",
            action="store_true",
            help="Delete the projects still marked as sample data (after importing real ones).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["remove_samples"]:
            self.stdout.write(f"{remove_sample_projects()} sample projects deleted.")
            return
        counts = load_sample_projects(refresh=options["refresh"])
        if options["verbosity"]:
            self.stdout.write(
                f"{Teilprojekt.objects.count()} sub-projects (samples: {counts.created} created, "
                f"{counts.unchanged} unchanged, {counts.deleted} removed)"
            )
