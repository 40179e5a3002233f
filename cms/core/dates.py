"""Dates as editors type them: ISO (2026-12-24) and German (24.12.2026), in every admin form.

Wagtail's date picker shows German dates (WAGTAIL_DATE_FORMAT) and, left to itself, replaces
anything it cannot read in that format with today's date when the field loses focus: a typed
2026-12-24 became today without a word. `static/roland_core/typed-dates.js` (wagtail_hooks) makes
the pickers leave typed text alone; the form fields here read both ways in any admin language, so
the server decides, and what it cannot read is a German field error
("Bitte ein gültiges Datum eingeben.").
"""

from __future__ import annotations

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATE_INPUT_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")
DATETIME_INPUT_FORMATS = (
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d.%m.%Y",
    "%Y-%m-%d",
)


def register_date_fields() -> None:
    """Every DateField and DateTimeField of a Wagtail admin form (pages, snippets, inline rows)."""
    register_form_field_override(
        models.DateField, override={"widget": AdminDateInput, "input_formats": DATE_INPUT_FORMATS}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"widget": AdminDateTimeInput, "input_formats": DATETIME_INPUT_FORMATS},
    )
