"""Queries about translations that other parts of the admin reuse."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet
from wagtail.models import Locale, Page


def translated_in(locale: Locale) -> Exists:
    """A condition on pages: a translation of the page exists in `locale` (an alias does not count:
    wagtail-localize turns an alias into a translation when it translates)."""
    return Exists(
        Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale, alias_of__isnull=True)
    )


def pages_missing_translation(source_locale: Locale, target_locale: Locale) -> QuerySet[Page]:
    """The live pages of `source_locale` with no translation in `target_locale`, parents first."""
    return (
        Page.objects.filter(locale=source_locale, live=True, depth__gt=1, alias_of__isnull=True)
        .exclude(translated_in(target_locale))
        .order_by("path")
    )
