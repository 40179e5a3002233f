"""Background tasks of the content layer (django-tasks), run by the worker: `manage.py worker`."""

from django_tasks import task

from .services import intake


@task(backend="worker")
def refresh_import_source(source_id: int) -> str:
    """One scheduled import of a source; its report is kept as an ImportRun."""
    run = intake.refresh(source_id)
    return (
        "gone"
        if run is None
        else f"{run.status}: {run.created} new, {run.changed} changed, {run.errors} errors"
    )


def refresh_due_import_sources() -> list[int]:
    """The worker's periodic job: each due source claimed once and queued as its own task, so a slow
    partner server holds up neither scheduled publishing nor the other sources."""
    claimed = intake.claim_due_sources()
    for source_id in claimed:
        refresh_import_source.enqueue(source_id)
    return claimed
