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


class AutosavedNewPage(models.Model):
    """A new page that so far only Wagtail's autosave has saved (cms.editing): the editor never
    clicked a button for it. Gone once the editor saves, publishes or submits it; the worker deletes
    the page once nobody has touched it for ABANDONED_DRAFT_HOURS, which frees its slug."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"autosaved new page {self.page_id}"
