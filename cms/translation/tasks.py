"""The background task of bulk translation (django-tasks), run by the worker: `manage.py worker`."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from . import bulk
from .models import BulkTranslationJob


@task(backend="worker")
def translate_pages(job_id: int) -> dict[str, int]:
    """Make the job's machine-translated drafts, page by page (`bulk.run_job`)."""
    return bulk.run_job(job_id)


def queue(job: BulkTranslationJob) -> None:
    """Hand the job to the worker once the transaction that made it is committed."""
    transaction.on_commit(lambda: translate_pages.enqueue(job.pk), robust=True)
