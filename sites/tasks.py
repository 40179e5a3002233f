"""Background tasks of the channels (django-tasks), run by the worker: `manage.py worker`."""

from django_tasks import task

from . import webhooks


@task(backend="worker")
def deliver_webhook(delivery_id: int) -> str:
    """One attempt at a webhook delivery; a failed one queues the next attempt itself (with backoff),
    so a retry waits in the queue instead of blocking the worker."""
    return webhooks.attempt_delivery(delivery_id)
