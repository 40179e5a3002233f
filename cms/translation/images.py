"""Image texts (alt text, caption) machine-translated on request, through the same translators.

An image's texts in the default language are its source; each further content language gets what it
lacks (an existing text an editor wrote is never replaced). Everything is asked of the service first
and written after, in one transaction: a failure writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from media.models import ImageText, RolandImage


@dataclass(frozen=True)
class Missing:
    locale: Locale
    fields: tuple[str, ...]  # "alt_text", "caption"


def missing_texts(image: RolandImage) -> list[Missing]:
    """The further languages whose alt text or caption (where the source has one) is empty."""
    existing = {text.locale_id: text for text in ImageText.objects.filter(image=image)}
    missing = []
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code"):
        text = existing.get(locale.pk)
        fields = tuple(
            name
            for name in ("alt_text", "caption")
            if getattr(image, name).strip() and not (text and getattr(text, name).strip())
        )
        if fields:
            missing.append(Missing(locale, fields))
    return missing


def machine_translate_texts(image: RolandImage, translator: BaseMachineTranslator) -> list[Locale]:
    """Fill the missing image texts by machine; the languages filled. Raises TranslatorError (nothing written)."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    answers: list[tuple[Missing, dict[str, str]]] = []
    for missing in missing_texts(image):
        if not translator.can_translate(source, missing.locale):
            continue
        strings = {name: StringValue.from_plaintext(getattr(image, name)) for name in missing.fields}
        translated = translator.translate(source, missing.locale, list(dict.fromkeys(strings.values())))
        texts = {
            name: translated[string].render_text()
            for name, string in strings.items()
            if translated.get(string) is not None and translated[string].data
        }
        if texts:
            answers.append((missing, texts))
    saved = []
    with transaction.atomic():
        for missing, texts in answers:
            row = ImageText.objects.filter(image=image, locale=missing.locale).first()
            row = row or ImageText(image=image, locale=missing.locale)
            for name, value in texts.items():
                setattr(row, name, value[: ImageText._meta.get_field(name).max_length])
            if row.alt_text:  # required; a caption alone waits until the alt text is written
                row.save()
                saved.append(missing.locale)
    return saved
