from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Stub: the directory work loads its demo data here."

    def handle(self, *args, **options):
        pass
