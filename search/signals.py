"""Signal wiring only: publish, unpublish and move keep the own search table current (search.index),
and so do new event occurrences; synonym changes invalidate cached answers.

A deleted page's entry goes with it (foreign key cascade; on SQLite a trigger clears the FTS row).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from tourism.services.occurrences import occurrences_changed

from .index import content_kind, index_page, index_subtree, refresh_occurrence_end, remove_page
from .models import SynonymGroup


def _on_publish(sender, instance, **kwargs) -> None:
    if content_kind(instance.specific) is not None:
        index_page(instance)


def _on_unpublish(sender, instance, **kwargs) -> None:
    remove_page(instance.pk)


def _on_move(sender, instance, **kwargs) -> None:
    index_subtree(instance)


page_published.connect(_on_publish, dispatch_uid="roland_search_published")
page_unpublished.connect(_on_unpublish, dispatch_uid="roland_search_unpublished")
post_page_move.connect(_on_move, dispatch_uid="roland_search_moved")


def _on_occurrences_changed(sender, event_id, **kwargs) -> None:
    refresh_occurrence_end(event_id)


occurrences_changed.connect(_on_occurrences_changed, dispatch_uid="roland_search_occurrences")


def _synonyms_changed(sender, **kwargs) -> None:
    # Synonyms change what a search answers: cached search answers must go (cms.api.http_cache).
    from cms.signals import content_changed

    content_changed()


post_save.connect(_synonyms_changed, sender=SynonymGroup, dispatch_uid="roland_search_synonyms_save")
post_delete.connect(_synonyms_changed, sender=SynonymGroup, dispatch_uid="roland_search_synonyms_delete")
