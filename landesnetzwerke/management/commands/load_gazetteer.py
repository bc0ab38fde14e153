"""
Load the gazetteer (every German PLZ and place, with coordinates, Bundesland and names in all scripts) from the
installed geodata packages; the build itself is landesnetzwerke.gazetteer_build's.

Idempotent: the data version (the build's version and the packages' versions) is stored; loading the same
version again does nothing unless --force is given.
"""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management import BaseCommand

from landesnetzwerke import gazetteer_build
from landesnetzwerke.models import GazetteerVersion


class Command(BaseCommand):
    help = (
        "Loads every German postcode (PLZ) and place with coordinates, Bundesland and alternate names "
        "into the database, from the installed geodata packages. Skips when the same data is loaded."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--force", action="store_true", help="Load even if the same data version is loaded.")

    def handle(self, *args: Any, force: bool = False, verbosity: int = 1, **options: Any) -> None:
        started = time.monotonic()
        version = gazetteer_build.data_version()
        current = GazetteerVersion.objects.first()
        if current and current.version == version and not force:
            if verbosity:
                self.stdout.write(f"Gazetteer already loaded ({version}): {current.postcodes} postcodes, skipped.")
            return

        gazetteer = gazetteer_build.build(gazetteer_build.read_sources())
        if verbosity > 1:
            self.stdout.write(f"read and merged the sources in {time.monotonic() - started:.1f} s")
        stored = gazetteer_build.store(gazetteer, version)
        if verbosity:
            self.stdout.write(
                f"Gazetteer loaded: {stored.postcodes} postcodes, {stored.places} places, {stored.names} names "
                f"in {time.monotonic() - started:.1f} s ({version})."
            )
