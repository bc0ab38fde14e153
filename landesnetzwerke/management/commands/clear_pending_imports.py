"""
Delete the import files whose preview has expired (landesnetzwerke.import_storage): run it daily, e.g. from cron.
Staging a new import also deletes the expired ones, so this only matters for sites where nobody imports for a
while; the files are kept in the database, so it also frees their space.
"""

from typing import Any

from django.core.management import BaseCommand

from landesnetzwerke.models import PendingImport


class Command(BaseCommand):
    help = "Deletes uploaded import files whose preview has expired (confirmed or not)."

    def handle(self, *args: Any, verbosity: int = 1, **options: Any) -> None:
        deleted, _by_model = PendingImport.objects.expired().delete()
        if verbosity:
            self.stdout.write(f"{deleted} expired import file(s) deleted.")
