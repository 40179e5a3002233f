"""The kiosk fleet: which screen is alive, which feed version it shows, what it played.

Plain functions, so the heartbeat view, the admin, the worker's periodic job and the tests share one
set of rules:

- A heartbeat (`parse_heartbeat`, `record_heartbeat`) is small JSON the player posts after every
  refresh; heartbeats made while offline travel in its `queued` list when the screen is back.
  Proof-of-play totals come with it, per Berlin day and item, and replace what was stored (resent
  totals never count twice).
- Every feed answer served gets remembered by its final ETag (`FeedVersionMiddleware`), so the
  admin can render the player from exactly the version a screen reports, and tell whether that
  version's content is still the current one (`feed_state`).
- Colours (`status_colour`): green within two refreshes, red when silent for longer than
  `silent_after`, amber between. The worker's job (`watch_screens`) announces a silent screen once
  and gives the all-clear when a heartbeat arrives after the announcement.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.constants import OnConflict
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.core.cache import CacheUnavailable, count_in_window
from cms.core.http_cache import kept_answer
from cms.core.problems import bad_param
from cms.core.timezone import LOCAL_TZ

from .kiosks import active_screen
from .models import (
    KIOSK_GROUP,
    AlertKind,
    KioskAlert,
    KioskFeedVersion,
    KioskHeartbeat,
    KioskPlayTotal,
    KioskScreen,
    KioskStatus,
)

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
MAX_QUEUED = 50
MAX_PLAY_ROWS = 1500
PLAY_DAYS = 7  # how far back a screen may report totals
HEARTBEATS_PER_REFRESH = 3  # per screen and refresh interval; the player sends one
FEED_VERSIONS_KEPT = 20  # per screen, besides the one it reports
HEARTBEAT_DAYS = 30
ITEM = re.compile(r"^(event|poi|news):[1-9][0-9]{0,11}$")
ORIENTATIONS = ("landscape", "portrait")


# --- Heartbeats ---------------------------------------------------------------------------------


@dataclass
class Beat:
    sent_at: datetime
    feed_etag: str
    online: bool
    online_since: datetime | None
    offline_since: datetime | None
    last_error: str
    viewport: tuple[int, int] | None
    orientation: str
    uptime_seconds: int


@dataclass
class Heartbeat:
    current: Beat
    queued: list[Beat] = field(default_factory=list)
    plays: dict[tuple[date, str], tuple[int, int]] = field(default_factory=dict)


def _moment(value, name: str, now: datetime, required: bool = False) -> datetime | None:
    if value is None and not required:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) and len(value) <= 40 else None
    if parsed is None or parsed.tzinfo is None:
        raise bad_param(name, "an ISO 8601 date and time with its offset")
    if parsed > now + timedelta(days=1) or parsed < now - timedelta(days=PLAY_DAYS + 1):
        raise bad_param(name, "too far from the server's clock")
    return parsed


def _count(value, name: str, maximum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= maximum:
        raise bad_param(name, f"a whole number from 0 to {maximum}")
    return value


def _text(value, name: str, maximum: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > maximum:
        raise bad_param(name, f"text of at most {maximum} characters")
    return value


def _beat(data, name: str, now: datetime) -> Beat:
    prefix = f"{name}." if name else ""
    if not isinstance(data, dict):
        raise bad_param(name or "body", "a JSON object")
    online = data.get("online", True)
    if not isinstance(online, bool):
        raise bad_param(f"{prefix}online", "true or false")
    viewport = data.get("viewport")
    size = None
    if viewport is not None:
        if not isinstance(viewport, dict):
            raise bad_param(f"{prefix}viewport", "an object with width and height")
        size = (
            _count(viewport.get("width"), f"{prefix}viewport.width", 20000),
            _count(viewport.get("height"), f"{prefix}viewport.height", 20000),
        )
    orientation = _text(data.get("orientation"), f"{prefix}orientation", 10)
    if orientation and orientation not in ORIENTATIONS:
        raise bad_param(f"{prefix}orientation", "landscape or portrait")
    return Beat(
        sent_at=_moment(data.get("sent_at"), f"{prefix}sent_at", now, required=True),
        feed_etag=_text(data.get("feed_etag"), f"{prefix}feed_etag", 100),
        online=online,
        online_since=_moment(data.get("online_since"), f"{prefix}online_since", now),
        offline_since=_moment(data.get("offline_since"), f"{prefix}offline_since", now),
        last_error=_text(data.get("last_error"), f"{prefix}last_error", 500),
        viewport=size,
        orientation=orientation,
        uptime_seconds=_count(data.get("uptime_seconds", 0), f"{prefix}uptime_seconds", 10**10),
    )


def _plays(rows, now: datetime) -> dict[tuple[date, str], tuple[int, int]]:
    if rows is None:
        return {}
    if not isinstance(rows, list) or len(rows) > MAX_PLAY_ROWS:
        raise bad_param("plays", f"a list of at most {MAX_PLAY_ROWS} totals")
    today = now.astimezone(LOCAL_TZ).date()
    totals = {}
    for index, row in enumerate(rows):
        name = f"plays[{index}]"
        if not isinstance(row, dict):
            raise bad_param(name, "an object with day, item, shows and seconds")
        try:
            day = (
                parse_date(row["day"]) if isinstance(row.get("day"), str) and len(row["day"]) == 10 else None
            )
        except ValueError:  # well-formed but no such day (month 13)
            day = None
        if day is None:
            raise bad_param(f"{name}.day", "a date (YYYY-MM-DD)")
        if not today - timedelta(days=PLAY_DAYS) <= day <= today + timedelta(days=1):
            raise bad_param(f"{name}.day", f"within the last {PLAY_DAYS} days")
        item = row.get("item")
        if not isinstance(item, str) or not ITEM.match(item):
            raise bad_param(f"{name}.item", "event:<id>, poi:<id> or news:<id>")
        shows = _count(row.get("shows"), f"{name}.shows", 10**6)
        seconds = _count(row.get("seconds"), f"{name}.seconds", 24 * 3600 + 3600)  # a 25-hour DST day
        totals[(day, item)] = (shows, seconds)
    return totals


def parse_heartbeat(data, now: datetime) -> Heartbeat:
    """A heartbeat from its JSON; `ApiProblem` (400) naming the first bad field."""
    current = _beat(data, "", now)
    queued = data.get("queued")
    if queued is None:
        queued = []
    if not isinstance(queued, list) or len(queued) > MAX_QUEUED:
        raise bad_param("queued", f"a list of at most {MAX_QUEUED} heartbeats")
    return Heartbeat(
        current=current,
        queued=[_beat(item, f"queued[{index}]", now) for index, item in enumerate(queued)],
        plays=_plays(data.get("plays"), now),
    )


def heartbeat_window(screen: KioskScreen) -> int:
    return max(1, screen.refresh_seconds)


def take_heartbeat_slot(screen: KioskScreen, now: datetime) -> int | None:
    """Count a heartbeat against the screen's budget; the seconds to wait when it is spent, else None.

    A fixed window of one refresh interval in the shared cache: the player sends one per refresh,
    so a few allow for a reload without letting a loop flood the table.
    """
    window = heartbeat_window(screen)
    try:
        used, reset = count_in_window(f"roland:kiosk-heartbeat:{screen.pk}", window, int(now.timestamp()))
    except CacheUnavailable:
        return None  # the cache cannot count: the heartbeat is taken (a limit protects, never blocks)
    return reset if used > HEARTBEATS_PER_REFRESH else None


def record_heartbeat(screen: KioskScreen, heartbeat: Heartbeat, now: datetime) -> KioskStatus:
    """Store a heartbeat: the status from the newest, a log row per beat, the play totals replaced."""
    beat = heartbeat.current
    values = {
        "last_seen": now,
        "sent_at": beat.sent_at,
        "feed_etag": beat.feed_etag,
        "online": beat.online,
        "online_since": beat.online_since,
        "offline_since": beat.offline_since,
        "last_error": beat.last_error,
        "viewport_width": beat.viewport[0] if beat.viewport else None,
        "viewport_height": beat.viewport[1] if beat.viewport else None,
        "orientation": beat.orientation,
        "uptime_seconds": beat.uptime_seconds,
    }
    with transaction.atomic():
        status = KioskStatus.objects.select_for_update().filter(screen=screen).first()
        if status is None:
            try:
                with transaction.atomic():
                    status = KioskStatus.objects.create(screen=screen, heartbeats=0, **values)
            except IntegrityError:  # a concurrent first heartbeat
                status = KioskStatus.objects.select_for_update().get(screen=screen)
        for name, value in values.items():
            setattr(status, name, value)
        status.heartbeats += 1 + len(heartbeat.queued)
        status.save()
        KioskHeartbeat.objects.bulk_create(
            [
                KioskHeartbeat(
                    screen=screen,
                    received_at=now,
                    sent_at=item.sent_at,
                    feed_etag=item.feed_etag,
                    online=item.online,
                    queued=queued,
                )
                for item, queued in [*((q, True) for q in heartbeat.queued), (beat, False)]
            ]
        )
        if heartbeat.plays:
            KioskPlayTotal.objects.bulk_create(
                [
                    KioskPlayTotal(
                        screen=screen, day=day, item=item, shows=shows, seconds=seconds, updated_at=now
                    )
                    for (day, item), (shows, seconds) in sorted(heartbeat.plays.items())
                ],
                update_conflicts=True,
                unique_fields=["screen", "day", "item"],
                update_fields=["shows", "seconds", "updated_at"],
            )
    return status


# --- Feed versions ------------------------------------------------------------------------------

FEED_PATH = re.compile(r"^/api/v1/kiosks/(?P<slug>[-a-zA-Z0-9_]{1,100})/feed$")
FEED_VERSION_NOTE = "kiosk-feed-version"


def content_hash(body: bytes) -> str:
    """The answer's content without the moment it was built: equal for the same things on screen."""
    data = json.loads(body)
    if isinstance(data, dict):
        data.pop("generated_at", None)
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def remember_feed_version(slug: str, etag: str, body: bytes, now: datetime, marked: bool = True) -> bool:
    """Keep a served feed answer under its ETag (once; the shared cache spares repeated lookups).

    True when the version is settled (kept now, or before by any process), False when the shared
    cache could not tell (unreachable) or the screen is gone: then the next serving tries again.
    `marked=False` skips the shared marker for an answer rendered for this request alone (not kept
    by the answer cache): its ETag is new (the answer carries the moment it was built), so the marker
    would only cost a round trip; the statement itself ignores a version kept before."""
    marker = f"roland:kiosk-feed-version:{slug}:{etag}"
    if marked and not cache.add(marker, 1, 24 * 3600):
        # Taken: kept before. Unless the cache failed open (cms.core.cache), which answers False too.
        return getattr(cache, "available", True)
    screen = active_screen(slug)  # the feed's own lookup, kept for the content version
    if screen is None:
        return False
    version = KioskFeedVersion(
        screen_id=screen.pk,
        etag=etag[:100],
        content_hash=content_hash(body),
        body=body.decode(),
        first_served_at=now,
    )
    # One INSERT … ON CONFLICT DO NOTHING, as bulk_create(ignore_conflicts=True) writes it, but
    # without the transaction bulk_create opens around it: BEGIN and COMMIT were two more round
    # trips on every feed answer (autocommit commits the single statement all the same).
    fields = [field for field in KioskFeedVersion._meta.concrete_fields if not field.primary_key]
    KioskFeedVersion.objects._insert([version], fields=fields, on_conflict=OnConflict.IGNORE)
    return True


class FeedVersionMiddleware:
    """Sees every kiosk feed answer with its final ETag (outside the answer cache) and keeps it.

    An answer from the answer cache is settled once per process: its hits then cost no round trip to
    the shared cache for the marker (the rate count stays a hit's one Redis command)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return response
        match = FEED_PATH.match(request.path)
        etag = response.get("ETag")
        if match is None or not etag:
            return response
        answer = kept_answer(response)
        if answer is not None and FEED_VERSION_NOTE in answer.notes:
            return response
        try:
            settled = remember_feed_version(
                match["slug"], etag, response.content, timezone.now(), marked=answer is not None
            )
        except Exception:  # the answer matters more than the admin's picture
            logger.exception("Could not keep the feed version %s of kiosk %s", etag, match["slug"])
            settled = False
        if answer is not None and settled:
            answer.notes.add(FEED_VERSION_NOTE)
        return response


def shown_version(screen: KioskScreen) -> KioskFeedVersion | None:
    """The stored feed version the screen last reported showing (None when unknown or pruned)."""
    etag = KioskStatus.objects.filter(screen=screen).values_list("feed_etag", flat=True).first()
    if not etag:
        return None
    return KioskFeedVersion.objects.filter(screen=screen, etag=etag).first()


def with_fleet_facts(screens):
    """Screens with their status and their newest feed version's content hash and time, in one query."""
    versions = KioskFeedVersion.objects.filter(screen=OuterRef("pk")).order_by("-first_served_at", "-pk")
    shown = KioskFeedVersion.objects.filter(screen=OuterRef("pk"), etag=OuterRef("fleet_status__feed_etag"))
    return screens.select_related("fleet_status").annotate(
        latest_feed_hash=Subquery(versions.values("content_hash")[:1]),
        latest_feed_at=Subquery(versions.values("first_served_at")[:1]),
        shown_feed_hash=Subquery(shown.values("content_hash")[:1]),
    )


def feed_state(screen: KioskScreen) -> str:
    """current / behind / unknown, for a screen from `with_fleet_facts`.

    Behind: a version with other content was served before the screen's last heartbeat, so the
    screen had its chance to fetch it. A newer copy of the same content (only `generated_at`
    differs) is still current.
    """
    status = getattr(screen, "fleet_status", None) if _has_status(screen) else None
    if status is None or not status.feed_etag or screen.shown_feed_hash is None:
        return "unknown"
    if screen.latest_feed_hash == screen.shown_feed_hash:
        return "current"
    if screen.latest_feed_at is not None and screen.latest_feed_at > status.last_seen:
        return "current"  # changed after its last heartbeat: not yet its turn
    return "behind"


def _has_status(screen: KioskScreen) -> bool:
    try:
        screen.fleet_status  # noqa: B018 (the related object may be missing)
    except KioskStatus.DoesNotExist:
        return False
    return True


def status_of(screen: KioskScreen) -> KioskStatus | None:
    return screen.fleet_status if _has_status(screen) else None


def may_watch(user) -> bool:
    """Who sees the fleet (status, pictures, proof of play): those who may see the kiosk screens."""
    return user.is_authenticated and (
        user.has_perm("roland_sites.view_kioskscreen") or user.has_perm("roland_sites.change_kioskscreen")
    )


# --- Colours and silence ------------------------------------------------------------------------


def silent_after(screen: KioskScreen) -> timedelta:
    """KIOSK_SILENT_AFTER, or two refresh intervals when they are longer (a slow screen is not silent)."""
    return max(timedelta(minutes=settings.KIOSK_SILENT_AFTER), timedelta(seconds=2 * screen.refresh_seconds))


def status_colour(screen: KioskScreen, status: KioskStatus | None, now: datetime) -> str:
    """green (heard within two refreshes), amber, red (silent past `silent_after`), grey (never heard);
    off for a screen switched off in the admin (its silence is expected)."""
    if not screen.is_active:
        return "off"
    if status is None:
        return "grey"
    age = now - status.last_seen
    if age < timedelta(seconds=2 * screen.refresh_seconds):
        return "green"
    if age >= silent_after(screen):
        return "red"
    return "amber"


def kiosk_recipients() -> list[str]:
    users = get_user_model().objects.filter(groups__name=KIOSK_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _announce(screen: KioskScreen, kind: str, last_seen: datetime, now: datetime) -> KioskAlert:
    recipients = kiosk_recipients()
    local = last_seen.astimezone(LOCAL_TZ)
    with translation.override(settings.LANGUAGE_CODE):
        if kind == AlertKind.SILENT:
            subject = _("Kiosk screen “%(name)s” is silent") % {"name": screen.name}
            body = _("The screen “%(name)s” (%(slug)s) has not reported since %(time)s.") % {
                "name": screen.name,
                "slug": screen.slug,
                "time": f"{local:%d.%m.%Y %H:%M}",
            }
        else:
            subject = _("Kiosk screen “%(name)s” is back") % {"name": screen.name}
            body = _("All clear: the screen “%(name)s” (%(slug)s) reported again at %(time)s.") % {
                "name": screen.name,
                "slug": screen.slug,
                "time": f"{local:%d.%m.%Y %H:%M}",
            }
    alert = KioskAlert.objects.create(screen=screen, kind=kind, created_at=now, last_seen=last_seen)
    if recipients:
        try:
            alert.recipients = len(recipients) if send_mail(subject, body, None, recipients) else 0
            alert.save(update_fields=["recipients"])
        except Exception:  # the dashboard still shows it; the next silence mails again
            logger.exception("Could not e-mail the kiosk alert for %s", screen.slug)
    return alert


def watch_screens(now: datetime | None = None) -> dict[str, int]:
    """The worker's periodic job: announce silent screens once, give the all-clear, prune old records.

    A conditional update claims each announcement, so two workers never send the same one twice.
    """
    now = now or timezone.now()
    silent = back = 0
    statuses = KioskStatus.objects.filter(screen__is_active=True).select_related("screen")
    for status in statuses:
        screen = status.screen
        if status.silent_since is None and now - status.last_seen >= silent_after(screen):
            claimed = KioskStatus.objects.filter(pk=status.pk, silent_since__isnull=True).update(
                silent_since=now
            )
            if claimed:
                _announce(screen, AlertKind.SILENT, status.last_seen, now)
                silent += 1
        elif status.silent_since is not None and status.last_seen > status.silent_since:
            claimed = KioskStatus.objects.filter(pk=status.pk, silent_since=status.silent_since).update(
                silent_since=None
            )
            if claimed:
                _announce(screen, AlertKind.BACK, status.last_seen, now)
                back += 1
    pruned = prune(now)
    return {"silent": silent, "back": back, "pruned": pruned}


def prune(now: datetime) -> int:
    """Old heartbeats, and feed versions beyond the newest few that no screen reports showing."""
    removed, _ = KioskHeartbeat.objects.filter(received_at__lt=now - timedelta(days=HEARTBEAT_DAYS)).delete()
    shown = dict(KioskStatus.objects.values_list("screen_id", "feed_etag"))
    for screen_id in KioskFeedVersion.objects.values_list("screen_id", flat=True).distinct():
        keep = KioskFeedVersion.objects.filter(screen_id=screen_id).order_by("-first_served_at", "-pk")
        cut = keep.values_list("first_served_at", flat=True)[FEED_VERSIONS_KEPT - 1 : FEED_VERSIONS_KEPT]
        if not cut:
            continue
        old = KioskFeedVersion.objects.filter(screen_id=screen_id, first_served_at__lt=cut[0])
        count, _ = old.exclude(etag=shown.get(screen_id, "")).delete()
        removed += count
    return removed


# --- Proof of play ------------------------------------------------------------------------------


@dataclass
class PlayRow:
    key: str
    label: str
    shows: int
    seconds: int
    screens: int = 0


def play_totals(start: date, end: date, screen: KioskScreen | None = None):
    rows = KioskPlayTotal.objects.filter(day__range=(start, end))
    if screen is not None:
        rows = rows.filter(screen=screen)
    return rows


def item_titles(items: Iterable[str]) -> dict[str, str]:
    """'event:12' → the page's title, in one query (admin eyes only: drafts keep their titles)."""
    items = list(items)
    ids = {int(item.split(":")[1]) for item in items}
    titles = dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))
    return {item: titles.get(int(item.split(":")[1]), item) for item in items}


def plays_by_screen(start: date, end: date, screen: KioskScreen | None = None) -> list[PlayRow]:
    rows = (
        play_totals(start, end, screen)
        .values("screen__slug", "screen__name")
        .annotate(shows=Sum("shows"), seconds=Sum("seconds"))
        .order_by("screen__name", "screen__slug")
    )
    return [PlayRow(r["screen__slug"], r["screen__name"], r["shows"], r["seconds"]) for r in rows]


def plays_by_item(start: date, end: date, screen: KioskScreen | None = None) -> list[PlayRow]:
    rows = list(
        play_totals(start, end, screen)
        .values("item")
        .annotate(shows=Sum("shows"), seconds=Sum("seconds"), screens=Count("screen", distinct=True))
        .order_by("-seconds", "item")
    )
    titles = item_titles(r["item"] for r in rows)
    return [PlayRow(r["item"], titles[r["item"]], r["shows"], r["seconds"], r["screens"]) for r in rows]


def plays_csv(start: date, end: date, screen: KioskScreen | None = None) -> str:
    """One row per screen, day and item (the stored totals), for a spreadsheet."""
    rows = list(
        play_totals(start, end, screen)
        .select_related("screen")
        .order_by("day", "screen__slug", "item")
        .values_list("day", "screen__slug", "screen__name", "item", "shows", "seconds")
    )
    titles = item_titles(row[3] for row in rows)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "screen", "screen_name", "item", "title", "shows", "seconds"])
    for day, slug, name, item, shows, seconds in rows:
        writer.writerow(
            [
                day.isoformat(),
                slug,
                spreadsheet_safe(name),
                item,
                spreadsheet_safe(titles[item]),
                shows,
                seconds,
            ]
        )
    return out.getvalue()


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (titles are typed in by editors)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
