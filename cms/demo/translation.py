"""Translating demo content the way editors do: through wagtail-localize's PO import."""

from __future__ import annotations

from django.db import models
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


def translate_with_strings(
    instance: models.Model, locale: Locale, strings: dict[str, str], publish: bool = True
) -> tuple[models.Model, list[str]]:
    """Create or update the translation of a page or snippet from source → target string pairs.

    Returns the translated instance and the source strings that had no translation (kept as
    fallback in the source language), so the caller can report them.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        entry.msgstr = strings.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(f"{entry.msgctxt}: {entry.msgid[:60]}")
    translation.import_po(po, tool_name="roland load_demo")
    translation.save_target(publish=publish)
    target = instance.get_translation(locale)
    return target, missing
