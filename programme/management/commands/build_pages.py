from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Stub: the content work builds the page tree here."

    def handle(self, *args, **options):
        pass
