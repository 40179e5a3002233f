"""The demo load measured and its content dumped, to show that a faster load leaves the same demo.

    ROLAND_VAR_DIR=/tmp/demo-a DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL= SEARCH_URL= \
      REDIS_URL= /usr/bin/time -v .venv/bin/python bench/demo_load.py load 2026-12-03T14:00
    … bench/demo_load.py dump /tmp/demo-a.json

`load` migrates an empty SQLite database in ROLAND_VAR_DIR, then runs `load_demo` with the demo's
clock fixed at the given local moment (event times are relative to it), so two loads compare.
`dump` writes what the public and the translation editor see: the API's lists and details in German
and English, the page tree, wagtail-localize's sources, segments and translated strings, images and
their texts, occurrences; ids and moments of writing left out. `compare A B` says where two dumps
differ once what differs from one load to the next anyway is set aside: StreamField block ids
(random per load, and so wagtail-localize's paths for them), stored file names (with a random part), and
when a page was last changed.
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("API_RATE_LIMIT_ANONYMOUS", "100000")  # the dump reads every detail

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page, Revision  # noqa: E402
from wagtail_localize.models import (  # noqa: E402
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationContext,
    TranslationSource,
)

from cms.core.timezone import LOCAL_TZ  # noqa: E402
from cms.demo.loader import DemoLoader  # noqa: E402
from media.models import ImageText, RolandImage  # noqa: E402
from tourism.models import EventOccurrence  # noqa: E402

DROPPED_KEYS = {
    "id",
    "event_id",
    "uuid",
    "created_at",
    "updated_at",
    "last_published_at",
    "first_published_at",
}


def load(moment: str) -> None:
    now = datetime.fromisoformat(moment).replace(tzinfo=LOCAL_TZ)
    original = DemoLoader.__init__

    def fixed_clock(self, *args, **kwargs):
        kwargs.setdefault("now", now)
        original(self, *args, **kwargs)

    DemoLoader.__init__ = fixed_clock
    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_demo", "--no-admin")


def _plain(value):
    """Ids and moments of writing out; numbers inside URLs (ids, rendition hashes) too."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items()) if k not in DROPPED_KEYS}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str) and ("/" in value or value.startswith("http")):
        return re.sub(r"\d+", "N", value)
    return value


UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
FILE_NAME = re.compile(r"(images/)[^/.]+\.")  # stored file names get a random part, cut to fit
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d")


def _comparable(value, key: str = ""):
    if isinstance(value, dict):
        return {k: _comparable(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_comparable(v) for v in value]
        return sorted(items, key=json.dumps) if key in UNORDERED else items
    if isinstance(value, str):
        value = FILE_NAME.sub(r"\1X.", UUID.sub("UUID", value))
        return "MOMENT" if key in WRITTEN_AT and TIMESTAMP.fullmatch(value) else value
    return value


UNORDERED = {
    "sources",
    "translations",
    "segments",
    "template_segments",
    "overridable_segments",
    "related_object_segments",
    "contexts",
    "string_translations",
    "images",
    "image_texts",
}
WRITTEN_AT = {"dateModified"}


def compare(paths: str) -> None:
    first, second = (_comparable(json.loads(Path(p).read_text())) for p in paths.split(","))
    differences = 0
    for section in sorted(set(first) | set(second)):
        a, b = first.get(section), second.get(section)
        keys = sorted(set(a) | set(b)) if isinstance(a, dict) else [None]
        for key in keys:
            left, right = (a, b) if key is None else (a.get(key), b.get(key))
            if left != right:
                differences += 1
                print(f"differs: {section} {key or ''}")
        print(f"{section}: {len(a)} entries")
    print(f"{differences} differences")
    sys.exit(1 if differences else 0)


def _api(client: Client, path: str) -> object:
    response = client.get(path, HTTP_HOST="localhost")
    assert response.status_code == 200, (path, response.status_code)
    return _plain(response.json())


def dump(out: str) -> None:
    client = Client()
    today = datetime.now(LOCAL_TZ).date()
    window = f"from={today - timedelta(days=2)}&to={today + timedelta(days=120)}"
    api = {}
    for language in ("de", "en"):
        for collection, extra in (("pois", ""), ("events", f"&{window}"), ("news", "")):
            listing = client.get(
                f"/api/v1/{collection}?locale={language}&limit=100{extra}", HTTP_HOST="localhost"
            ).json()
            api[f"{collection}/{language}"] = _plain(listing)
            for item in listing["items"]:
                key = item.get("event_id", item["id"])  # an events list has occurrences
                api[f"{collection}/{language}/{item['slug']}"] = _api(
                    client, f"/api/v1/{collection}/{key}?locale={language}"
                )
    pages = [
        {
            "path": page.path,
            "locale": page.locale.language_code,
            "type": page.specific_class.__name__,
            "title": page.title,
            "draft_title": page.draft_title,
            "slug": page.slug,
            "url_path": page.url_path,
            "live": page.live,
            "has_unpublished_changes": page.has_unpublished_changes,
            "numchild": page.numchild,
            "source_locale": page.get_translations(inclusive=True)
            .filter(pk__in=TranslationSource.objects.values("object_id"))
            .count(),
            "revisions": Revision.page_revisions.filter(object_id=str(page.pk)).count(),
        }
        for page in Page.objects.order_by("path").select_related("locale")
    ]
    sources = sorted(
        (s.object_repr, s.locale.language_code, s.specific_content_type.model)
        for s in TranslationSource.objects.select_related("locale", "specific_content_type")
    )
    translations = sorted(
        (t.source.object_repr, t.target_locale.language_code, t.enabled)
        for t in Translation.objects.select_related("source", "target_locale")
    )
    segments = sorted(
        (s.source.object_repr, s.context.path, s.order, s.string.data, s.attrs)
        for s in StringSegment.objects.select_related("source", "context", "string")
    )
    templates = sorted(
        (s.source.object_repr, s.context.path, s.order, s.template.template, s.template.string_count)
        for s in TemplateSegment.objects.select_related("source", "context", "template")
    )
    overridables = sorted(
        (s.source.object_repr, s.context.path, s.order, s.data_json)
        for s in OverridableSegment.objects.select_related("source", "context")
    )
    related = sorted(
        (s.source.object_repr, s.context.path, s.order, s.object.content_type.model)
        for s in RelatedObjectSegment.objects.select_related("source", "context", "object__content_type")
    )
    contexts = sorted(
        (c.object.content_type.model, c.path, c.field_path)
        for c in TranslationContext.objects.select_related("object__content_type")
    )
    strings = sorted(
        (
            t.context.path,
            t.translation_of.data,
            t.locale.language_code,
            t.data,
            t.translation_type,
            t.tool_name,
            t.has_error,
            t.field_error,
        )
        for t in StringTranslation.objects.select_related("context", "translation_of", "locale")
    )
    images = sorted(
        (image.title, image.width, image.height, image.alt_text, image.caption, image.credit, image.license)
        for image in RolandImage.objects.all()
    )
    texts = sorted(
        (t.image.title, t.locale.language_code, t.alt_text, t.caption)
        for t in ImageText.objects.select_related("image", "locale")
    )
    occurrences = sorted(
        (o.event.slug, o.event.locale.language_code, o.start.isoformat(), o.end.isoformat() if o.end else "")
        for o in EventOccurrence.objects.select_related("event", "event__locale")
    )
    Path(out).write_text(
        json.dumps(
            {
                "api": api,
                "pages": pages,
                "sources": sources,
                "translations": translations,
                "segments": segments,
                "template_segments": templates,
                "overridable_segments": overridables,
                "related_object_segments": related,
                "contexts": contexts,
                "string_translations": strings,
                "images": images,
                "image_texts": texts,
                "occurrences": occurrences,
            },
            indent=1,
            ensure_ascii=False,
            default=str,
        )
    )


if __name__ == "__main__":
    command, argument = sys.argv[1], ",".join(sys.argv[2:])
    {"load": load, "dump": dump, "compare": compare}[command](argument)
