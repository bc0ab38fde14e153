from django.core.management import BaseCommand, call_command

from iqportal.backup import excluded_labels


class Command(BaseCommand):
    help = (
        "Writes all content (CMS pages with their versions and plugins, the directory, media records, users) "
        "as portable JSON, for import_content into another database. Without --output it prints to stdout."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: stdout).")
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        arguments = ["--natural-foreign", "--indent", "1", "--database", options["database"]]
        for label in excluded_labels():
            arguments += ["--exclude", label]
        if options["output"]:
            arguments += ["--output", options["output"]]
        call_command("dumpdata", *arguments, stdout=self.stdout)
