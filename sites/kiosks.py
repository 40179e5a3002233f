"""Kiosk screens: what a screen shows at a moment, and until when that answer holds.

Plain functions so the feed endpoint, the player and the tests share one set of rules:

- *now*: occurrences running at the moment (start ≤ now < end); *next*: the ones starting later
  today (Berlin calendar day); *upcoming*: the first occurrence of each further event from tomorrow
  through the seventh day after today. All comparisons are made on UTC instants, so midnight and the
  daylight-saving changes cannot shift an occurrence between the lists.
- Events and points of interest within the screen's radius of its location (a venue's coordinates,
  else the event's own); categories narrow each kind only when the screen names some of that kind.
- Every text comes in each of the screen's languages (the translation when a visible one exists,
  else the first language of that language's fallback chain that has one, else the version listed);
  images carry only the rendition for the screen's orientation.
- `valid_until` is the next moment the answer changes by itself: an occurrence starting or ending,
  local midnight (now/next/upcoming move on), the screen switching on or off, or a notice starting
  or ending.
- Notices (sites.notices) for the screen that have not ended, also those starting within the
  upcoming days, so a screen offline at their start still shows them from its cached feed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import HttpRequest
from wagtail.models import Page

from cms.core import versions
from cms.core.context import ApiContext, api_context, visible
from cms.core.i18n import fallback_codes
from cms.core.timezone import LOCAL_TZ
from cms.core.visibility import visible_pages
from media.schemas import preload_images
from tourism.items.common import item_categories, with_category_ids
from tourism.models import EVENT, NEWS, POI, Event, EventOccurrence, NewsArticle, PointOfInterest
from tourism.selectors import occurrences_between, place_in_box, within_radius
from tourism.services.geo import bounding_box, distance_expression

from . import notices as screen_notices
from . import schedules
from .models import KioskNotice, KioskScreen, Orientation, ScheduleContent

MAX_NOW = 8
MAX_NEXT = 8
MAX_UPCOMING = 16
MAX_NEWS = 8
MAX_HIGHLIGHTS = 6
UPCOMING_DAYS = 7
SCREEN_MEMORY = 256
PRESETS = {Orientation.LANDSCAPE: "kiosk_landscape", Orientation.PORTRAIT: "kiosk_portrait"}


def local_midnight(day: date) -> datetime:
    """The instant a Berlin calendar day begins, in UTC (midnight never falls in a DST gap there)."""
    return datetime.combine(day, time(0), tzinfo=LOCAL_TZ).astimezone(UTC)


def berlin_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


# --- Active hours -------------------------------------------------------------------------------


def active_screen(slug: str) -> KioskScreen | None:
    """The active screen with its venue, categories and weekly hours, kept by each process for the
    current content version (screens, their hours and categories raise it: cms/signals.py); players
    ask every minute, the answer is rebuilt for each of them. Readers never change the screen."""
    screens = versions.remembered("kiosk-screens", versions.current(versions.CONTENT), dict, shared=False)
    if slug not in screens:
        if len(screens) >= SCREEN_MEMORY:
            screens.clear()
        screens[slug] = (
            KioskScreen.objects.filter(is_active=True, slug=slug)
            .select_related("venue")
            .prefetch_related("categories", "hours")
            .first()
        )
    return screens[slug]


def screen_state(screen: KioskScreen, moment: datetime, hours: list | None = None) -> str | None:
    """What the screen shows at an instant (all, events, places), None when it is off.

    Its weekly schedule (sites.schedules) when it has one, else 'on from/until' and its days.
    """
    hours = schedules.hours_of(screen) if hours is None else hours
    if hours:
        return schedules.content_at(hours, moment)
    return ScheduleContent.ALL if simple_is_on_at(screen, moment) else None


def is_on_at(screen: KioskScreen, moment: datetime) -> bool:
    """Whether the screen is within its active hours at an instant (Berlin wall-clock rules)."""
    return screen_state(screen, moment) is not None


def simple_is_on_at(screen: KioskScreen, moment: datetime) -> bool:
    local = moment.astimezone(LOCAL_TZ)
    days = {int(day) for day in screen.active_days}
    today, yesterday = local.weekday(), (local.weekday() - 1) % 7
    start, end = screen.active_from, screen.active_until
    if start is None or end is None or start == end:
        return today in days
    clock = local.time().replace(tzinfo=None)
    if start < end:
        return today in days and start <= clock < end
    # Past midnight: the evening part belongs to today, the early-morning part to yesterday.
    return (today in days and clock >= start) or (yesterday in days and clock < end)


def next_switch(screen: KioskScreen, moment: datetime) -> datetime | None:
    """The next instant the screen switches on or off, or to other content (None when it never does)."""
    hours = schedules.hours_of(screen)
    on = screen_state(screen, moment, hours)
    day = berlin_day(moment)
    candidates = schedules.switch_candidates(hours, day, 9)
    for offset in range(9):
        current = day + timedelta(days=offset)
        candidates.append(local_midnight(current))
        for at in (screen.active_from, screen.active_until):
            if at is not None:
                candidates.append(datetime.combine(current, at, tzinfo=LOCAL_TZ).astimezone(UTC))
    for candidate in sorted(candidates):
        if candidate > moment and screen_state(screen, candidate, hours) != on:
            return candidate
    return None


# --- Selection ------------------------------------------------------------------------------------


@dataclass
class Window:
    """The Berlin days the lists are cut by, as UTC instants."""

    now: datetime
    tonight: datetime  # the end of today = start of tomorrow
    upcoming_end: datetime

    @classmethod
    def at(cls, now: datetime) -> "Window":
        today = berlin_day(now)
        return cls(
            now=now.astimezone(UTC),
            tonight=local_midnight(today + timedelta(days=1)),
            upcoming_end=local_midnight(today + timedelta(days=UPCOMING_DAYS + 1)),
        )


def screen_point(screen: KioskScreen) -> tuple[float, float] | None:
    return screen_notices.point_of(screen)


def category_slugs(screen: KioskScreen) -> dict[str, list[str]]:
    """The screen's category slugs by kind (event, poi, news)."""
    by_kind: dict[str, list[str]] = {}
    for category in screen.categories.all():
        by_kind.setdefault(category.kind, []).append(category.slug)
    return by_kind


def screen_languages_for(screen: KioskScreen, configured: list[str]) -> list[str]:
    """The screen's languages that are still configured, in its order (the default one if none is)."""
    return [code for code in screen.languages if code in configured] or configured[:1]


def screen_context(screen: KioskScreen, request: HttpRequest, now: datetime) -> ApiContext:
    """The API context in the screen's first language; the others are added per text."""
    ctx = api_context(request, None)
    ctx = api_context(request, screen_languages_for(screen, list(ctx.facts.locales))[0])
    ctx.now = now
    return ctx


class Slot(NamedTuple):
    """What choosing a screen's occurrences needs of one, without loading the event (a tuple: a
    feed makes one for every occurrence around the screen in the coming week)."""

    pk: int
    event_id: int
    start: datetime
    end: datetime


def selected_occurrences(screen: KioskScreen, ctx: ApiContext, window: Window, slugs: dict) -> list[Slot]:
    """Occurrences overlapping now … the end of the upcoming days, for the screen's events (at most 500).

    Light rows only: with thousands of events around a screen, loading every occurrence with its
    event, image and categories (and passing thousands of event ids back to the database) took most
    of a second; only the few that are shown are loaded in full (`load_occurrences`).
    """
    point = screen_point(screen)
    if point is None:
        return []
    events = visible(ctx, Event)
    if slugs.get(EVENT.name):
        events = events.filter(categories__slug__in=slugs[EVENT.name])
    radius = float(screen.radius_km)
    rows = (
        occurrences_between(events.filter(place_in_box(point, radius)), window.now, window.upcoming_end)
        .order_by("start", "pk")
        .values_list(
            "pk",
            "event_id",
            "start",
            "end",
            "event__venue__latitude",
            "event__venue__longitude",
            "event__latitude",
            "event__longitude",
        )
    )
    slots = []
    for pk, event_id, start, end, *coordinates in rows:
        if not within_radius(point, radius, *coordinates):
            continue
        slots.append(Slot(pk, event_id, start, end))
        if len(slots) == 500:
            break
    return slots


# What `occurrence_data` reads of an event beside its texts in each language (`translations`), and
# of its venue, as plain values: model instances of the event (~60 columns, deferred) and its venue
# for the shown occurrences cost more than the rest of the feed's rows.
EVENT_FIELDS = (
    *(
        f"event__{name}"
        for name in (
            "translation_key", "locale_id", "title", "url_path", "teaser", "status_note", "location_name",
            "locality", "image_id", "status", "is_free", "venue_id",
        )
    ),
    "event__venue__translation_key",
)  # fmt: skip


@dataclass(frozen=True)
class Version:
    """The texts a screen shows of one language version (a feed shows about a hundred: model
    instances of the page types cost more than the rest of the feed)."""

    pk: int
    translation_key: object
    locale_id: int
    title: str
    url_path: str
    teaser: str
    status_note: str
    location_name: str
    locality: str


@dataclass(frozen=True)
class ShownEvent(Version):
    """An event as the feed shows it: its own texts (a `Version`, for `in_language`), what the
    occurrence item reads beside them, and its venue's translation key."""

    image_id: int | None
    status: str
    is_free: bool
    venue_id: int | None
    venue_key: object
    category_slugs: tuple[str, ...]


@dataclass(frozen=True)
class ShownOccurrence:
    pk: int
    start: datetime
    end: datetime
    all_day: bool
    event_id: int
    event: ShownEvent


@dataclass(frozen=True)
class PlaceKey:
    """A venue, for `translations`: only its translation key is read."""

    translation_key: object


# What `poi_data` and `schedules.open_until` read of a highlighted place.
PLACE_FIELDS = (
    "title", "teaser", "url_path", "locale", "translation_key", "latitude", "longitude", "image",
    "opening_hours_key", "closed_on_public_holidays",
)  # fmt: skip


# What `news_data` reads of an article.
NEWS_FIELDS = ("title", "url_path", "locale", "translation_key", "date")


class CategoryIds(NamedTuple):
    """An event's category ids as its occurrence's row read them, for `item_categories`."""

    category_ids: list[int] | None


def load_occurrences(slots: list[Slot], ctx: ApiContext) -> dict[int, ShownOccurrence]:
    """The shown occurrences with what the feed reads of their event, venue and categories (one
    query: the category ids in the row, named from the per-process table in CATEGORY_ORDER, as every
    item lists them)."""
    occurrences = EventOccurrence.objects.filter(pk__in=[slot.pk for slot in slots])
    rows = with_category_ids(occurrences, model=Event, item="event_id").values_list(
        "pk", "start", "end", "all_day", "event_id", *EVENT_FIELDS, "category_ids"
    )
    events: dict[int, ShownEvent] = {}
    shown = {}
    for pk, start, end, all_day, event_id, *fields, category_ids in rows:
        event = events.get(event_id)
        if event is None:
            slugs = tuple(category.slug for category in item_categories(CategoryIds(category_ids)))
            event = events[event_id] = ShownEvent(event_id, *fields, slugs)
        shown[pk] = ShownOccurrence(pk, start, end, all_day, event_id, event)
    return shown


def image_answers(image_ids: list[int | None], codes: list[str], ctx: ApiContext) -> dict[str, dict]:
    """Per language of the screen, the answers of the images the feed shows, by image id (None when
    hidden): media.schemas.preload_images, which each process keeps for the content version, so a
    screen's refresh reads no image rows."""
    answers = {}
    for code in codes:
        code_ctx = ctx if code == ctx.code else api_context(ctx.request, code)
        preload_images(code_ctx, image_ids)
        answers[code] = code_ctx.images
    return answers


def split_occurrences(occurrences: list, window: Window) -> tuple[list, list, list]:
    """now / next (rest of today) / upcoming (one per event, tomorrow through the seventh day)."""
    running, later, coming, seen = [], [], [], set()
    for occ in occurrences:
        start, end = occ.start, occ.end
        if start <= window.now < end:
            running.append(occ)
        elif window.now < start < window.tonight:
            later.append(occ)
        elif window.tonight <= start < window.upcoming_end and occ.event_id not in seen:
            seen.add(occ.event_id)
            coming.append(occ)
    return running[:MAX_NOW], later[:MAX_NEXT], coming[:MAX_UPCOMING]


def valid_until(
    screen: KioskScreen,
    occurrences: list,
    window: Window,
    notices: list[KioskNotice] = (),
    switch: datetime | bool | None = False,
) -> datetime:
    """The next moment the answer changes by itself (`switch`: the screen's `next_switch` when the
    caller has it already, so the week's schedule is not walked twice per feed)."""
    moments = [window.tonight]
    moments += [notice.starts_at for notice in notices if notice.starts_at > window.now]
    moments += [notice.effective_end for notice in notices]
    moments += [occ.start for occ in occurrences if occ.start > window.now]
    moments += [occ.end for occ in occurrences if occ.end > window.now]
    if switch is False:
        switch = next_switch(screen, window.now)
    if switch is not None:
        moments.append(switch)
    return min(moments)


def highlights(screen: KioskScreen, ctx: ApiContext, slugs: dict) -> list[tuple[PointOfInterest, float]]:
    """Points of interest near the screen, nearest first, those with an image before those without.

    Ranked by the database over every place in the box, so the nearest really are chosen; the
    ranking (thousands of distances in a town's centre) is kept by each process for the versions of
    the content and of visibility, and the chosen places are read through the visibility rule again
    on every feed: one that has expired since is left out, never shown.
    """
    point = screen_point(screen)
    if point is None:
        return []

    def ranked(queryset):
        return queryset.annotate(
            distance=distance_expression(point[0], point[1]),
            no_image=ExpressionWrapper(Q(image__isnull=True), output_field=BooleanField()),
        ).order_by("no_image", "distance", "pk")

    rankings = versions.remembered(
        "kiosk-highlights", versions.current_many(versions.CONTENT, versions.VISIBILITY), dict, shared=False
    )
    # Everything the ranking rests on besides the versions (a screen is also built unsaved, in tests
    # and previews).
    key = (
        ctx.site.pk,
        ctx.code,
        point,
        float(screen.radius_km),
        tuple(slugs.get(POI.name, ())),
        screen.venue_id,
    )
    if key not in rankings:
        if len(rankings) >= SCREEN_MEMORY:
            rankings.clear()
        rankings[key] = nearest_places(screen, ctx, slugs, point, ranked)
    distances = dict(rankings[key])  # in ranking order
    chosen = visible(ctx, PointOfInterest.objects.filter(pk__in=distances)).only(*PLACE_FIELDS).in_bulk()
    # The ranking's order and distances: the same rows as at ranking time (a change to a place raises
    # the content version), less those hidden since; ranking them again in SQL cost more than the read.
    return [(chosen[pk], distance) for pk, distance in distances.items() if pk in chosen]


def nearest_places(
    screen: KioskScreen, ctx: ApiContext, slugs: dict, point: tuple[float, float], ranked: Callable
) -> list[tuple[int, float]]:
    """The ids and distances of the places `highlights` shows, ranked on narrow rows (one query)."""
    pois = visible(ctx, PointOfInterest)
    if slugs.get(POI.name):
        tagged = PointOfInterest.categories.through.objects.filter(category__slug__in=slugs[POI.name])
        pois = pois.filter(pk__in=tagged.values("pointofinterest_id"))
    radius = float(screen.radius_km)
    min_lat, min_lng, max_lat, max_lng = bounding_box(point[0], point[1], radius)
    pois = pois.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lng, max_lng))
    if screen.venue_id:
        pois = pois.exclude(translation_key=screen.venue.translation_key)
    return list(ranked(pois).filter(distance__lte=radius).values_list("pk", "distance")[:MAX_HIGHLIGHTS])


def news_items(screen: KioskScreen, ctx: ApiContext, slugs: dict) -> list[NewsArticle]:
    if not screen.show_ticker:
        return []
    news = visible(ctx, NewsArticle)
    if slugs.get(NEWS.name):
        news = news.filter(categories__slug__in=slugs[NEWS.name]).distinct()
    return list(news.order_by("-date", "-pk").only(*NEWS_FIELDS)[:MAX_NEWS])


# --- Texts in every language ---------------------------------------------------------------------


class KnownTexts(dict):
    """`translations`' answer: (translation key, language code) → texts, with each language's
    fallback chain worked out once per feed (a feed looks up about a hundred texts per language)."""

    def chain(self, code: str) -> tuple[str, ...]:
        chains = self.__dict__.setdefault("_chains", {})
        found = chains.get(code)
        if found is None:
            found = chains[code] = (code, *fallback_codes(code))
        return found


def translations(pages: list[Page], codes: list[str], ctx: ApiContext) -> KnownTexts:
    """(translation_key, language code) → the visible version's texts, for events, places and news
    alike, in one query."""
    keys = {page.translation_key for page in pages}
    ids = [locale.pk for code, locale in ctx.facts.locales.items() if code in codes]
    if not keys:
        return KnownTexts()
    rows = visible_pages(
        Page.objects.filter(translation_key__in=keys, locale_id__in=ids), ctx.site
    ).values_list(
        "pk",
        "translation_key",
        "locale_id",
        "title",
        "url_path",
        "event__teaser",
        "pointofinterest__teaser",
        "event__status_note",
        "event__location_name",
        "event__locality",
    )
    known = KnownTexts()
    for pk, key, locale_id, title, url_path, event_teaser, poi_teaser, note, location, locality in rows:
        teaser = event_teaser if event_teaser is not None else poi_teaser
        version = Version(
            pk, key, locale_id, title, url_path, teaser or "", note or "", location or "", locality or ""
        )
        known[(key, ctx.locale_code(locale_id))] = version
    return known


def in_language(page: Page, code: str, known: KnownTexts) -> Page:
    """The page's visible version in a language, else along that language's chain, else the page."""
    return found_in_language(page.translation_key, code, known) or page


def found_in_language(key: object, code: str, known: KnownTexts) -> Page | None:
    """(translation key, code) looked up in `code`, then in each language of its chain."""
    for candidate in known.chain(code):
        found = known.get((key, candidate))
        if found is not None:
            return found
    return None


def with_chains(codes: list[str]) -> list[str]:
    """The screen's languages and every language that stands in for one of them."""
    return list(dict.fromkeys(code for first in codes for code in (first, *fallback_codes(first))))


def qr_url(ctx: ApiContext, page: Page) -> str:
    # What request.build_absolute_uri answers for this plain path, on the origin worked out once.
    return f"{ctx.origin}/kiosks/qr/{page.pk}.svg"


def kiosk_image(image_id: int | None, answers: dict, preset: str) -> dict | None:
    """The project's image object with only the rendition this screen shows (None when hidden)."""
    data = answers.get(image_id)
    if data is None:
        return None
    return {**data, "renditions": {preset: data["renditions"][preset]}}  # the kept answer stays whole


def image_alt(image_id: int | None, code: str, answers: dict) -> str:
    data = answers[code].get(image_id)
    return data["alt"] if data is not None else ""


def occurrence_data(occ, ctx: ApiContext, codes: list[str], known: dict, images: dict, preset: str) -> dict:
    event = occ.event
    texts = {}
    for code in codes:
        page = in_language(event, code, known)
        venue = None
        if event.venue_id is not None:
            venue_page = found_in_language(event.venue_key, code, known)
            venue = venue_page.title if venue_page is not None else None
        texts[code] = {
            "title": page.title,
            "teaser": page.teaser,
            "status_note": page.status_note,
            "place": venue or page.location_name or page.locality,
            "url": ctx.public_url(page),
            "qr": qr_url(ctx, page),
            "image_alt": image_alt(event.image_id, code, images),
        }
    return {
        "id": occ.pk,
        "event_id": event.pk,
        "start": occ.start.astimezone(LOCAL_TZ),
        "end": occ.end.astimezone(LOCAL_TZ),
        "all_day": occ.all_day,
        "status": event.status,
        "cancelled": event.status == "cancelled",
        "free": event.is_free,
        "categories": list(event.category_slugs),
        "texts": texts,
        "image": kiosk_image(event.image_id, images[codes[0]], preset),
    }


def poi_data(
    poi: PointOfInterest, distance: float, ctx: ApiContext, codes, known, images, preset, closing=None
) -> dict:
    texts = {}
    for code in codes:
        page = in_language(poi, code, known)
        texts[code] = {
            "title": page.title,
            "teaser": page.teaser,
            "url": ctx.public_url(page),
            "qr": qr_url(ctx, page),
            "image_alt": image_alt(poi.image_id, code, images),
        }
    return {
        "id": poi.pk,
        "distance_km": round(distance, 2),
        "open_until": closing.astimezone(LOCAL_TZ) if closing else None,
        "location": {"lat": float(poi.latitude), "lng": float(poi.longitude)},
        "texts": texts,
        "image": kiosk_image(poi.image_id, images[codes[0]], preset),
    }


def news_data(article: NewsArticle, ctx: ApiContext, codes, known) -> dict:
    texts = {}
    for code in codes:
        page = in_language(article, code, known)
        texts[code] = {"title": page.title, "url": ctx.public_url(page)}
    return {"id": article.pk, "date": article.date, "texts": texts}


def active_hours_data(screen: KioskScreen, today: date | None = None) -> dict:
    """The rules the player applies by itself offline: the weekly schedule when set, else from/until."""
    hours = schedules.hours_of(screen)
    return {
        "opens": screen.active_from.strftime("%H:%M") if screen.active_from else None,
        "closes": screen.active_until.strftime("%H:%M") if screen.active_until else None,
        "days": sorted(int(day) for day in screen.active_days),
        "ranges": [
            {
                "day": row.day,
                "opens": f"{row.opens:%H:%M}",
                "closes": f"{row.closes:%H:%M}",
                "content": row.content,
            }
            for row in hours
        ],
        "holidays": schedules.holidays_between(today, UPCOMING_DAYS + 2) if hours and today else [],
    }


def screen_data(screen: KioskScreen, codes: list[str], ctx: ApiContext, today: date | None = None) -> dict:
    return {
        "slug": screen.slug,
        "name": screen.name,
        "locales": codes,
        "orientation": screen.orientation,
        "refresh_seconds": screen.refresh_seconds,
        "active_hours": active_hours_data(screen, today),
        "ticker": screen.show_ticker,
        "location": dict(zip(("lat", "lng"), screen_point(screen), strict=True))
        if screen_point(screen)
        else None,
        "radius_km": float(screen.radius_km),
    }


def build_feed(screen: KioskScreen, request: HttpRequest, now: datetime) -> dict:
    """Everything the screen shows, in one answer; see the module docstring for the rules."""
    ctx = screen_context(screen, request, now)
    codes = screen_languages_for(screen, list(ctx.facts.locales))
    preset = PRESETS.get(screen.orientation, "kiosk_landscape")
    window = Window.at(now)
    slugs = category_slugs(screen)
    occurrences = selected_occurrences(screen, ctx, window, slugs)
    slots = split_occurrences(occurrences, window)
    loaded = load_occurrences([slot for group in slots for slot in group], ctx)
    running, later, coming = ([loaded[slot.pk] for slot in group if slot.pk in loaded] for group in slots)
    shown = [*running, *later, *coming]
    events = list({occ.event.pk: occ.event for occ in shown}.values())
    venue_pages = [PlaceKey(event.venue_key) for event in events if event.venue_id]
    places = highlights(screen, ctx, slugs)
    images = image_answers(
        [*(event.image_id for event in events), *(poi.image_id for poi, _distance in places)], codes, ctx
    )
    closing = schedules.open_until([poi for poi, _distance in places], now)
    articles = news_items(screen, ctx, slugs)
    known = translations(
        [*events, *venue_pages, *(poi for poi, _distance in places), *articles], with_chains(codes), ctx
    )

    def occurrence_list(items: list) -> list[dict]:
        return [occurrence_data(occ, ctx, codes, known, images, preset) for occ in items]

    notices = screen_notices.notices_for(screen, now, window.upcoming_end)
    state = screen_state(screen, now)
    switch = next_switch(screen, now)
    return {
        "screen": screen_data(screen, codes, ctx, berlin_day(now)),
        "generated_at": now.astimezone(LOCAL_TZ),
        "valid_until": valid_until(screen, occurrences, window, notices, switch).astimezone(LOCAL_TZ),
        "active": state is not None,
        "content": state,
        "next_switch": switch.astimezone(LOCAL_TZ) if switch else None,
        "now": occurrence_list(running),
        "next": occurrence_list(later),
        "upcoming": occurrence_list(coming),
        "news": [news_data(article, ctx, codes, known) for article in articles],
        "highlights": [
            poi_data(poi, distance, ctx, codes, known, images, preset, closing.get(poi.pk))
            for poi, distance in places
        ],
        "notices": [screen_notices.notice_data(notice, codes) for notice in notices],
    }
