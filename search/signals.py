"""Signal wiring only: publish, unpublish and move keep the own search table current (search.index).

A deleted page's entry goes with it (foreign key cascade; on SQLite a trigger clears the FTS row).
"""

from wagtail.signals import page_published, page_unpublished, post_page_move

from .index import content_kind, index_page, index_subtree, remove_page


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
