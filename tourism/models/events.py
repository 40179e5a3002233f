"""Events: dates in Berlin time, RFC 5545 recurrence, status, venue, and materialised occurrences."""

from datetime import datetime, time

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.preview import PreviewMixin
from cms.core.slugs import TransliteratedSlugMixin

from ..forms import TourismPageForm
from ..services.opening_hours import local_datetime
from ..services.recurrence import EventDates, RecurrenceError, clean_rule, normalise_rule
from ..widgets import RecurrenceRuleInput
from .base import (
    AddressFields,
    IndexedContentMixin,
    address_translatable_fields,
    body_field,
    content_api_fields,
    content_search_fields,
    main_image_field,
    page_chooser,
    tabbed_edit_handler,
    teaser_field,
)
from .snippets import event_categories


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    FAMILIES = "families", _("Families")
    CHILDREN = "children", _("Children")
    YOUTH = "youth", _("Young people")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors")
    BUSINESS = "business", _("Businesses")
    TOURISTS = "tourists", _("Visitors")


class EventIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.Event"]
    max_count_per_parent = 1
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")


class EventTag(TaggedItemBase):
    content_object = ParentalKey("tourism.Event", on_delete=models.CASCADE, related_name="tagged_items")


class Event(TransliteratedSlugMixin, IndexedContentMixin, PreviewMixin, AddressFields, Page):
    teaser = teaser_field()
    body = body_field()
    image = main_image_field()
    categories = ParentalManyToManyField(
        "tourism.Category", blank=True, limit_choices_to=event_categories, verbose_name=_("categories")
    )
    tags = ClusterTaggableManager(through=EventTag, blank=True)

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty: same day as the start.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    recurrence_rule = models.CharField(
        _("recurrence rule"),
        max_length=500,
        blank=True,
        help_text=_(
            "RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=SA;UNTIL=20271231 or FREQ=MONTHLY;BYDAY=1SU;COUNT=12."
        ),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.CharField(
        _("status note"), max_length=300, blank=True, help_text=_("e.g. the new date or the reason.")
    )
    previous_start_date = models.DateField(
        _("previous date"),
        null=True,
        blank=True,
        help_text=_("For a rescheduled or postponed event: the date it was announced for before."),
    )

    venue = models.ForeignKey(
        "tourism.PointOfInterest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("venue"),
    )
    location_name = models.CharField(
        _("location name"),
        max_length=255,
        blank=True,
        help_text=_("Only when the venue is not a point of interest."),
    )
    online_url = models.URLField(_("online event URL"), blank=True)
    organizer = models.ForeignKey(
        "tourism.Organizer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("organizer"),
    )
    ticket_url = models.URLField(_("ticket URL"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=False)
    price_text = models.CharField(_("prices"), max_length=300, blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("audience"),
    ]
    dates_panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
        FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
        FieldPanel("all_day"),
        FieldPanel("recurrence_rule", widget=RecurrenceRuleInput),
        InlinePanel("excluded_dates", label=_("Excluded dates (EXDATE)")),
        InlinePanel("extra_dates", label=_("Additional dates (RDATE)")),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note"), FieldPanel("previous_start_date")],
            heading=_("Status"),
        ),
    ]
    place_panels = [
        page_chooser("venue", "tourism.PointOfInterest"),
        MultiFieldPanel(
            [FieldPanel("location_name"), *AddressFields.address_panels], heading=_("Other location")
        ),
        FieldPanel("online_url"),
        FieldPanel("organizer"),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("price_text"), FieldPanel("ticket_url")], heading=_("Tickets")
        ),
    ]
    base_form_class = TourismPageForm
    edit_handler = tabbed_edit_handler(
        (content_panels, _("Content")),
        (dates_panels, _("Dates")),
        (place_panels, _("Place and tickets")),
    )

    override_translatable_fields = address_translatable_fields(
        SynchronizedField("recurrence_rule", overridable=False), SynchronizedField("price_text")
    )

    search_fields = content_search_fields(
        index.SearchField("location_name"),
        index.FilterField("status"),
        index.FilterField("is_free"),
        index.FilterField("audience"),
    )

    api_fields = content_api_fields(
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_date"),
        APIField("end_time"),
        APIField("all_day"),
        APIField("recurrence_rule"),
        APIField("excluded_dates"),
        APIField("extra_dates"),
        APIField("status"),
        APIField("status_note"),
        APIField("previous_start_date"),
        APIField("venue"),
        APIField("location_name"),
        APIField("street"),
        APIField("postal_code"),
        APIField("locality"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("online_url"),
        APIField("organizer"),
        APIField("ticket_url"),
        APIField("is_free"),
        APIField("price_text"),
        APIField("audience"),
    )

    parent_page_types = ["tourism.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def start(self) -> datetime:
        """Aware start in Europe/Berlin (local midnight for all-day events)."""
        return local_datetime(self.start_date, time(0) if self.all_day else (self.start_time or time(0)))

    @property
    def end(self) -> datetime:
        """Aware end in Europe/Berlin (exclusive midnight after the last day for all-day events)."""
        dates = self.dates()
        end_wall = dates.local_end
        return local_datetime(end_wall.date(), end_wall.time(), fold=1)

    def dates(self) -> EventDates:
        """The event's dates as plain data for the recurrence service (uses prefetched rows)."""
        return EventDates(
            start_date=self.start_date,
            start_time=None if self.all_day else self.start_time,
            end_date=self.end_date or self.start_date,
            end_time=None if self.all_day else self.end_time,
            all_day=self.all_day,
            rule=normalise_rule(self.recurrence_rule),
            exdates=tuple(row.date for row in self.excluded_dates.all()),
            rdates=tuple((row.date, row.time) for row in self.extra_dates.all()),
        )

    def clean(self) -> None:
        super().clean()
        errors = self.clean_coordinates()
        if self.all_day and (self.start_time or self.end_time):
            errors["all_day"] = _(
                "An all-day event has no start or end time: clear the times or untick 'all day'."
            )
        elif not self.all_day and not self.start_time and self.start_date:
            errors["start_time"] = _("Enter a start time, or tick 'all day'.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event ends before it starts.")
        elif (
            self.start_date
            and not self.all_day
            and self.start_time
            and self.end_time
            and (self.end_date or self.start_date) == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _(
                "The event ends before it starts: for an end after midnight, set the end date."
            )
        if self.end_time and not self.start_time and not self.all_day:
            errors.setdefault("start_time", _("An end time needs a start time."))
        if (
            self.status != EventStatus.SCHEDULED
            and not self.status_note
            and self.status != EventStatus.CANCELLED
        ):
            errors["status_note"] = _("Say what changed, e.g. the new date or the online link.")
        if self.previous_start_date and self.previous_start_date == self.start_date:
            errors["previous_start_date"] = _(
                "The previous date is the current one: leave it empty or correct it."
            )
        if self.recurrence_rule and self.start_date and "start_time" not in errors:
            try:
                # Stored as RFC 5545 wants it (UNTIL in DTSTART's value type), whatever was typed.
                self.recurrence_rule = clean_rule(self.recurrence_rule, self.start, self.all_day)
            except RecurrenceError as exc:
                errors["recurrence_rule"] = str(exc)
        if errors:
            raise ValidationError(errors)


class EventExcludedDate(Orderable):
    page = ParentalKey(Event, on_delete=models.CASCADE, related_name="excluded_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]
    api_fields = [APIField("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("excluded date")
        verbose_name_plural = _("excluded dates")


class EventExtraDate(Orderable):
    page = ParentalKey(Event, on_delete=models.CASCADE, related_name="extra_dates")
    date = models.DateField(_("date"))
    time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("Empty: the event's usual start time.")
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("time")])]
    api_fields = [APIField("date"), APIField("time")]

    class Meta(Orderable.Meta):
        verbose_name = _("additional date")
        verbose_name_plural = _("additional dates")


class EventOccurrence(models.Model):
    """One dated occurrence of a live event, written on publish for a bounded horizon."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("event occurrence")
        verbose_name_plural = _("event occurrences")
        ordering = ["start", "event_id"]
        constraints = [models.UniqueConstraint(fields=["event", "start"], name="unique_occurrence_start")]
        indexes = [
            models.Index(fields=["start", "end"], name="occurrence_window"),
            models.Index(fields=["end"], name="occurrence_end"),
        ]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.start.isoformat()}"
