from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Stub: the Lotse work loads the gazetteer here."

    def handle(self, *args, **options):
        pass
