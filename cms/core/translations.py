"""What a translation keeps of its source: everything that is not text follows the source on publish.

wagtail-localize copies synchronised fields (dates, status, recurrence, venue, coordinates, price
flags, opening-hours rows, images, categories) only when a translation is saved through it, which
for an editor is the hidden "Synchronisiere übersetzte Seiten" step: a cancelled German event stayed
on in English. `follow_source` runs in the publish pipeline for the source's page: each translation
gets the source's synchronised values as a revision of its own, published if the translation is
live (so its own pass through the pipeline updates occurrences, search, versions, the change feed
and webhooks), saved as its draft otherwise. Texts and what a translator overrode are kept.

A translation is *outdated* (veraltet) when its source's translatable strings changed after the
translation was last produced: `follow_source` compares the source's strings before and after it
re-reads the published source, and `note_translated` records each publish of a translation that
a translator (or wagtail-localize for one) made, never the publish `follow_source` itself makes for
a non-text change. `outdated_keys` is the rule; the API flag and the admin overview read it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import (
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from . import versions
from .models import TranslationTexts

_following: ContextVar[bool] = ContextVar("roland_following_source", default=False)


@contextmanager
def _guard() -> Iterator[None]:
    token = _following.set(True)
    try:
        yield
    finally:
        _following.reset(token)


def synchronised_fields(model: type[models.Model]) -> list[models.Field | models.ForeignObjectRel]:
    """The model's fields wagtail-localize keeps in sync (never text), as Django fields.

    Tags come with their rows (`tagged_items`); child rows that are translatable themselves are
    wagtail-localize's to merge.
    """
    fields = []
    for declared in get_translatable_fields(model):
        if not isinstance(declared, SynchronizedField):
            continue
        field = declared.get_field(model)
        if isinstance(field, TaggableManager):
            continue
        if _is_child_relation(field) and issubclass(field.related_model, TranslatableMixin):
            continue
        fields.append(field)
    return fields


def _is_child_relation(field) -> bool:
    return isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey)


def _value(page: Page, field) -> Any:
    """A comparable value of one synchronised field (child rows by their contents, in order)."""
    if _is_child_relation(field):
        columns = [
            f.attname
            for f in field.related_model._meta.concrete_fields
            if not f.primary_key and f.name != field.remote_field.name
        ]
        return [tuple(getattr(row, name) for name in columns) for row in getattr(page, field.name).all()]
    if isinstance(field, ParentalManyToManyField):
        return sorted(related.pk for related in getattr(page, field.name).all())
    return getattr(page, field.attname)


def _copy(source: Page, target: Page, fields: list) -> bool:
    """Copy the fields whose values differ; whether any did."""
    changed = False
    for field in fields:
        if _value(source, field) == _value(target, field):
            continue
        changed = True
        if _is_child_relation(field):
            source.copy_child_relation(field.name, target)
        elif isinstance(field, ParentalManyToManyField):
            setattr(target, field.name, list(getattr(source, field.name).all()))
        else:
            setattr(target, field.attname, getattr(source, field.attname))
    return changed


def follow_source(page: Page) -> list[Page]:
    """Bring every translation of a just-published source page in line with its non-text fields.

    Returns the translations that got a revision. A page that is no translation source (a
    translation, or a page never submitted) changes nothing; nor does a publish that this started,
    so a translation's publish never syncs back.
    """
    if _following.get():
        return []
    source_record = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source_record is None:
        return []
    source = type(page).objects.get(pk=page.pk)  # as published, with its rows from the database
    # The translator's later publish through wagtail-localize copies from this snapshot: it must
    # not bring back what the source had before (a cancelled event going on again).
    before = source_strings(source_record)
    source_record.update_from_db()
    if source_strings(source_record) != before:
        _source_changed(source_record)
    fields = synchronised_fields(type(source))
    updated = []
    with _guard():
        for translation in source_record.translations.filter(enabled=True).select_related("target_locale"):
            target = (
                type(page)
                .objects.filter(translation_key=page.translation_key, locale=translation.target_locale)
                .first()
            )
            if target is None:
                continue
            overridden = set(
                SegmentOverride.objects.filter(
                    locale=translation.target_locale, context__object_id=page.translation_key
                ).values_list("context__path", flat=True)
            )
            own = [field for field in fields if field.name not in overridden]
            if _follow(source, target, own):
                updated.append(target)
    return updated


def _follow(source: Page, target: Page, fields: list) -> bool:
    """A live translation publishes the change over what is live; an unpublished one, or the draft a
    translator has pending on a live one, gets it as its latest draft."""
    latest = target.get_latest_revision()
    pending = latest is not None and latest.pk != target.live_revision_id
    changed = False
    if target.live and _copy(source, target, fields):
        target.save_revision(clean=False).publish(skip_permission_checks=True)
        changed = True
    if pending or not target.live:
        draft = latest.as_object() if latest is not None else target
        if _copy(source, draft, fields):
            draft.save_revision(clean=False)
            changed = True
    return changed


def publish_translated_text(
    page: Page, locale_id: int, field: str, text: str, user=None, was_outdated: bool = False
) -> Page | None:
    """Give the live translation of a just-published `page` in that language its own `text` for the
    text field `field`, and publish it; None when there is no live translation or no such string.

    The text is written where wagtail-localize keeps it (the translation of the source's string at
    that place, as its editor writes it), so the translator's editor shows it translated and a later
    publish from there keeps it. The source's change of this text does not make the translation
    outdated; one that `was_outdated` before it (other texts changed since) stays outdated.
    A draft the translator has pending gets the text too (as `follow_source` does).
    """
    target = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale_id=locale_id, live=True)
        .first()
    )
    segment = (
        StringSegment.objects.filter(
            source__object_id=page.translation_key, source__locale_id=page.locale_id, context__path=field
        )
        .select_related("string", "context")
        .first()
    )
    if target is None or segment is None:
        return None
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale_id=locale_id,
        context=segment.context,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": user,
            "has_error": False,
        },
    )
    latest = target.get_latest_revision()
    pending = latest is not None and latest.pk != target.live_revision_id
    setattr(target, field, text)
    with _guard():  # not a translator's whole publish: whether it is up to date is decided below
        target.save_revision(user=user, log_action=True).publish(user=user)
    if not was_outdated:
        note_translated(target)
    if pending:  # the translator's draft in hand gets the text too, and stays their latest
        draft = latest.as_object()
        setattr(draft, field, text)
        draft.save_revision(user=user)
    return target


def source_strings(source: TranslationSource) -> frozenset[tuple[str, str]]:
    """The translatable strings of a source as last read, by their place (one query): what a change
    of text changes, and a change of dates, venue or images does not."""
    return frozenset(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data_hash")
    )


def _source_changed(source: TranslationSource) -> None:
    now = timezone.now()
    for translation_id in source.translations.values_list("pk", flat=True):
        TranslationTexts.objects.update_or_create(
            translation_id=translation_id, defaults={"source_changed_at": now}
        )
    # Answers keyed by the content version carry the flag: the publish raised it before this step.
    versions.bump(versions.CONTENT)


def note_translated(page: Page) -> None:
    """A translation was published by someone (or by wagtail-localize for them), not by
    `follow_source`: from now on it is made from its source as it is."""
    if _following.get():
        return
    now = timezone.now()
    for translation_id in Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    ).values_list("pk", flat=True):
        TranslationTexts.objects.update_or_create(
            translation_id=translation_id, defaults={"translated_at": now}
        )


def outdated_locale_ids(page: Page) -> set[int]:
    """The languages whose translation of `page` is outdated now."""
    return set(
        outdated_translations()
        .filter(source__object_id=page.translation_key, source__locale_id=page.locale_id)
        .values_list("target_locale_id", flat=True)
    )


def outdated_translations() -> models.QuerySet:
    """The synchronised translations whose source changed its strings after the translation was
    last produced (a translation never published since the change counts: it was made before)."""
    return Translation.objects.filter(enabled=True, roland_texts__source_changed_at__isnull=False).filter(
        Q(roland_texts__translated_at__isnull=True)
        | Q(roland_texts__translated_at__lt=F("roland_texts__source_changed_at"))
    )


def outdated_keys(locale_ids: list[int]) -> frozenset[tuple[Any, int]]:
    """(translation key, locale id) of every outdated translation into these languages, in one
    query: the few rows an answer checks its items against, whatever their number."""
    return frozenset(
        outdated_translations()
        .filter(target_locale_id__in=locale_ids)
        .values_list("source__object_id", "target_locale_id")
    )
