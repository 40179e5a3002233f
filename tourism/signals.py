"""Signal wiring only: publish-time work for events lives in services.occurrences."""

from wagtail.signals import page_published, page_unpublished

from .models import Event
from .services.occurrences import refresh_occurrences, remove_occurrences


def _on_publish(sender, instance: Event, **kwargs) -> None:
    refresh_occurrences(instance)


def _on_unpublish(sender, instance: Event, **kwargs) -> None:
    remove_occurrences(instance)


page_published.connect(_on_publish, sender=Event, dispatch_uid="tourism_event_published")
page_unpublished.connect(_on_unpublish, sender=Event, dispatch_uid="tourism_event_unpublished")
