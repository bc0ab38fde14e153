from typing import Any

from cms.utils.apphook_reload import reload_urlconf
from django.core.management import BaseCommand

from iqportal.invalidation import invalidate_all
from programme.search.index import rebuild


class Command(BaseCommand):
    help = (
        "Writes the site search's index again from the published content (pages, offices, networks, Fachstellen "
        "and every other registered content type), in bulk. Safe to run at any time; searches keep working."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # Documents link to pages below apphooks (offices, networks): their URLs must be known in this process even
        # when build_pages has just created those pages (load_demo_content).
        reload_urlconf()
        report = rebuild()
        invalidate_all()  # cached pages (the search's among them) showed the old index
        if options["verbosity"]:
            counts = ", ".join(f"{count} {type_}" for type_, count in report.documents.items())
            self.stdout.write(f"Search index: {counts} documents, {report.words} words.")
