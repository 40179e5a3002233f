"""Wagtail's per-save index work, done once per object at the end of a bulk load.

Every save of a page (the page, its revision, its publish, its translation's copy and publish)
rebuilds its reference index rows and its entry in Wagtail's own search index (the admin's search):
five or more times per demo page (for the content pages their search entry is the publish
pipeline's receiver's, cms.signals). Inside `index_updates_at_the_end` those saves only note the object;
at the end each noted object gets the same two updates once, from its final state, through the same
tasks Wagtail's receivers queue. Deletes keep their own receivers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_save
from modelcluster import models as cluster_models
from modelcluster.fields import ParentalKey
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save as references_on_save
from wagtail.tasks import update_reference_index_task

from cms import signals


def _cluster_root(instance: Model) -> Model | None:
    """The object whose reference rows a child row's save rebuilds (as Wagtail's task does): its
    ParentalKey parent, up the chain. Noted at once, because modelcluster replaces child rows on every
    save of the parent, so a child's id is gone by the end."""
    while instance is not None:
        keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not keys:
            return instance
        instance = getattr(instance, keys[0].name)
    return None


@contextmanager
def index_updates_at_the_end() -> Iterator[None]:
    """Reference index and search index updates of the objects saved inside, once each, at the end
    (in one transaction). Not for concurrent use: it swaps process-wide signal receivers."""
    # Per job: the receivers it swaps (model, receiver, dispatch uid) and the task it queues at the end.
    search = [
        (model, search_on_save, None)
        if getattr(model, "search_auto_update", True)
        else (model, signals.indexed_saved, signals.indexed_save_uid(model))  # the pipeline's (content pages)
        for model in get_indexed_models()
    ]
    jobs = (
        (
            [(model, references_on_save, None) for model in ReferenceIndex.tracked_models],
            update_reference_index_task,
        ),
        (search, insert_or_update_object_task),
    )
    noted: list[dict[tuple[str, str, str], None]] = [{} for _job in jobs]  # ordered sets
    collectors = []
    for position, ((receivers, _task), seen) in enumerate(zip(jobs, noted, strict=True)):

        def note(sender, instance, raw: bool = False, _seen=seen, _root=position == 0, **kwargs) -> None:
            if raw:
                return
            if _root:
                instance = _cluster_root(instance)
                if instance is None:
                    return
            _seen[(instance._meta.app_label, instance._meta.model_name, str(instance.pk))] = None

        collectors.append(note)
        for model, receiver, uid in receivers:
            post_save.disconnect(receiver, sender=model, dispatch_uid=uid)
            post_save.connect(note, sender=model, weak=False)
    try:
        yield
    finally:
        for (receivers, _task), note in zip(jobs, collectors, strict=True):
            for model, receiver, uid in receivers:
                post_save.disconnect(note, sender=model)
                post_save.connect(receiver, sender=model, dispatch_uid=uid)
    with transaction.atomic():
        for (_receivers, task), seen in zip(jobs, noted, strict=True):
            for key in seen:
                task.enqueue(*key)


@contextmanager
def foreign_keys_trusted() -> Iterator[None]:
    """Pages rebuilt from their revisions' JSON inside (every publish, every wagtail-localize source
    and copy) skip modelcluster's query per foreign key, which only guards against rows deleted
    since the revision was written: a bulk load deletes none of the rows it links to. Not for
    concurrent use: it swaps a module-level function."""
    original = cluster_models.model_from_serializable_data

    def trusted(model, data, check_fks=True, strict_fks=False):
        return original(model, data, check_fks=False, strict_fks=strict_fks)

    cluster_models.model_from_serializable_data = trusted
    try:
        yield
    finally:
        cluster_models.model_from_serializable_data = original
