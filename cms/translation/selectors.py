"""What is missing or outdated in a language: the queries of the *Übersetzungen* overview and its
dashboard panels, and what bulk translation may still translate (`pages_without_translation`).

Each is one bounded query (or two for the changed strings of a page of outdated translations);
whether a translation is outdated is the kernel's rule (cms.core.translations).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.core import translations
from media.models import ImageText, RolandImage


def pages_missing_translation(source_locale: Locale, target_locale: Locale) -> QuerySet:
    """Live pages of `source_locale` (below the tree root) with no live version in `target_locale`."""
    live_there = Page.objects.filter(locale=target_locale, live=True).values("translation_key")
    return (
        Page.objects.filter(locale=source_locale, live=True, depth__gt=1)
        .exclude(translation_key__in=live_there)
        .order_by("path")
    )


def translated_in(locale: Locale) -> Exists:
    """A condition on pages: a translation of the page exists in `locale`, live or draft (an alias does
    not count: wagtail-localize turns an alias into a translation when it translates)."""
    return Exists(
        Page.objects.filter(translation_key=OuterRef("translation_key"), locale=locale, alias_of__isnull=True)
    )


def pages_without_translation(source_locale: Locale, target_locale: Locale) -> QuerySet[Page]:
    """The live pages of `source_locale` with no translation at all in `target_locale`, parents first:
    what "Fehlendes übersetzen" makes drafts of (a draft translation waits in the review queue instead;
    the overview's `pages_missing_translation` still lists its page as missing a live one)."""
    return (
        Page.objects.filter(locale=source_locale, live=True, depth__gt=1, alias_of__isnull=True)
        .exclude(translated_in(target_locale))
        .order_by("path")
    )


@dataclass(frozen=True)
class Outdated:
    translation: Translation
    page: Page  # the live translated page
    source_page: Page | None


def outdated_pages(target_locale: Locale) -> QuerySet:
    """Live pages of `target_locale` whose translation is outdated, in tree order."""
    keys = (
        translations.outdated_translations().filter(target_locale=target_locale).values("source__object_id")
    )
    return Page.objects.filter(locale=target_locale, live=True, translation_key__in=keys).order_by("path")


def outdated_of(pages: list[Page], target_locale: Locale) -> list[Outdated]:
    """The translation and the source page of each outdated page (two queries for them all)."""
    keys = [page.translation_key for page in pages]
    rows = {
        row.source.object_id: row
        for row in translations.outdated_translations()
        .filter(target_locale=target_locale, source__object_id__in=keys)
        .select_related("source")
    }
    sources = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=target_locale)
    }
    result = []
    for page in pages:
        row = rows.get(page.translation_key)
        if row is not None:
            result.append(Outdated(row, page, sources.get((page.translation_key, row.source.locale_id))))
    return result


@dataclass(frozen=True)
class ChangedString:
    field: str  # where the string is (wagtail-localize's path, e.g. "teaser" or "body.<id>")
    old: str  # the source text the translation was made from ("" for a string never translated)
    new: str
    diff: SafeString  # the new text with what changed marked (<del>, <ins>)


def changed_strings(outdated: list[Outdated]) -> dict[int, list[ChangedString]]:
    """Per translation: the source strings that have no translation made from their current text,
    with the text the last translation was made from (wagtail-localize keeps a translation per
    source text and place), in two queries for all of them."""
    if not outdated:
        return {}
    by_source = {item.translation.source_id: item.translation for item in outdated}
    segments = list(
        StringSegment.objects.filter(source_id__in=by_source)
        .select_related("string", "context")
        .order_by("source_id", "order")
    )
    locales = {translation.target_locale_id for translation in by_source.values()}
    made: dict[tuple[int, int], list[StringTranslation]] = {}
    for row in (
        StringTranslation.objects.filter(context_id__in={segment.context_id for segment in segments})
        .filter(locale_id__in=locales)
        .select_related("translation_of")
        .order_by("-updated_at", "-pk")
    ):
        made.setdefault((row.context_id, row.locale_id), []).append(row)
    result: dict[int, list[ChangedString]] = {item.translation.pk: [] for item in outdated}
    for segment in segments:
        translation = by_source[segment.source_id]
        rows = made.get((segment.context_id, translation.target_locale_id), [])
        if any(row.translation_of_id == segment.string_id for row in rows):
            continue
        old = rows[0].translation_of.data if rows else ""
        new = segment.string.data
        result[translation.pk].append(ChangedString(segment.context.path, old, new, highlight(old, new)))
    return result


_WORDS = re.compile(r"\s+|[^\s]+")


def highlight(old: str, new: str) -> SafeString:
    """`new` with the words that changed from `old` marked: removed ones <del>, added ones <ins>
    (changes separated by a space only are shown as one)."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    runs: list[list] = []  # [changed, old text, new text]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if tag != "equal" and runs and runs[-1][0]:
            runs[-1][1] += removed
            runs[-1][2] += added
        elif tag == "equal" and not added.strip() and runs and runs[-1][0] and j2 < len(after):
            runs[-1][1] += removed
            runs[-1][2] += added  # a space between two changes joins them
        else:
            runs.append([tag != "equal", removed, added])
    parts = []
    for changed, removed, added in runs:
        if not changed:
            parts.append(escape(added))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def images_missing_texts(target_locale: Locale) -> QuerySet:
    """Images whose alt text (or caption, where the image has one) is missing in `target_locale`:
    the same test as cms.translation.images.missing_texts, as one query."""
    complete = ImageText.objects.filter(locale=target_locale).exclude(alt_text="")
    complete = complete.filter(Q(image__caption="") | ~Q(caption=""))
    has_texts = ~Q(alt_text="") | ~Q(caption="")
    return RolandImage.objects.filter(has_texts).exclude(pk__in=complete.values("image_id")).order_by("title")
