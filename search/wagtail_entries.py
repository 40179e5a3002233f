"""Wagtail's own search index (the admin's search, stock v2 `?search=`, the engines behind
/api/v1/search) for models that leave it to the publish pipeline (`search_auto_update = False`, the
content pages): written in the saving transaction, as modelsearch's receiver would, but not for a save
that writes nothing an entry holds.

A publish saves the page twice: `save_revision` writes its bookkeeping (latest revision, draft title,
whether changes are pending), then the publish writes the page. The database backend's entries hold
text only (title, autocomplete, body; filters run on the page table), so the first save changes no
entry there; an engine's documents also hold filter fields (`latest_revision_created_at`), so with an
engine every save is indexed.
"""

from collections.abc import Iterable

from django.db import models
from modelsearch import index
from modelsearch.backends import get_search_backends

_TEXT_FIELDS = (index.SearchField, index.AutocompleteField, index.RelatedFields)


def _database_backend(backend) -> bool:
    return type(backend).__module__.startswith("modelsearch.backends.database")


def held_fields(model: type[models.Model]) -> set[str] | None:
    """The model's fields some backend's entries hold a copy of; None: every field may count."""
    fields = model.get_search_fields()
    held: set[str] = set()
    for backend in get_search_backends(with_auto_update=True):
        if not _database_backend(backend):
            return None
        held.update(field.field_name for field in fields if isinstance(field, _TEXT_FIELDS))
    return held


def object_saved(instance: models.Model, update_fields: Iterable[str] | None) -> None:
    """Write the saved object's entries, unless the save wrote none of the fields they hold."""
    if update_fields is not None:
        held = held_fields(type(instance))
        if held is not None and not held & set(update_fields):
            return
    # The stored row, as modelsearch indexes it: what is in memory may differ from it (indexing the
    # object just saved made an engine's documents differ).
    index.insert_or_update_object(type(instance).objects.get(pk=instance.pk))


def object_deleted(instance: models.Model) -> None:
    index.remove_object(instance)
