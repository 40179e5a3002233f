"""Running the queued tasks in this process: the publish benchmark and the tests wait for them so."""

from django_tasks_db.management.commands.db_worker import Worker


def run_due_tasks(worker_id: str) -> None:
    """Run every due task of the `worker` backend once, in this process, and return.

    What `manage.py db_worker --backend worker --batch` does; for tests and the publish benchmark.
    """
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
