from django.core.management import BaseCommand
from django.utils import timezone

from programme.editorial.demo import load_samples
from programme.events.demo_content import event_samples, redate_samples
from programme.management.authors import add_author_argument, author_named
from programme.news.demo_content import news_samples


class Command(BaseCommand):
    help = (
        "Creates the sample news and events (marked as sample data, published in every language that has their "
        "texts), idempotently: items and language versions that exist are left as editors made them. When no "
        "sample event lies ahead any more, the sample events are dated from today again. --refresh writes the demo "
        "values of the items still marked as sample data again and publishes their texts as new versions."
    )

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true", help="Reset the items still marked as sample data.")
        add_author_argument(parser)

    def handle(self, *args, refresh=False, user=None, verbosity=1, **options):
        author = author_named(user)
        today = timezone.localdate()
        for name, kind in (("News", news_samples(today)), ("Events", event_samples(today))):
            report = load_samples(kind, user=author, refresh=refresh)
            if verbosity:
                self.stdout.write(
                    f"{name}: {len(report.created)} created, {len(report.refreshed)} refreshed, "
                    f"{report.unchanged} unchanged (item × language)."
                )
        moved = redate_samples(today)
        if verbosity and moved:
            self.stdout.write(f"Events: {moved} sample events dated from today again.")
