"""Urgent notices on kiosk screens (*Hinweis an Bildschirme*), which screens have received them, and
the screens' weekly schedules (active hours per weekday and on public holidays, content by time of day).

A notice always has an end: a forgotten warning must not stay on the town's screens for ever.
*Entwarnung* (all clear) ends it early; the original end is kept, so the history shows both.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from tourism.validators import coordinate_errors, latitude_validators, longitude_validators

# The group that may create, change and end notices (and see the screens); made by the migration.
KIOSK_GROUP = "Kiosk-Team"


END_REQUIRED = _("Enter the end: every notice ends by itself.")


class Severity(models.TextChoices):
    INFO = "info", _("Information")
    WARNING = "warning", _("Warning")
    DANGER = "danger", _("Danger")


class Target(models.TextChoices):
    ALL = "all", _("All screens")
    SELECTED = "selected", _("Selected screens")
    RADIUS = "radius", _("Screens within a radius of a point")


class KioskNotice(models.Model):
    """An urgent message that takes over the targeted screens from its start until its end."""

    title = models.CharField(
        _("internal title"),
        max_length=200,
        help_text=_("For the list in the admin; not shown on the screens."),
    )
    texts = models.JSONField(_("texts"), default=dict, blank=True)  # language code → text
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.INFO)
    target = models.CharField(_("screens"), max_length=10, choices=Target.choices, default=Target.ALL)
    screens = models.ManyToManyField(
        "roland_sites.KioskScreen",
        blank=True,
        related_name="notices",
        verbose_name=_("selected screens"),
        help_text=_("Only for 'Selected screens'."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=longitude_validators
    )
    radius_km = models.DecimalField(
        _("radius (km)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.1), MaxValueValidator(100)],
        help_text=_(
            "Only for 'Screens within a radius': screens standing within this distance of the point."
        ),
    )
    starts_at = models.DateTimeField(_("start"), default=timezone.now)
    ends_at = models.DateTimeField(
        _("end"),
        help_text=_("Required: the notice disappears by itself at this time."),
        error_messages={"null": END_REQUIRED, "blank": END_REQUIRED},
    )
    ended_at = models.DateTimeField(_("all clear at"), null=True, blank=True, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("all clear by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("notice to screens")
        verbose_name_plural = _("notices to screens")
        ordering = ["-starts_at", "-pk"]
        indexes = [models.Index(fields=["ends_at", "starts_at"], name="kiosknotice_window")]

    def __str__(self) -> str:
        return self.title

    @property
    def effective_end(self):
        """When it leaves the screens: its end, or the all clear when that came earlier."""
        if self.ended_at is not None and self.ended_at < self.ends_at:
            return self.ended_at
        return self.ends_at

    def clean(self) -> None:
        super().clean()
        errors: dict[str, object] = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if self.target == Target.RADIUS:
            errors.update(coordinate_errors(self.latitude, self.longitude))
            if self.latitude is None and self.longitude is None:
                errors["latitude"] = _("Enter the point the radius is measured from.")
            if self.radius_km is None:
                errors["radius_km"] = _("Enter the radius.")
        if errors:
            raise ValidationError(errors)


class KioskNoticeConfirmation(models.Model):
    """A screen fetched a feed containing the notice: the first time only."""

    notice = models.ForeignKey(KioskNotice, on_delete=models.CASCADE, related_name="confirmations")
    screen = models.ForeignKey("roland_sites.KioskScreen", on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(_("received"))

    class Meta:
        verbose_name = _("confirmation by a screen")
        verbose_name_plural = _("confirmations by screens")
        constraints = [
            models.UniqueConstraint(fields=["notice", "screen"], name="kiosknotice_confirmed_once")
        ]
        ordering = ["confirmed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.screen_id}"


class ScheduleDay(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
    HOLIDAY = 7, _("Public holiday")


class ScheduleContent(models.TextChoices):
    ALL = "all", _("Everything")
    EVENTS = "events", _("Today's events")
    PLACES = "places", _("Places open now nearby")


class KioskHours(models.Model):
    """One range a screen is on, on a weekday or on public holidays, with what it shows then.

    A range whose end is not after its start runs past midnight (it belongs to the day it starts).
    """

    screen = ParentalKey("roland_sites.KioskScreen", on_delete=models.CASCADE, related_name="hours")
    day = models.PositiveSmallIntegerField(_("day"), choices=ScheduleDay.choices)
    opens = models.TimeField(_("from"))
    closes = models.TimeField(_("until"), help_text=_("May be past midnight, e.g. 18:00 to 01:00."))
    content = models.CharField(
        _("shows"), max_length=10, choices=ScheduleContent.choices, default=ScheduleContent.ALL
    )

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("content")])
    ]

    class Meta:
        verbose_name = _("active hours")
        verbose_name_plural = _("active hours")
        ordering = ["day", "opens", "pk"]

    def __str__(self) -> str:
        return f"{self.get_day_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        super().clean()
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("The end must differ from the start.")})
