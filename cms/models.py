"""Models of the assembly layer."""

from django.db import models


class ScheduledJob(models.Model):
    """When a periodic job of the worker (cms.scheduling) last started, and how its last run went.

    `started_at` is the due marker: a worker runs a tick only if its conditional update moves it on,
    so of several workers exactly one runs each tick, on SQLite and PostgreSQL alike.
    """

    name = models.CharField(max_length=100, primary_key=True)
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    worker_id = models.CharField(max_length=64, blank=True)
    succeeded = models.BooleanField(null=True)
    outcome = models.CharField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.name
