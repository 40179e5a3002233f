"""Translating demo content into the rows editors translate with: wagtail-localize's source,
segments and translated strings, then its own copy of the page or snippet.

Two steps that cost a query or more per string are done in bulk, with the rows wagtail-localize
writes itself: a new source's string segments (its strings, contexts with their field paths and
segments, templates and overridable values in a few inserts; related objects as wagtail-localize
writes them), and the translated strings, straight from the segments instead of through a PO file
exported and imported again (the same StringTranslation rows as a PO import with the tool name
"roland load_demo": has_error as its validation says, a page's draft title following its title),
so the translation editor shows and edits them alike.
"""

from __future__ import annotations

import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    StringTranslation,
    Template,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

TOOL_NAME = "roland load_demo"


def translate_with_strings(
    instance: models.Model, locale: Locale, strings: dict[str, str], publish: bool = True
) -> tuple[models.Model, list[str]]:
    """Create or update the translation of a page or snippet from source → target string pairs.

    Returns the translated instance and the source strings that had no translation (kept as
    fallback in the source language), so the caller can report them.
    """
    source = source_of(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    missing = write_strings(translation, strings)
    translation.save_target(publish=publish)
    target = instance.get_translation(locale)
    return target, missing


def source_of(instance: models.Model) -> TranslationSource:
    """wagtail-localize's `TranslationSource.get_or_create_from_instance`, a new source's segments
    written by `write_segments`."""
    if isinstance(instance, Page):
        instance = instance.specific
    translatable, _created = TranslatableObject.objects.get_or_create_from_instance(instance)
    source = TranslationSource.objects.filter(
        object_id=translatable.translation_key, locale_id=instance.locale_id
    ).first()
    if source is not None:
        return source
    if isinstance(instance, ClusterableModel):
        content_json = instance.to_json()
    else:
        content_json = json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    source, _created = TranslationSource.objects.update_or_create(
        object=translatable,
        locale=instance.locale,
        specific_content_type=ContentType.objects.get_for_model(instance.__class__),
        defaults={
            "locale": instance.locale,
            "object_repr": str(instance)[:200],
            "content_json": content_json,
            "schema_version": get_schema_version(instance._meta.app_label),
            "last_updated_at": timezone.now(),
        },
    )
    write_segments(source)
    return source


@transaction.atomic
def write_segments(source: TranslationSource) -> None:
    """The segments of a new source, as `TranslationSource.refresh_segments` makes them."""
    instance = source.as_instance()
    values = list(extract_segments(instance))
    paths = list(dict.fromkeys(value.path for value in values))
    contexts = {
        context.path: context
        for context in TranslationContext.objects.filter(object_id=source.object_id, path__in=paths)
    }
    for context in contexts.values():
        context.get_field_path(instance)  # a context from before field paths gets its own now
    new_contexts = [
        TranslationContext(
            object_id=source.object_id, path=path, path_id=TranslationContext._get_path_id(path)
        )
        for path in paths
        if path not in contexts
    ]
    for context in new_contexts:
        context.field_path = _field_path(context, instance)
    TranslationContext.objects.bulk_create(new_contexts)
    contexts.update(
        (context.path, context)
        for context in TranslationContext.objects.filter(object_id=source.object_id, path__in=paths)
    )
    texts = {
        String._get_data_hash(value.string.data): value.string.data
        for value in values
        if isinstance(value, StringSegmentValue)
    }
    known = set(
        String.objects.filter(locale_id=source.locale_id, data_hash__in=texts).values_list(
            "data_hash", flat=True
        )
    )
    String.objects.bulk_create(
        String(locale_id=source.locale_id, data_hash=key, data=data)
        for key, data in texts.items()
        if key not in known
    )
    strings = {
        string.data_hash: string
        for string in String.objects.filter(locale_id=source.locale_id, data_hash__in=texts)
    }
    templates = _templates([value for value in values if isinstance(value, TemplateSegmentValue)])
    strings_segments, template_segments, overridable_segments = [], [], []
    for value in values:
        context = contexts[value.path]
        if isinstance(value, TemplateSegmentValue):
            template = templates[_template_uuid(value)]
            template_segments.append(
                TemplateSegment(source=source, context=context, order=value.order, template=template)
            )
        elif isinstance(value, RelatedObjectSegmentValue):
            RelatedObjectSegment.from_value(source, value)
        elif isinstance(value, OverridableSegmentValue):
            overridable_segments.append(
                OverridableSegment(
                    source=source,
                    context=context,
                    order=value.order,
                    data_json=json.dumps(value.data, cls=DjangoJSONEncoder),
                )
            )
        else:
            strings_segments.append(
                StringSegment(
                    source=source,
                    context=context,
                    order=value.order,
                    string=strings[String._get_data_hash(value.string.data)],
                    attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder),
                )
            )
    StringSegment.objects.bulk_create(strings_segments)
    TemplateSegment.objects.bulk_create(template_segments)
    OverridableSegment.objects.bulk_create(overridable_segments)


def _template_uuid(value: TemplateSegmentValue):
    """`Template.from_value`'s key of a template."""
    return uuid.uuid5(uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format), value.template)


def _templates(values: list[TemplateSegmentValue]) -> dict:
    """The Template rows of these values by uuid, the missing ones written."""
    wanted = {_template_uuid(value): value for value in values}
    known = set(Template.objects.filter(uuid__in=wanted).values_list("uuid", flat=True))
    Template.objects.bulk_create(
        Template(
            uuid=key,
            template=value.template,
            template_format=value.format,
            string_count=value.string_count,
        )
        for key, value in wanted.items()
        if key not in known
    )
    return {template.uuid: template for template in Template.objects.filter(uuid__in=wanted)}


def _field_path(context: TranslationContext, instance: models.Model) -> str:
    """The field path wagtail-localize works out for a context, before its row is written (its own
    method saves the row it computed it for)."""
    context.save = lambda *args, **kwargs: None
    try:
        return context.get_field_path(instance)
    finally:
        del context.save


def write_strings(translation: Translation, strings: dict[str, str]) -> list[str]:
    """The translated strings of every segment of the translation's source that `strings` has a text
    for, as wagtail-localize's PO import writes them; returns the segments left untranslated."""
    locale_id = translation.target_locale_id
    segments = (
        StringSegment.objects.filter(source=translation.source_id)
        .order_by("order")
        .select_related("context", "string")
    )
    wanted: dict[tuple[int, int], tuple[StringSegment, str]] = {}
    missing = []
    for segment in segments:
        text = strings.get(segment.string.data, "")
        if not text:
            missing.append(f"{segment.context.path}: {segment.string.data[:60]}")
            continue
        wanted.setdefault((segment.string_id, segment.context_id), (segment, text))
    if not wanted:
        return missing
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale_id=locale_id,
            context_id__in={context for _string, context in wanted},
            translation_of_id__in={string for string, _context in wanted},
        )
    }
    now = timezone.now()
    new_rows = []
    changed_rows = []
    for key, (segment, text) in wanted.items():
        row = existing.get(key)
        if row is None:
            row = StringTranslation(
                translation_of=segment.string,
                locale_id=locale_id,
                context=segment.context,
                data=text,
                updated_at=now,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                tool_name=TOOL_NAME,
                last_translated_by=None,
                has_error=False,
                field_error="",
            )
            new_rows.append(row)
        elif row.data != text:
            row.data = text
            row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            row.tool_name = TOOL_NAME
            row.last_translated_by = None
            row.updated_at = now
            row.has_error = False
            changed_rows.append(row)
        else:
            continue
        row.has_error = not _valid(segment.string.data, text)
    StringTranslation.objects.bulk_create(new_rows)
    for row in changed_rows:  # an earlier translation of the same text: saved as an editor's would be
        row.save()
    titles = [row for row in (*new_rows, *changed_rows) if row.context.path == "title"]
    for row in titles:  # what wagtail-localize's receiver does for a saved title
        Page.objects.filter(translation_key=row.context.object_id, locale_id=locale_id).update(
            draft_title=row.data
        )
    return missing


def _valid(source_text: str, text: str) -> bool:
    """What a StringTranslation's save checks before it marks the row as having an error."""
    try:
        StringValue.from_translated_html(text)
        validate_translation_links(source_text, text)
    except ValueError:
        return False
    return True
