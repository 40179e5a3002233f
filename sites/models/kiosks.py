"""Kiosk screens: where a screen stands, what it shows, in which languages and when."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel

from tourism.validators import coordinate_errors, latitude_validators, longitude_validators

from .webhooks import ChoiceListField


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape")
    PORTRAIT = "portrait", _("Portrait")


class Weekday(models.TextChoices):
    MONDAY = "0", _("Monday")
    TUESDAY = "1", _("Tuesday")
    WEDNESDAY = "2", _("Wednesday")
    THURSDAY = "3", _("Thursday")
    FRIDAY = "4", _("Friday")
    SATURDAY = "5", _("Saturday")
    SUNDAY = "6", _("Sunday")


def all_weekdays() -> list[str]:
    return list(Weekday.values)


def source_categories() -> dict:
    """Categories are chosen in the default language; their slugs match every translation."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def default_languages() -> list[str]:
    return [settings.LANGUAGE_CODE]


class LanguageListField(ChoiceListField):
    """Language codes as a JSON list; the choices are the configured languages, read when a form is built.

    They are not part of the field's definition, so configuring another language needs no migration.
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.pop("item_choices", None)
        super().__init__(*args, **kwargs)

    @property
    def item_choices(self) -> list[tuple[str, str]]:  # type: ignore[override]
        return list(settings.WAGTAIL_CONTENT_LANGUAGES)

    @item_choices.setter
    def item_choices(self, value) -> None:
        pass

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("item_choices", None)
        return name, path, args, kwargs


class KioskScreen(ClusterableModel):
    """A public information screen: the feed and the player page are derived from these settings."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, help_text=_("Part of the player's address: /kiosks/<slug>/")
    )
    venue = models.ForeignKey(
        "tourism.PointOfInterest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("location (point of interest)"),
        help_text=_("Where the screen stands; or enter coordinates below."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=longitude_validators
    )
    radius_km = models.DecimalField(
        _("radius (km)"),
        max_digits=4,
        decimal_places=1,
        default=5,
        validators=[MinValueValidator(0.1), MaxValueValidator(50)],
        help_text=_("Events and points of interest within this distance are shown."),
    )
    categories = models.ManyToManyField(
        "tourism.Category",
        blank=True,
        limit_choices_to=source_categories,
        related_name="+",
        verbose_name=_("categories"),
        help_text=_("Only these event, place and news categories; none of a kind means all of that kind."),
    )
    languages = LanguageListField(
        _("languages"),
        default=default_languages,
        help_text=_("One language, or several that the screen shows in turn."),
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    refresh_seconds = models.PositiveIntegerField(
        _("refresh interval (seconds)"),
        default=60,
        validators=[MinValueValidator(10), MaxValueValidator(3600)],
    )
    active_from = models.TimeField(
        _("on from"), null=True, blank=True, help_text=_("Empty (with 'on until'): on all day.")
    )
    active_until = models.TimeField(
        _("on until"), null=True, blank=True, help_text=_("May be past midnight, e.g. 22:00 to 01:00.")
    )
    active_days = ChoiceListField(_("days"), item_choices=Weekday.choices, default=all_weekdays, blank=False)
    show_ticker = models.BooleanField(_("news ticker"), default=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive screens have no feed and no player page.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        MultiFieldPanel(
            [
                PageChooserPanel("venue", "tourism.PointOfInterest"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("radius_km"),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages"),
                FieldPanel("show_ticker"),
            ],
            heading=_("Content"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("orientation"),
                FieldPanel("refresh_seconds"),
                FieldRowPanel([FieldPanel("active_from"), FieldPanel("active_until")]),
                FieldPanel("active_days"),
                FieldPanel("is_active"),
            ],
            heading=_("Display"),
        ),
        InlinePanel(
            "hours",
            heading=_("Weekly schedule"),
            label=_("Active hours"),
            help_text=_(
                "When set, these replace 'on from/until' and the days: several ranges a day, public "
                "holidays (Saxony-Anhalt) as their own day, and what the screen shows in each range."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("kiosk screen")
        verbose_name_plural = _("kiosk screens")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = coordinate_errors(self.latitude, self.longitude)
        if errors:
            raise ValidationError(errors)
        if self.venue_id is None and self.latitude is None:
            raise ValidationError(_("Choose a point of interest or enter coordinates for the screen."))
        if (self.active_from is None) != (self.active_until is None):
            raise ValidationError({"active_until": _("Enter both times, or neither for all day.")})

    def get_player_url(self) -> str:
        return f"/kiosks/{self.slug}/"
