from django.core.management import BaseCommand

from programme import page_builder
from programme.management.authors import add_author_argument, author_named


class Command(BaseCommand):
    help = (
        "Creates the published CMS page tree (home, programm, …, barrierefreiheit) in every language that has "
        "demo content, idempotently: existing language versions are left as editors made them. "
        "--refresh replaces their content with the demo content as a new published version."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Publish the demo content again as a new version of pages that exist (older versions are kept).",
        )
        add_author_argument(parser)

    def handle(self, *args, refresh=False, user=None, verbosity=1, **options):
        author = author_named(user)
        report = page_builder.build_page_tree(user=author, refresh=refresh)
        if verbosity:
            self.stdout.write(
                f"Pages: {len(report.created)} created, {len(report.refreshed)} refreshed, "
                f"{len(report.unchanged)} unchanged (page × language)."
            )
        if verbosity > 1:
            for label in report.created:
                self.stdout.write(f"  created {label}")
            for label in report.refreshed:
                self.stdout.write(f"  refreshed {label}")
