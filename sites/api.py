"""Kiosk screens in /api/v1/: the list of screens and each screen's one-request feed."""

from datetime import date, datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router

from cms.core.params import strict_query
from cms.core.problems import PROBLEM_RESPONSES, not_found
from cms.core.schema import Schema
from cms.core.visibility import find_site, site_facts
from media.schemas import ImageOut

from . import kiosks  # as a module: it imports the API assembly that imports this router
from . import notices as screen_notices
from .models import KioskScreen

router = Router(tags=["Kiosks"])


class ScreenListItem(Schema):
    slug: str
    name: str
    locales: list[str]
    orientation: str
    feed_url: str
    player_url: str


class HoursRangeOut(Schema):
    day: int  # 0 = Monday … 6 = Sunday, 7 = public holiday
    opens: str
    closes: str  # not after opens: past midnight
    content: str  # all | events (today's events) | places (places open now nearby)


class ActiveHoursOut(Schema):
    opens: str | None
    closes: str | None
    days: list[int]  # 0 = Monday
    ranges: list[HoursRangeOut]  # the weekly schedule; when present it replaces opens/closes/days
    holidays: list[date]  # public holidays of the coming days (holiday ranges apply on them)


class PointOut(Schema):
    lat: float
    lng: float


class ScreenOut(Schema):
    slug: str
    name: str
    locales: list[str]
    orientation: str
    refresh_seconds: int
    active_hours: ActiveHoursOut
    ticker: bool
    location: PointOut | None
    radius_km: float


class OccurrenceTexts(Schema):
    title: str
    teaser: str
    status_note: str
    place: str
    url: str
    qr: str
    image_alt: str


class KioskOccurrence(Schema):
    id: int
    event_id: int
    start: datetime
    end: datetime
    all_day: bool
    status: str
    cancelled: bool
    free: bool
    categories: list[str]
    texts: dict[str, OccurrenceTexts]
    image: ImageOut | None


class NewsTexts(Schema):
    title: str
    url: str


class KioskNews(Schema):
    id: int
    date: date
    texts: dict[str, NewsTexts]


class PoiTexts(Schema):
    title: str
    teaser: str
    url: str
    qr: str
    image_alt: str


class KioskHighlight(Schema):
    id: int
    distance_km: float
    open_until: datetime | None  # open now, until then
    location: PointOut
    texts: dict[str, PoiTexts]
    image: ImageOut | None


class NoticeTexts(Schema):
    text: str


class KioskNoticeOut(Schema):
    id: int
    severity: str  # info | warning | danger
    start: datetime
    end: datetime  # the all clear (Entwarnung) when it came earlier
    updated: datetime
    texts: dict[str, NoticeTexts]


class KioskFeed(Schema):
    screen: ScreenOut
    generated_at: datetime
    valid_until: datetime
    active: bool
    content: str | None  # what the schedule shows now: all | events | places; None when off
    next_switch: datetime | None
    now: list[KioskOccurrence]
    next: list[KioskOccurrence]
    upcoming: list[KioskOccurrence]
    news: list[KioskNews]
    highlights: list[KioskHighlight]
    notices: list[KioskNoticeOut]


def active_screens():
    return KioskScreen.objects.filter(is_active=True)


@router.get("/kiosks", response={200: list[ScreenListItem], **PROBLEM_RESPONSES}, summary="Kiosk screens")
@strict_query()
def list_kiosks(request: HttpRequest):
    """The active screens with their feed and player addresses.

    Consumers: kiosk players and the people who set them up.
    """
    codes = list(site_facts(find_site(request)).locales)
    return [
        {
            "slug": screen.slug,
            "name": screen.name,
            "locales": kiosks.screen_languages_for(screen, codes),
            "orientation": screen.orientation,
            "feed_url": request.build_absolute_uri(f"/api/v1/kiosks/{screen.slug}/feed"),
            "player_url": request.build_absolute_uri(screen.get_player_url()),
        }
        for screen in active_screens().order_by("name", "pk")
    ]


@router.get(
    "/kiosks/{slug}/feed", response={200: KioskFeed, **PROBLEM_RESPONSES}, summary="Everything a screen shows"
)
@strict_query()
def kiosk_feed(request: HttpRequest, slug: str, response: HttpResponse):
    """Now, later today, the next seven days, news, nearby places and urgent notices for one screen.

    Texts come in all the screen's languages. `valid_until` is the next moment the answer changes
    by itself; it is not cached past it. Notices include those starting within the upcoming days:
    show each from its `start` until its `end`. The screen's own player sends `X-Kiosk-Screen: {slug}`,
    which records that the screen received the notices in the answer.
    Consumers: the player at /kiosks/{slug}/ and third-party signage players.
    """
    screen = kiosks.active_screen(slug[:100])
    if screen is None:
        raise not_found(f"No kiosk screen '{slug[:40]}'.")
    now = timezone.now()
    feed = kiosks.build_feed(screen, request, now)
    seconds = int((feed["valid_until"] - now).total_seconds())
    max_age = max(0, min(settings.API_CACHE_MAX_AGE, seconds))
    response["Cache-Control"] = f"public, max-age={max_age}"
    notice_ids = [notice["id"] for notice in feed["notices"]]
    if request.headers.get(SCREEN_HEADER) == screen.slug:
        screen_notices.confirm(screen, notice_ids, now)
    elif screen_notices.unconfirmed(screen, notice_ids):
        # Not kept by the server's answer cache while the screen has yet to receive a notice: its
        # player's next request must reach this view to be recorded. Clients still get 304s.
        response["Cache-Control"] = f"public, max-age={max_age}, no-cache"
    return feed


SCREEN_HEADER = "X-Kiosk-Screen"
