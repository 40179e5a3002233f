"""Fill the search engine of the fault drill with part of the bench data, in seconds.

What `update_index` does for every backend of SEARCH_URL (one index per language), for the first
`--limit` objects of each indexed model plus the soak event: indexing all bench pages into the
in-memory stand-in would take minutes, and the drill only needs an engine that answers, then does not.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from modelsearch.index import get_indexed_models
from wagtail.search.backends import get_search_backend
from wagtail.search.management.commands.update_index import group_models_by_index

from bench.management.commands.bench_soak_publish import SLUG
from search.services import uses_engine


class Command(BaseCommand):
    help = "Index the first --limit objects of each model (and the soak event) into the SEARCH_URL engine."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, **options) -> None:
        if not uses_engine():
            raise CommandError("SEARCH_URL names no search engine.")
        total = 0
        for name in settings.WAGTAILSEARCH_BACKENDS:
            backend = get_search_backend(name)
            for index, models in group_models_by_index(backend, get_indexed_models()).items():
                rebuilder = backend.rebuilder_class(index)
                index = rebuilder.start()
                for model in models:
                    index.add_model(model)
                for model in models:
                    objects = model.get_indexed_objects().order_by("pk")
                    chosen = list(objects[: options["limit"]])
                    if hasattr(model, "slug"):
                        chosen += [obj for obj in objects.filter(slug=SLUG) if obj not in chosen]
                    if chosen:
                        index.add_items(model, chosen)
                        total += len(chosen)
                rebuilder.finish()
        self.stdout.write(f"indexed {total} objects")
