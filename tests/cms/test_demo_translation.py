"""The demo's translations, written in bulk, leave what wagtail-localize's own PO round trip leaves:
the same segments, translated strings (a faulty one marked as such) and translated page, so editors
find and edit them alike in the translation editor."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    Translation,
    TranslationSource,
)

from cms.demo.translation import TOOL_NAME, translate_with_strings
from home.models import StandardPage
from tests.factories import ImageFactory, SiteTree

pytestmark = pytest.mark.django_db

LINKED = '<a href="https://example.org/karten">Karten</a> gibt es am Markt.'
BODY = [
    {
        "type": "paragraph",
        "value": "<p>Ein Rundgang durch die Altstadt.</p>",
        "id": "0c1f7a52-9d5e-4b8e-a4e1-3b2d7c9e5f10",
    },
    {"type": "paragraph", "value": f"<p>{LINKED}</p>", "id": "5b0e2d9c-7a41-4f3e-9c8d-1e6f2a3b4c5d"},
    {
        "type": "paragraph",
        "value": "<p>Treffpunkt ist der Roland.</p>",
        "id": "9e8d7c6b-5a49-4382-b1c0-d9e8f7a6b5c4",
    },
]
STRINGS = {
    "Stadtführung": "Town tour",
    "stadtfuehrung": "town-tour",
    "Ein Rundgang durch die Altstadt.": "A walk through the old town.",
    # A link the source does not have: wagtail-localize marks the string as faulty, in both ways alike.
    '<a id="a1">Karten</a> gibt es am Markt.': '<a id="a2">Tickets</a> are sold at the market.',
}


def po_round_trip(page: Page, locale: Locale) -> None:
    """What the demo did before: a PO file exported, filled in and imported, then the copy saved."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = STRINGS.get(entry.msgid, "")
    translation.import_po(po, tool_name=TOOL_NAME)
    translation.save_target(publish=True)


def rows(page: Page) -> dict:
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    translated = page.get_translation(Locale.objects.get(language_code="en")).specific
    return {
        "strings": sorted(
            (s.order, s.context.path, s.context.field_path, s.string.data, s.attrs)
            for s in StringSegment.objects.filter(source=source)
        ),
        "templates": sorted(
            (s.order, s.context.path, s.template.template, s.template.string_count)
            for s in TemplateSegment.objects.filter(source=source)
        ),
        "overridable": sorted(
            (s.order, s.context.path, s.data_json) for s in OverridableSegment.objects.filter(source=source)
        ),
        "related": sorted(
            (s.order, s.context.path) for s in RelatedObjectSegment.objects.filter(source=source)
        ),
        "translated": sorted(
            (t.context.path, t.translation_of.data, t.data, t.translation_type, t.tool_name, t.has_error)
            for t in StringTranslation.objects.filter(context__object_id=page.translation_key)
        ),
        "page": (
            translated.title,
            translated.draft_title,
            translated.slug,
            translated.teaser,
            list(translated.body.raw_data),
            translated.image_id,
            translated.live,
            translated.has_unpublished_changes,
        ),
    }


def test_bulk_strings_leave_the_rows_of_a_po_import(django_capture_on_commit_callbacks):
    tree = SiteTree()
    picture = ImageFactory()
    english = Locale.objects.get(language_code="en")
    pages = []
    for parent in (tree.pois, tree.news):  # apart, so both translations may take the same slug
        page = StandardPage(
            title="Stadtführung", slug="stadtfuehrung", teaser="Treffpunkt am Markt", body=BODY, image=picture
        )
        page.locale = parent.locale
        parent.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    with django_capture_on_commit_callbacks(execute=True):
        po_round_trip(pages[0], english)
        _target, missing = translate_with_strings(pages[1], english, STRINGS)

    expected, made = rows(pages[0]), rows(pages[1])
    assert made == expected
    assert made["page"][:3] == ("Town tour", "Town tour", "town-tour") and made["page"][6] is True
    assert [row[-1] for row in made["translated"] if row[1] == '<a id="a1">Karten</a> gibt es am Markt.'] == [
        True
    ]
    assert sorted(line.split(": ", 1)[1] for line in missing) == [
        "Treffpunkt am Markt",
        "Treffpunkt ist der Roland.",
    ]
