"""What the kiosk screens report back: status, heartbeats, the feed versions they show, what they played.

Written only by `sites.fleet` (the heartbeat and the feed-version record) and its periodic job; the
admin reads them. Nothing here is about the people in front of a screen: only what it showed, and
for how long.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .kiosks import KioskScreen


class KioskStatus(models.Model):
    """The latest heartbeat of a screen, and whether its silence has been announced."""

    screen = models.OneToOneField(
        KioskScreen, on_delete=models.CASCADE, primary_key=True, related_name="fleet_status"
    )
    last_seen = models.DateTimeField(_("last seen"))
    sent_at = models.DateTimeField(_("sent at (screen's clock)"), null=True, blank=True)
    feed_etag = models.CharField(_("feed version shown"), max_length=100, blank=True)
    online = models.BooleanField(_("online"), default=True)
    online_since = models.DateTimeField(_("online since"), null=True, blank=True)
    offline_since = models.DateTimeField(_("offline since"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    viewport_width = models.PositiveIntegerField(_("viewport width"), null=True, blank=True)
    viewport_height = models.PositiveIntegerField(_("viewport height"), null=True, blank=True)
    orientation = models.CharField(_("orientation"), max_length=10, blank=True)
    uptime_seconds = models.PositiveBigIntegerField(_("uptime (seconds)"), default=0)
    heartbeats = models.PositiveBigIntegerField(_("heartbeats"), default=0)
    # Set when the silence notification went out; cleared by the all-clear. Never both twice.
    silent_since = models.DateTimeField(_("silence announced at"), null=True, blank=True)

    class Meta:
        verbose_name = _("kiosk status")
        verbose_name_plural = _("kiosk statuses")

    def __str__(self) -> str:
        return f"{self.screen_id} @ {self.last_seen:%Y-%m-%d %H:%M:%S}"


class KioskHeartbeat(models.Model):
    """One heartbeat, sent live or from the offline queue: which feed version showed when."""

    screen = models.ForeignKey(KioskScreen, on_delete=models.CASCADE, related_name="+")
    received_at = models.DateTimeField(_("received"))
    sent_at = models.DateTimeField(_("sent at (screen's clock)"))
    feed_etag = models.CharField(_("feed version shown"), max_length=100, blank=True)
    online = models.BooleanField(_("online"))
    queued = models.BooleanField(_("sent from the offline queue"), default=False)

    class Meta:
        verbose_name = _("kiosk heartbeat")
        verbose_name_plural = _("kiosk heartbeats")
        indexes = [models.Index(fields=["screen", "sent_at"], name="kiosk_heartbeat_screen_sent")]

    def __str__(self) -> str:
        return f"{self.screen_id} @ {self.sent_at:%Y-%m-%d %H:%M:%S}"


class KioskFeedVersion(models.Model):
    """A feed answer as served (its ETag and bytes), so the admin can show what a screen shows."""

    screen = models.ForeignKey(KioskScreen, on_delete=models.CASCADE, related_name="+")
    etag = models.CharField(max_length=100)
    # The answer without its `generated_at`: equal hashes mean the same content on screen.
    content_hash = models.CharField(max_length=64)
    body = models.TextField()
    first_served_at = models.DateTimeField()

    class Meta:
        verbose_name = _("kiosk feed version")
        verbose_name_plural = _("kiosk feed versions")
        constraints = [models.UniqueConstraint(fields=["screen", "etag"], name="kiosk_feed_version_unique")]
        indexes = [models.Index(fields=["screen", "first_served_at"], name="kiosk_feed_version_served")]

    def __str__(self) -> str:
        return f"{self.screen_id} {self.etag}"


class KioskPlayTotal(models.Model):
    """Proof of play: how often and how long one item was on one screen on one (Berlin) day.

    The screen reports its running totals; they replace the stored ones, so a resent day never
    counts twice.
    """

    screen = models.ForeignKey(KioskScreen, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    item = models.CharField(_("item"), max_length=40)  # "event:12", "poi:7", "news:3"
    shows = models.PositiveIntegerField(_("times shown"), default=0)
    seconds = models.PositiveIntegerField(_("seconds on screen"), default=0)
    updated_at = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("proof of play")
        verbose_name_plural = _("proof of play")
        constraints = [
            models.UniqueConstraint(fields=["screen", "day", "item"], name="kiosk_play_total_unique")
        ]

    def __str__(self) -> str:
        return f"{self.screen_id} {self.day} {self.item}"


class AlertKind(models.TextChoices):
    SILENT = "silent", _("Silent")
    BACK = "back", _("Back again")


class KioskAlert(models.Model):
    """A silence notification or its all-clear, as shown on the dashboard and sent by e-mail."""

    screen = models.ForeignKey(KioskScreen, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=AlertKind.choices)
    created_at = models.DateTimeField(_("created"))
    last_seen = models.DateTimeField(_("last seen"))
    recipients = models.PositiveIntegerField(_("e-mails sent"), default=0)

    class Meta:
        verbose_name = _("kiosk alert")
        verbose_name_plural = _("kiosk alerts")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.screen_id} {self.kind} {self.created_at:%Y-%m-%d %H:%M}"
