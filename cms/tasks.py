"""Background tasks of the assembly (django-tasks), run by the worker (`manage.py db_worker`)."""

from django_tasks import task

from . import publishing


@task(backend="worker")
def extend_occurrence_horizon() -> dict[str, int]:
    """Move the occurrence horizon on, through the publish pipeline (README, 'Scheduled jobs')."""
    events, occurrences = publishing.extend_occurrence_horizon()
    return {"events": events, "occurrences": occurrences}
