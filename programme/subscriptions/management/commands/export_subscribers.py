from django.contrib.sites.models import Site
from django.core.management import BaseCommand

from programme.subscriptions.export import write_subscribers
from programme.subscriptions.models import Abonnement, Liste


class Command(BaseCommand):
    help = (
        "Writes the confirmed subscribers of a list as CSV (list, email, language, consented_at, confirmed_at, "
        "unsubscribe_url) to standard output, for the tool that sends the issue. Every mail must carry the "
        "subscriber's unsubscribe_url."
    )

    def add_arguments(self, parser):
        parser.add_argument("--liste", choices=Liste.values, required=True, help="The list: iq-konkret or aktuelles.")
        parser.add_argument(
            "--base-url",
            help="Scheme and host of the unsubscribe links (default: https:// and the Site's domain, see SITE_DOMAIN).",
        )

    def handle(self, *args, **options):
        base = (options["base_url"] or f"https://{Site.objects.get_current().domain}").rstrip("/")
        count = write_subscribers(self.stdout, Abonnement.objects.of_list(options["liste"]), lambda path: base + path)
        self.stderr.write(f"{count} confirmed subscriber(s) of {options['liste']}.")
