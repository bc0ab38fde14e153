from django.core.management import BaseCommand

from programme.subscriptions.services import cleanup


class Command(BaseCommand):
    help = (
        "Deletes subscription requests older than 48 hours (unconfirmed ones, and confirmed ones whose consent is "
        "stored with the subscription) and addresses left with neither a subscription nor a request. "
        "Run it regularly, e.g. hourly beside `manage.py clearsessions`."
    )

    def handle(self, *args, **options):
        requests, addresses = cleanup()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {requests} expired request(s) and {addresses} address(es) left without one.")
