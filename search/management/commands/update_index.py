"""Wagtail's `update_index`, followed by a rebuild of the project's own search table.

One command repairs every search index: the engine's (or Wagtail's database index for the admin),
including updates missed while Elasticsearch/OpenSearch was unreachable, and the table behind
/api/v1/search on the database default.
"""

from django.core.management import call_command
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex


class Command(WagtailUpdateIndex):
    help = "Update Wagtail's search index(es), then rebuild the table behind /api/v1/search."

    def handle(self, *args, **options) -> None:
        super().handle(*args, **options)
        if not options.get("schema_only"):
            call_command("rebuild_search_index", stdout=self.stdout, verbosity=options.get("verbosity", 1))
