"""Hidden objects never leak through a visible item's nested fields, in any endpoint, format or language.

One world is built for the module: live, public POIs, events and news that point to hidden objects
in every nested position (venue, related links, main and gallery images, images, page links and
document links in the body, draft translations), each hidden object carrying a marker of its own in
every text a client could see (title, slug, teaser, address, alt text, caption, credit, file name).
The requests are derived from the OpenAPI document — every GET operation, its path parameters filled
with the visible items, each declared format, each configured language — plus Wagtail's stock v2
endpoints; no marker may appear in any answer. An operation whose parameters or formats the test
cannot fill fails it, so a new endpoint cannot escape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time, timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.api.v2.serializers import get_serializer_class
from wagtail.documents.models import Document
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

from cms.core import registry
from cms.demo.translation import translate_with_strings
from media.models import ImageText
from sites.models import KioskScreen
from tests.factories import ImageFactory, SiteTree, image_bytes
from tests.worlds import built_once
from tourism.models import (
    Event,
    NewsArticleRelatedPage,
    PointOfInterestGalleryImage,
    PointOfInterestRelatedPage,
)

pytestmark = pytest.mark.django_db

VISIBLE = "Sichtbar"  # in every visible item's title: proves the answers show the world at all
MARKER = re.compile(r"HIDDEN[A-Z]+\d+", re.IGNORECASE)
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
# Operations that answer no world items (vocabularies, configuration) or only their ids (the change
# feed): they need not show VISIBLE.
WITHOUT_ITEMS = {
    "/api/v1/locales",
    "/api/v1/categories",
    "/api/v1/navigation",
    "/api/v1/kiosks",
    "/api/v1/changes",
    "/api/v1/catalog",  # datasets, not items (its dates come from the visible items only)
}
FORMATS = {  # declared response media type → the query that asks for it (the path itself decides the rest)
    "application/json": {},
    "application/ld+json": {"format": "jsonld"},
    "text/calendar": {},
    "application/geo+json": {},
    "application/rss+xml": {},
    "application/x-ndjson": {},
    "text/turtle": {"format": "ttl"},
}
V2 = "/api/wagtail/v2"
PAGE_TYPES = [
    "home.HomePage",
    "home.StandardPage",
    "tourism.PointOfInterestIndexPage",
    "tourism.PointOfInterest",
    "tourism.EventIndexPage",
    "tourism.Event",
    "tourism.NewsIndexPage",
    "tourism.NewsArticle",
]
NESTED = ("venue", "image", "gallery_images", "related_links")


@dataclass
class World:
    markers: set[str] = field(default_factory=set)
    pois: list[int] = field(default_factory=list)
    events: list[int] = field(default_factory=list)
    news: list[int] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)  # every visible page, for stock v2 details and find
    images: list[int] = field(default_factory=list)  # visible images
    documents: list[int] = field(default_factory=list)
    kiosks: list[str] = field(default_factory=list)
    previews: list[dict] = field(default_factory=list)


def hidden_image(world: World, collection: Collection, marker: str):
    """An image in a restricted collection with the marker in every text, its file name and its texts."""
    world.markers.add(marker)
    image = ImageFactory(
        title=f"{marker} Bild",
        alt_text=f"{marker} Alternativtext",
        caption=f"{marker} Bildunterschrift",
        credit=f"{marker} Fotograf",
        collection=collection,
        file=ContentFile(image_bytes(), name=f"{marker}.jpg"),
    )
    ImageText.objects.create(
        image=image,
        locale=Locale.objects.get(language_code="en"),
        alt_text=f"{marker} alt text",
        caption=f"{marker} caption",
    )
    return image


def hidden_page_fields(world: World, marker: str, kind: str) -> dict:
    world.markers.add(marker)
    return {
        "title": f"{marker} {kind}",
        "slug": marker.lower(),
        "teaser": f"{marker} Anreißer",
        "street": f"{marker}straße 1",
        "locality": f"{marker}dorf",
    }


def restrict(page: Page) -> Page:
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")
    return page


def expire(page: Page) -> Page:
    # Expired, and the scheduled unpublish job has not run yet: the date alone must hide it.
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=5))
    return page


def schedule(page: Page) -> Page:
    page.go_live_at = timezone.now() + timedelta(days=3)
    page.save_revision().publish()  # a scheduled revision: the page stays unpublished
    Page.objects.filter(pk=page.pk).update(live=False)
    return page


def body_pointing_at(page: Page, document: Document, image) -> list:
    """A body whose rich text links a hidden page and a hidden document, with a hidden image and link."""
    paragraph = (
        f'<p>Mehr <a linktype="page" id="{page.pk}">dort</a> und im '
        f'<a linktype="document" id="{document.pk}">Merkblatt</a>.</p>'
    )
    return [
        ("paragraph", RichText(paragraph)),
        ("image", {"image": image, "caption": ""}),
        ("info_box", {"title": "Hinweis", "text": RichText(paragraph)}),
        ("links", [{"title": "Weiterlesen", "page": page, "url": ""}]),
    ]


def build_world() -> World:
    world = World()
    english = Locale.objects.get(language_code="en")
    tree = SiteTree()
    for page, strings in (
        (tree.home, {}),
        (tree.pois, {"orte": "places"}),
        (tree.events, {"termine": "events"}),
        (tree.news, {"aktuelles": "news"}),
    ):
        translate_with_strings(page, english, strings)
    secret = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=secret, restriction_type="password", password="x")
    doc_marker = "HIDDENDOC1"
    world.markers.add(doc_marker)
    document = Document.objects.create(
        title=f"{doc_marker} Merkblatt",
        collection=secret,
        file=ContentFile(b"%PDF-1.4 secret", name=f"{doc_marker}.pdf"),
    )
    public_document = Document.objects.create(
        title=f"{VISIBLE} Stadtplan", file=ContentFile(b"%PDF-1.4 map", name="stadtplan.pdf")
    )
    world.documents.append(public_document.pk)

    # Hidden pages: venues and link targets in every way a page can be hidden.
    venue_restricted = restrict(tree.poi(**hidden_page_fields(world, "HIDDENVENUE1", "Ort")))
    venue_draft = tree.poi(live=False, **hidden_page_fields(world, "HIDDENVENUE2", "Ort"))
    venue_expired = expire(tree.poi(**hidden_page_fields(world, "HIDDENVENUE3", "Ort")))
    soon = timezone.localdate() + timedelta(days=2)
    link_draft = tree.event(live=False, start_date=soon, **hidden_page_fields(world, "HIDDENLINK1", "Termin"))
    link_scheduled = schedule(tree.poi(**hidden_page_fields(world, "HIDDENLINK2", "Ort")))
    link_expired = expire(tree.event(start_date=soon, **hidden_page_fields(world, "HIDDENLINK3", "Termin")))
    link_restricted = restrict(tree.poi(**hidden_page_fields(world, "HIDDENLINK4", "Ort")))
    hidden_links = [link_draft, link_scheduled, link_expired, link_restricted, venue_restricted]

    # Visible items pointing at them.
    open_image = ImageFactory(title=f"{VISIBLE} Bild", collection=Collection.get_first_root_node())
    world.images.append(open_image.pk)
    museum = tree.poi(
        title=f"{VISIBLE} Museum",
        slug="museum",
        image=hidden_image(world, secret, "HIDDENIMG1"),
        body=body_pointing_at(link_restricted, document, hidden_image(world, secret, "HIDDENIMG2")),
        gallery_images=[
            PointOfInterestGalleryImage(image=hidden_image(world, secret, "HIDDENIMG3")),
            PointOfInterestGalleryImage(image=open_image),
        ],
        related_links=[PointOfInterestRelatedPage(target=page) for page in hidden_links],
    )
    translate_with_strings(museum, english, {f"{VISIBLE} Museum": f"{VISIBLE} museum"})
    # A visible place whose English version is a draft.
    castle = tree.poi(title=f"{VISIBLE} Schloss", slug="schloss", image=open_image)
    world.markers.add("HIDDENTRANSL1")
    translate_with_strings(castle, english, {f"{VISIBLE} Schloss": "HIDDENTRANSL1 castle"}, publish=False)
    world.pois += [museum.pk, museum.get_translation(english).pk, castle.pk]

    today = timezone.localdate()
    running = tree.event(  # running now: the kiosk's `now` list
        title=f"{VISIBLE} Markttag",
        slug="markttag",
        start_date=today,
        start_time=None,
        end_time=None,
        all_day=True,
        venue=venue_restricted,
        image=hidden_image(world, secret, "HIDDENIMG4"),
        body=body_pointing_at(link_draft, document, open_image),
    )
    translate_with_strings(running, english, {f"{VISIBLE} Markttag": f"{VISIBLE} market day"})
    at_draft = tree.event(
        title=f"{VISIBLE} Konzert",
        slug="konzert",
        start_date=soon,
        start_time=time(19),
        end_time=None,
        venue=venue_draft,
    )
    at_expired = tree.event(
        title=f"{VISIBLE} Lesung",
        slug="lesung",
        start_date=soon,
        start_time=time(18),
        end_time=None,
        venue=venue_expired,
        image=hidden_image(world, secret, "HIDDENIMG5"),
    )
    # At a visible place whose English version is a draft: English answers name the German one.
    at_castle = tree.event(
        title=f"{VISIBLE} Führung", slug="fuehrung", start_date=soon, start_time=time(11), venue=castle
    )
    world.events += [
        running.pk,
        running.get_translation(english).pk,
        at_draft.pk,
        at_expired.pk,
        at_castle.pk,
    ]

    article = tree.news_article(
        title=f"{VISIBLE} Meldung",
        slug="meldung",
        date=today,
        image=hidden_image(world, secret, "HIDDENIMG6"),
        body=body_pointing_at(link_scheduled, document, hidden_image(world, secret, "HIDDENIMG7")),
        related_links=[NewsArticleRelatedPage(target=page) for page in hidden_links],
    )
    translate_with_strings(article, english, {f"{VISIBLE} Meldung": f"{VISIBLE} news"})
    world.news += [article.pk, article.get_translation(english).pk]

    for slug, venue in (("markt", None), ("am-ort", venue_restricted)):
        KioskScreen.objects.create(
            name=f"{VISIBLE} {slug}",
            slug=slug,
            venue=venue,
            latitude="52.289300",
            longitude="11.408500",
            radius_km=3,
            languages=["de", "en"],
        )
        world.kiosks.append(slug)
    for page in (museum, running, article):
        preview = page.create_page_preview()
        world.previews.append({"content_type": page.get_content_type_str(), "token": preview.token})
    hidden_ids = {page.pk for page in [*hidden_links, venue_draft, venue_expired]}
    roots = Page.objects.filter(translation_key=tree.home.translation_key).values_list("path", flat=True)
    world.pages = [
        page.specific
        for page in Page.objects.filter(live=True).exclude(pk__in=hidden_ids).order_by("path")
        if page.path.startswith(tuple(roots))
    ]
    return world


# The world, built once in a transaction that is rolled back after the module's tests.
world = built_once(build_world)


@dataclass(frozen=True)
class Call:
    operation: str
    path: str
    params: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        query = "&".join(f"{key}={value}" for key, value in self.params)
        headers = "".join(f" [{key}: {value}]" for key, value in self.headers)
        return f"{self.path}{'?' + query if query else ''}{headers}"


def operation_calls(path: str, operation: dict, world: World) -> tuple[list[Call], list[str]]:
    """Every request for one OpenAPI operation, and what the test could not fill (to fail on)."""
    problems = []
    parameters = operation.get("parameters", [])
    path_values = {
        "poi_id": world.pois,
        "event_id": world.events,
        "news_id": world.news,
        "slug": world.kiosks,
        "collection": [content_type.collection for content_type in registry.types()],
        "format": ["jsonld", "ndjson"],  # the bulk export: its path names the format
    }
    paths = [path]
    for parameter in (p for p in parameters if p["in"] == "path"):
        values = path_values.get(parameter["name"])
        if not values:
            problems.append(f"{path}: cannot fill path parameter {parameter['name']}")
            continue
        paths = [p.replace(f"{{{parameter['name']}}}", str(value)) for p in paths for value in values]
    query = {p["name"] for p in parameters if p["in"] == "query"}
    required = frozenset(p["name"] for p in parameters if p["in"] == "query" and p.get("required"))
    searches = [{"q": VISIBLE}, {"q": VISIBLE, "past": "true"}] + [{"q": m} for m in sorted(world.markers)]
    required_values = {
        frozenset(): [{}],
        frozenset({"q"}): searches if "past" in query else [{"q": VISIBLE[:4]}, {"q": "HIDDEN"}],
        frozenset({"content_type", "token"}): world.previews,
    }
    if required not in required_values:
        problems.append(f"{path}: cannot fill required query parameters {sorted(required)}")
    formats = []
    for media_type in operation["responses"].get("200", {}).get("content", {}):
        if media_type not in FORMATS:
            problems.append(f"{path}: no request for the declared format {media_type}")
        elif FORMATS[media_type] not in formats:
            formats.append(FORMATS[media_type])
    if any(p["in"] == "path" and p["name"] == "format" for p in parameters):
        formats = [{}]
    extra = {"limit": "100"} if "limit" in query else {}
    calls = []
    for concrete in paths:
        for values in required_values.get(required, []):
            for fmt in formats:
                for code in LANGUAGES:
                    language = {"locale": code} if "locale" in query else {}
                    headers = () if language else (("HTTP_ACCEPT_LANGUAGE", code),)
                    params = {**values, **fmt, **extra, **language}
                    calls.append(Call(path, concrete, tuple(params.items()), headers))
    return calls, problems


def stock_calls(world: World) -> list[Call]:
    """Wagtail's stock v2 endpoints: per-type lists with every field, details, find, images, documents."""
    calls = []
    for code in LANGUAGES:
        for page_type in PAGE_TYPES:
            names = {api_field.name for api_field in apps.get_model(page_type).api_fields}
            nested = [name for name in NESTED if name in names]
            # Every field, and the nested objects with every field of their own.
            for fields in ["*", *(["_," + ",".join(f"{name}(*)" for name in nested)] if nested else [])]:
                params = {"type": page_type, "fields": fields, "locale": code, "limit": "100"}
                calls.append(Call("v2 pages", f"{V2}/pages/", tuple(params.items())))
        calls.append(
            Call("v2 pages", f"{V2}/pages/", (("search", VISIBLE), ("fields", "*"), ("locale", code)))
        )
    for page in world.pages:
        for rich_text_format in ("db_html", "html", "markdown"):
            params = (("rich_text_format", rich_text_format),)
            calls.append(Call("v2 page", f"{V2}/pages/{page.pk}/", params))
        html_path = page.url_path.split("/", 2)[-1] if page.url_path.count("/") > 2 else "/"
        calls.append(Call("v2 find", f"{V2}/pages/find/", (("html_path", html_path),)))
    calls.append(Call("v2 images", f"{V2}/images/", (("fields", "*"), ("limit", "100"))))
    calls += [Call("v2 image", f"{V2}/images/{pk}/") for pk in world.images]
    calls.append(Call("v2 documents", f"{V2}/documents/", (("fields", "*"), ("limit", "100"))))
    calls += [Call("v2 document", f"{V2}/documents/{pk}/") for pk in world.documents]
    return calls


def leaks(client, calls: list[Call]) -> tuple[list[str], dict[str, bool]]:
    """(every marker found, with the request that showed it; per operation, whether it showed VISIBLE)."""
    found, shown = [], {}
    for call in calls:
        response = client.get(call.path, dict(call.params), follow=True, **dict(call.headers))
        content = b"".join(response.streaming_content) if response.streaming else response.content
        body = content.decode("utf-8", errors="replace")
        if response.status_code != 200:
            found.append(f"{call}: status {response.status_code} {body[:200]}")
            continue
        found += [f"{call}: {marker}" for marker in sorted(set(MARKER.findall(body)))]
        shown[call.operation] = shown.get(call.operation, False) or VISIBLE in body
    return found, shown


def test_no_openapi_operation_shows_a_hidden_object(client, world):
    document = client.get("/api/v1/openapi.json").json()
    calls, problems = [], []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                continue
            more, unfilled = operation_calls(path, operation, world)
            calls += more
            problems += unfilled
    assert not problems, "operations the leak test cannot cover:\n" + "\n".join(problems)
    found, shown = leaks(client, calls)
    assert not found, f"{len(found)} leaks:\n" + "\n".join(found)
    blind = [op for op, seen in shown.items() if not seen and op not in WITHOUT_ITEMS]
    assert not blind, f"answers that never showed the visible world: {blind}"
    assert {"/api/v1/pois/{poi_id}", "/api/v1/events.ics", "/api/v1/kiosks/{slug}/feed"} <= set(shown)


def test_no_stock_v2_endpoint_shows_a_hidden_object(client, world):
    found, shown = leaks(client, stock_calls(world))
    assert not found, f"{len(found)} leaks:\n" + "\n".join(found)
    assert shown["v2 pages"] and shown["v2 page"] and shown["v2 images"] and shown["v2 documents"]


def test_visible_nested_objects_still_show(client, world):
    """The filter removes hidden objects only: a public image, document and link stay."""
    museum = client.get(f"{V2}/pages/{world.pois[0]}/").json()
    assert [item["image"]["title"] for item in museum["gallery_images"]] == [f"{VISIBLE} Bild"]
    assert museum["image"] is None
    assert museum["related_links"] == []
    images = client.get(f"{V2}/images/").json()["items"]
    assert [item["id"] for item in images] == world.images
    detail = client.get(f"/api/v1/pois/{world.pois[0]}").json()
    assert [image["id"] for image in detail["gallery"]] == world.images
    paragraph = detail["body"][0]["value"]
    assert "dort" in paragraph and "Merkblatt" in paragraph  # the link text stays, the link goes
    assert "href" not in paragraph
    english = client.get("/api/v1/events", {"locale": "en", "limit": 100}).json()["items"]
    assert f"{VISIBLE} Schloss" in {item["venue"]["title"] for item in english if item["venue"]}


def test_a_field_that_reads_an_image_around_the_rule_is_refused(rf):
    """A new stock v2 field that shows a page, image or document must use a guarded field class."""
    from cms.wagtail_api import VisiblePageSerializer

    unguarded = get_serializer_class(
        Event,
        ["id", "image_hero"],
        meta_fields=[],
        field_serializer_overrides={"image_hero": ImageRenditionField("fill-10x10", source="image")},
        base=VisiblePageSerializer,
    )
    with pytest.raises(ImproperlyConfigured, match="image_hero"):
        _ = unguarded(context={"request": rf.get("/")}).fields
