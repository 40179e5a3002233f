"""What wagtail-localize's translation editor says about each translated string, in the admin's
language: its comment ("Übersetzt mit … am …") names the date with `strftime`, whose month names are
always English ("am 3 December 2026"); here the date is formatted for the active language."""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation


def translation_comment(translation: StringTranslation) -> str | None:
    """wagtail-localize's `StringTranslation.get_comment`, its messages (its own catalogue's), the
    date in the active language ("3. Dezember 2026")."""
    date = date_format(localtime(translation.updated_at), "DATE_FORMAT")
    if translation.tool_name:
        return _("Translated with {tool_name} on {date}").format(tool_name=translation.tool_name, date=date)
    if translation.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None
