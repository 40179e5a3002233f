"""Opening-hours rows of a point of interest; the rules themselves live in services.opening_hours."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable


class NamedInlinePanel(InlinePanel):
    """An inline panel whose saved rows are headed by what they say ("Öffnungszeiten 1: Mo–Fr
    10:00–18:00"), not by a number alone: a place with several seasons is readable when collapsed."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "tourism/panels/named_inline_panel.html"


WEEKDAY_FIELDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class OpeningHoursRule(Orderable):
    """Weekly hours, optionally only within a season (e.g. 1 April – 31 October every year)."""

    page = ParentalKey("tourism.PointOfInterest", on_delete=models.CASCADE, related_name="opening_hours")
    monday = models.BooleanField(_("Mo"), default=False)
    tuesday = models.BooleanField(_("Tu"), default=False)
    wednesday = models.BooleanField(_("We"), default=False)
    thursday = models.BooleanField(_("Th"), default=False)
    friday = models.BooleanField(_("Fr"), default=False)
    saturday = models.BooleanField(_("Sa"), default=False)
    sunday = models.BooleanField(_("Su"), default=False)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"),
        help_text=_("A closing time before the opening time means the next day, e.g. 22:00–02:00."),
    )
    valid_from = models.DateField(_("season from"), null=True, blank=True)
    valid_to = models.DateField(_("season to"), null=True, blank=True)
    every_year = models.BooleanField(
        _("every year"), default=True, help_text=_("Repeat the season every year (the year is ignored).")
    )

    panels = [
        FieldRowPanel([FieldPanel(name) for name in WEEKDAY_FIELDS]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to"), FieldPanel("every_year")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        """ "Mo–Fr 10:00–18:00 (01.04.–31.10.)": how the row is named in the admin and its history."""
        days = ", ".join(_day_ranges(self.weekdays)) or "–"
        text = f"{days} {_hhmm(self.opens)}–{_hhmm(self.closes)}"
        if self.valid_from and self.valid_to:
            pattern = "%d.%m." if self.every_year else "%d.%m.%Y"
            text += f" ({self.valid_from.strftime(pattern)}–{self.valid_to.strftime(pattern)})"
        return text

    @property
    def weekdays(self) -> list[int]:
        return [index for index, name in enumerate(WEEKDAY_FIELDS) if getattr(self, name)]

    def clean(self) -> None:
        errors = {}
        if not self.weekdays:
            errors["monday"] = _("Tick at least one weekday.")
        if bool(self.valid_from) != bool(self.valid_to):
            errors["valid_to" if self.valid_from else "valid_from"] = _("A season needs a start and an end.")
        elif self.valid_from and not self.every_year and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The season ends before it starts.")
        if errors:
            raise ValidationError(errors)


def _hhmm(value) -> str:
    return value.strftime("%H:%M") if value else "?"


def _day_ranges(weekdays: list[int]) -> list[str]:
    """Runs of three or more days as a range ("Mo–Fr"), the others one by one, in the language of
    the interface (the fields' labels)."""
    names = [OpeningHoursRule._meta.get_field(name).verbose_name for name in WEEKDAY_FIELDS]
    runs: list[list[int]] = []
    for day in weekdays:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            parts.extend(str(names[day]) for day in run)
    return parts


class ExceptionReason(models.TextChoices):
    """Why a place keeps other hours; the labels are translated with the interface, per language."""

    HOLIDAY = "holiday", _("Public holiday")
    CHRISTMAS_EVE = "christmas_eve", _("Christmas Eve")
    NEW_YEARS_EVE = "new_years_eve", _("New Year's Eve")
    SEASON_BREAK = "season_break", _("Season break")
    RENOVATION = "renovation", _("Renovation")
    SPECIAL_EVENT = "special_event", _("Special event")
    WEATHER = "weather", _("Weather")
    OTHER = "other", _("Other")


class OpeningHoursException(Orderable):
    """A dated exception: closed, or special hours (several rows on one day give several ranges).

    The reason is a fixed choice so it reads right in every language without translating rows.
    """

    page = ParentalKey(
        "tourism.PointOfInterest", on_delete=models.CASCADE, related_name="opening_hours_exceptions"
    )
    date_from = models.DateField(_("date"))
    date_to = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty for a single day.")
    )
    closed = models.BooleanField(_("closed"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=20, choices=ExceptionReason.choices, default=ExceptionReason.OTHER
    )

    panels = [
        FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours exception")
        verbose_name_plural = _("opening hours exceptions")

    def __str__(self) -> str:
        """ "24.12.2026: geschlossen (Heiligabend)" or "31.12.2026: 10:00–14:00 (Silvester)"."""
        days = f"{self.date_from:%d.%m.%Y}" if self.date_from else "?"
        if self.date_to and self.date_to != self.date_from:
            days += f"–{self.date_to:%d.%m.%Y}"
        hours = _("closed") if self.closed else f"{_hhmm(self.opens)}–{_hhmm(self.closes)}"
        return f"{days}: {hours} ({self.get_reason_display()})"

    def clean(self) -> None:
        errors = {}
        if self.date_to and self.date_to < self.date_from:
            errors["date_to"] = _("The end date is before the start date.")
        if self.closed and (self.opens or self.closes):
            errors["opens"] = _("A closed day has no opening times.")
        if not self.closed and not (self.opens and self.closes):
            errors["opens"] = _("Enter opening and closing times, or tick 'closed'.")
        if errors:
            raise ValidationError(errors)


OpeningHoursRule.api_fields = [
    *(APIField(name) for name in WEEKDAY_FIELDS),
    APIField("opens"),
    APIField("closes"),
    APIField("valid_from"),
    APIField("valid_to"),
    APIField("every_year"),
]
OpeningHoursException.api_fields = [
    APIField(name) for name in ("date_from", "date_to", "closed", "opens", "closes", "reason")
]
