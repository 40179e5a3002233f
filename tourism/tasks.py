"""Background tasks (django-tasks), run by the worker (`manage.py worker`)."""

from django_tasks import task

from .services.occurrences import extend_all


@task(backend="worker")
def extend_occurrence_horizon() -> dict[str, int]:
    """Move the occurrence horizon on now; the worker also does it by itself daily (cms.scheduling)."""
    events, occurrences = extend_all()
    return {"events": events, "occurrences": occurrences}
