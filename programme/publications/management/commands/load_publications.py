from django.core.management import BaseCommand

from programme.publications.demo_data import load_publications, remove_sample_publications


class Command(BaseCommand):
    help = (
        "Creates the sample publications (IQ konkret, Fact Sheets, Themendossiers, Good Practice, reports) with a "
        "generated sample PDF each, published in every language that has their texts, idempotently: what exists is "
        "left as editors made it. --refresh deletes the publications still marked as sample data and creates them "
        "again; --remove-samples only deletes them."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--refresh", action="store_true", help="Create the sample publications anew.")
        group.add_argument("--remove-samples", action="store_true", help="Delete the sample publications.")

    def handle(self, *args, refresh=False, remove_samples=False, verbosity=1, **options):
        if remove_samples:
            count = remove_sample_publications()
            if verbosity:
                self.stdout.write(f"Sample publications: {count} deleted.")
            return
        report = load_publications(refresh=refresh)
        if verbosity:
            removed = f", {report.removed} deleted first" if refresh else ""
            self.stdout.write(
                f"Sample publications: {len(report.created)} versions created (publication × language){removed}."
            )
