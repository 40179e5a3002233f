"""Events sent in by local organisers, and who sent them (kept apart, deleted after a while).

The event itself is an ordinary draft Event page in the moderation workflow; a submission only
remembers which page it made, the hash of its status link's token, and where it came from. The
submitter's e-mail address lives in SubmissionContact, which nothing public reads and the worker
deletes after SUBMISSION_CONTACT_RETENTION_DAYS.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    FORM = "form", _("Public form")
    API = "api", _("Partner API")


class EventSubmission(models.Model):
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    event = models.ForeignKey(
        "tourism.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("event"),
    )
    organizer_name = models.CharField(_("organiser"), max_length=200)
    language = models.CharField(_("language of the submitter"), max_length=10)
    channel = models.CharField(_("submitted through"), max_length=10, choices=Channel.choices)
    api_client_name = models.CharField(_("API client"), max_length=200, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("event submission")
        verbose_name_plural = _("event submissions")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.organizer_name} ({self.submitted_at:%Y-%m-%d})"


class SubmissionContact(models.Model):
    """The submitter's contact: for the moderators' questions only, never shown in any API."""

    submission = models.OneToOneField(
        EventSubmission, on_delete=models.CASCADE, related_name="contact", verbose_name=_("submission")
    )
    email = models.EmailField(_("e-mail address"))
    created_at = models.DateTimeField(
        pgettext_lazy("submission", "received"), auto_now_add=True, db_index=True
    )

    class Meta:
        verbose_name = _("submitter contact")
        verbose_name_plural = _("submitter contacts")

    def __str__(self) -> str:
        return self.email
