"""Background tasks of the channels (django-tasks), run by the worker: `manage.py worker`."""

from django_tasks import task

from . import webhooks


@task(backend="worker")
def deliver_webhook(delivery_id: int) -> str:
    """One attempt at a webhook delivery; a failed one queues the next attempt itself (with backoff),
    so a retry waits in the queue instead of blocking the worker."""
    return webhooks.attempt_delivery(delivery_id)


def run_due_tasks(worker_id: str) -> None:
    """Run every due task of the `worker` backend once, in this process, and return.

    What `manage.py db_worker --backend worker --batch` does; for tests and the publish benchmark.
    """
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="worker",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run()
