"""The kernel's one table: the version counters every process reads (cms.core.versions)."""

from django.db import models


class Version(models.Model):
    """A counter that every change to what it covers raises; cached values carry it in their key.

    In the database because it is the one store every process shares (web workers, the task worker,
    management commands, a shell) and because a bump commits or rolls back with the change itself.
    """

    name = models.CharField(primary_key=True, max_length=40)
    value = models.BigIntegerField()

    class Meta:
        verbose_name = "version counter"

    def __str__(self) -> str:
        return f"{self.name} = {self.value}"
