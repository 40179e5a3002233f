"""Background tasks (django-tasks): run by a worker in production, inline by default."""

from django_tasks import task

from .services.occurrences import extend_all


@task()
def extend_occurrence_horizon() -> dict[str, int]:
    """Move the occurrence horizon on; schedule daily (see README, 'Scheduled jobs')."""
    events, occurrences = extend_all()
    return {"events": events, "occurrences": occurrences}
