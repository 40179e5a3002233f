"""The background task of bulk translation (django-tasks), run by the worker: `manage.py worker`."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from . import bulk
from .models import BulkTranslationJob


@task(backend="worker")
def translate_pages(job_id: int) -> dict[str, int]:
    """Make the job's machine-translated drafts, page by page (`bulk.run_job`)."""
    return bulk.run_job(job_id)


def queue(job: BulkTranslationJob) -> None:
    """Hand the job to the worker once the transaction that made it is committed."""
    transaction.on_commit(lambda: translate_pages.enqueue(job.pk), robust=True)


@receiver(task_finished, dispatch_uid="roland-bulk-translation-task-finished")
def _task_finished(sender, task_result, **kwargs) -> None:
    """A failed job task ends its job (`bulk.end_stopped_job`); a successful one has ended it itself."""
    if (
        task_result.status == TaskResultStatus.FAILED
        and task_result.task.module_path == translate_pages.module_path
    ):
        bulk.end_stopped_job(*task_result.args, **task_result.kwargs)
