"""The glossary note in wagtail-localize's translation editor: the terms found in the source."""

from __future__ import annotations

from django import template
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, Translation

from .. import glossary

register = template.Library()


@register.inclusion_tag("roland_translation/glossary_note.html")
def glossary_note(translation: Translation) -> dict:
    """Three queries whatever the size of the page or the glossary: its terms, their fixed
    translations, and the source's strings."""
    entries = glossary.entries_for(translation.target_locale.language_code)
    texts = StringSegment.objects.filter(source=translation.source).values_list("string__data", flat=True)
    return {
        "entries": glossary.found_in(texts, entries) if entries else [],
        "locale": translation.target_locale,
    }


@register.simple_tag
def machine_translation_on() -> bool:
    return get_machine_translator() is not None
