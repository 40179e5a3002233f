"""The recurrence builder on the event form: choices that write the RRULE, so nobody types one.

The text field stays the value that is posted (and the server's check of it the authority); the
builder beside it writes it and reads an existing rule back. Rules the builder cannot show stay
editable as text under "Regel als Text".
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

WEEKDAY_CHOICES = (
    ("MO", pgettext_lazy("weekday short", "Mo")),
    ("TU", pgettext_lazy("weekday short", "Tu")),
    ("WE", pgettext_lazy("weekday short", "We")),
    ("TH", pgettext_lazy("weekday short", "Th")),
    ("FR", pgettext_lazy("weekday short", "Fr")),
    ("SA", pgettext_lazy("weekday short", "Sa")),
    ("SU", pgettext_lazy("weekday short", "Su")),
)
WEEKDAY_NAMES = (
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
)
POSITIONS = (
    ("", _("on the day of the month of the start")),
    ("1", pgettext_lazy("nth weekday of the month", "first")),
    ("2", pgettext_lazy("nth weekday of the month", "second")),
    ("3", pgettext_lazy("nth weekday of the month", "third")),
    ("4", pgettext_lazy("nth weekday of the month", "fourth")),
    ("-1", pgettext_lazy("nth weekday of the month", "last")),
)


class RecurrenceRuleInput(forms.TextInput):
    """A text input for the RRULE with the builder around it (tourism/static/tourism/recurrence.js)."""

    template_name = "tourism/widgets/recurrence_rule.html"

    class Media:
        js = ("tourism/recurrence.js",)
        css = {"all": ("tourism/recurrence.css",)}

    def get_context(self, name: str, value, attrs) -> dict:
        context = super().get_context(name, value, attrs)
        context["weekdays"] = WEEKDAY_CHOICES
        context["weekday_names"] = WEEKDAY_NAMES
        context["positions"] = POSITIONS
        return context
