"""The one validation of an event submission, for the public form and the partner API alike.

Built inside the submitter's language (`translation.override`), so every message on a field is in
that language. Texts are plain: markup is refused on the field, never silently stripped.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.visibility import visible_pages
from media.forms import RolandImageFileField
from tourism.models import PointOfInterest

from .submissions import EventData, has_markup

MAX_DESCRIPTION = 5000
MAX_DAYS_AHEAD = 2 * 366
HONEYPOT = "website"


class SubmissionImageField(RolandImageFileField):
    """The admin's image checks (formats, damaged files, pixels) with the submissions' own size limit."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_upload_size = settings.SUBMISSION_MAX_IMAGE_BYTES
        self.max_upload_size_text = filesizeformat(self.max_upload_size)
        self.help_text = _("JPEG, PNG or WebP, at most %(size)s.") % {"size": self.max_upload_size_text}


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title of the event"), max_length=255, min_length=3)
    start_date = forms.DateField(
        label=_("Date"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        help_text=_("Only when the event lasts several days."),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_time = forms.TimeField(
        label=_("End time"),
        required=False,
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    all_day = forms.BooleanField(label=_("All day (no times)"), required=False)
    venue = forms.ModelChoiceField(
        label=_("Place"),
        queryset=PointOfInterest.objects.none(),
        required=False,
        empty_label=_("— another place (enter it below) —"),
    )
    location_name = forms.CharField(label=_("Other place (name and address)"), max_length=255, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=MAX_DESCRIPTION,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, no HTML. The first sentences are shown in lists."),
    )
    image = SubmissionImageField(label=_("Image (optional)"), required=False)
    image_credit = forms.CharField(
        label=_("Image credit (photographer or source)"),
        max_length=255,
        required=False,
        help_text=_("Required with an image. You confirm that the image may be published."),
    )
    image_alt = forms.CharField(
        label=_("What the image shows (for people who cannot see it)"), max_length=400, required=False
    )
    organizer_name = forms.CharField(label=_("Organiser"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    # The honeypot: hidden from people (and from assistive technology), filled in by bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    TEXT_FIELDS = ("title", "location_name", "description", "image_credit", "image_alt", "organizer_name")

    def __init__(self, *args, site=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        places = PointOfInterest.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        # Only places the public may see, in the default language (the events index's).
        places = visible_pages(places, site) if site is not None else places.none()
        self.fields["venue"].queryset = places.order_by("title").only("pk", "title")
        self.fields["email"].help_text = _(
            "Only for questions about this submission. It is never published and is deleted "
            "after %(days)s days."
        ) % {"days": settings.SUBMISSION_CONTACT_RETENTION_DAYS}
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self._describe()

    def full_clean(self) -> None:
        super().full_clean()
        self._describe()

    def _describe(self) -> None:
        """Help texts and errors are tied to their inputs (aria-describedby, aria-invalid)."""
        errors = self._errors or {}
        for name, field in self.fields.items():
            ids = [f"id_{name}_help"] if field.help_text else []
            if name in errors:
                ids.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    @property
    def is_spam(self) -> bool:
        """The honeypot was filled: the form answers as if all was well and stores nothing."""
        return bool(self.data.get(HONEYPOT))

    def clean(self):
        data = super().clean()
        for name in self.TEXT_FIELDS:
            value = data.get(name)
            if value and has_markup(value):
                self.add_error(name, _("Please enter plain text without HTML or special control characters."))
        today = timezone.localdate()
        start, end = data.get("start_date"), data.get("end_date")
        if start is not None:
            if start < today:
                self.add_error("start_date", _("The date lies in the past."))
            elif start > today + timedelta(days=MAX_DAYS_AHEAD):
                self.add_error("start_date", _("Events can be submitted at most two years ahead."))
        if start and end and end < start:
            self.add_error("end_date", _("The event ends before it starts."))
        if data.get("all_day"):
            data["start_time"] = data["end_time"] = None
        elif "start_time" in data and data.get("start_time") is None:
            self.add_error("start_time", _("Enter a start time, or tick 'all day'."))
        elif (
            data.get("start_time")
            and data.get("end_time")
            and (end or start) == start
            and data["end_time"] <= data["start_time"]
        ):
            self.add_error(
                "end_time", _("The event ends before it starts: for an end after midnight, set the end date.")
            )
        if "venue" in data and "location_name" in data:
            if not data.get("venue") and not data.get("location_name"):
                self.add_error("location_name", _("Choose a place from the list or enter one here."))
            elif data.get("venue") and data.get("location_name"):
                self.add_error(
                    "location_name", _("Choose a place from the list or enter one here, not both.")
                )
        if data.get("image") and not data.get("image_credit"):
            self.add_error("image_credit", _("Please name the photographer or source of the image."))
        return data

    def event_data(self) -> EventData:
        data = self.cleaned_data
        return EventData(
            title=data["title"],
            description=data["description"],
            start_date=data["start_date"],
            start_time=data.get("start_time"),
            end_date=data.get("end_date"),
            end_time=data.get("end_time"),
            all_day=bool(data.get("all_day")),
            organizer_name=data["organizer_name"],
            email=data["email"],
            venue=data.get("venue"),
            location_name=data.get("location_name", ""),
            image=data.get("image"),
            image_credit=data.get("image_credit", ""),
            image_alt=data.get("image_alt", ""),
        )
