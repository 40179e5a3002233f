"""Urgent notices on kiosk screens: which screens a notice is for, what a feed carries, who received it.

- A notice is in a screen's feed from the moment it is saved until it ends, also when it starts
  later within the feed's look-ahead: a screen that is offline at the start time still shows it from
  its cached feed, and hides it at its end (the player and the service worker compare the times).
- It ends at `ends_at`, or earlier at the all clear (*Entwarnung*), which only sets `ended_at`.
- A screen confirms a notice the first time the player itself fetches a feed containing it; the
  admin's preview and other readers of the feed do not count.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet

from cms.core.timezone import LOCAL_TZ
from tourism.services.geo import distance_km

from .models import KioskNotice, KioskNoticeConfirmation, KioskScreen, Target


def point_of(screen: KioskScreen) -> tuple[float, float] | None:
    """Where the screen stands: its venue's coordinates, else its own."""
    venue = screen.venue if screen.venue_id else None
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        return float(venue.latitude), float(venue.longitude)
    if screen.latitude is not None and screen.longitude is not None:
        return float(screen.latitude), float(screen.longitude)
    return None


def reaches(notice: KioskNotice, screen: KioskScreen, point: tuple[float, float] | None) -> bool:
    """Whether a notice's radius covers a screen standing at `point` (all/selected are decided in SQL)."""
    if notice.target != Target.RADIUS:
        return True
    if point is None or notice.latitude is None or notice.longitude is None or notice.radius_km is None:
        return False
    distance = distance_km(point[0], point[1], float(notice.latitude), float(notice.longitude))
    return distance <= float(notice.radius_km)


def not_ended(moment: datetime) -> Q:
    return Q(ends_at__gt=moment) & (Q(ended_at__isnull=True) | Q(ended_at__gt=moment))


def notices_for(screen: KioskScreen, now: datetime, until: datetime) -> list[KioskNotice]:
    """The notices for a screen that have not ended by `now` and start before `until`, earliest first.

    One query: all and selected targets in SQL, the radius on the few rows that name one.
    """
    chosen = KioskNotice.screens.through.objects.filter(
        kiosknotice_id=OuterRef("pk"), kioskscreen_id=screen.pk
    )
    rows = (
        KioskNotice.objects.filter(not_ended(now), starts_at__lt=until)
        .filter(Q(target=Target.ALL) | Q(target=Target.RADIUS) | Q(Exists(chosen), target=Target.SELECTED))
        .order_by("starts_at", "pk")
    )
    point = point_of(screen)
    return [notice for notice in rows if reaches(notice, screen, point)]


def targeted_screens(notice: KioskNotice) -> QuerySet[KioskScreen]:
    """The active screens a notice is for (the admin's list of who should confirm it)."""
    screens = KioskScreen.objects.filter(is_active=True).select_related("venue").order_by("name", "pk")
    if notice.target == Target.SELECTED:
        return screens.filter(notices=notice)
    if notice.target == Target.RADIUS:
        return screens.filter(pk__in=[s.pk for s in screens if reaches(notice, s, point_of(s))])
    return screens


def text_for(notice: KioskNotice, code: str) -> str:
    """The text in a language, else in the default language, else the first one written."""
    texts = notice.texts or {}
    return texts.get(code) or texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


def notice_data(notice: KioskNotice, codes: list[str]) -> dict:
    """A notice as the feed carries it; `updated` makes every save a new feed (a new ETag)."""
    return {
        "id": notice.pk,
        "severity": notice.severity,
        "start": notice.starts_at.astimezone(LOCAL_TZ),
        "end": notice.effective_end.astimezone(LOCAL_TZ),
        "updated": notice.updated_at.astimezone(LOCAL_TZ),
        "texts": {code: {"text": text_for(notice, code)} for code in codes},
    }


def unconfirmed(screen: KioskScreen, notice_ids: Iterable[int]) -> set[int]:
    """Those of the notices the screen has not confirmed yet (one query; none when there are none)."""
    ids = set(notice_ids)
    if not ids:
        return set()
    done = KioskNoticeConfirmation.objects.filter(screen=screen, notice_id__in=ids).values_list(
        "notice_id", flat=True
    )
    return ids - set(done)


def confirm(screen: KioskScreen, notice_ids: Iterable[int], now: datetime) -> int:
    """Record that the screen received these notices; only the first time counts. Returns how many were new."""
    ids = unconfirmed(screen, notice_ids)
    if not ids:
        return 0
    rows = [KioskNoticeConfirmation(notice_id=pk, screen=screen, confirmed_at=now) for pk in sorted(ids)]
    KioskNoticeConfirmation.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@transaction.atomic
def all_clear(notice: KioskNotice, user, now: datetime) -> bool:
    """*Entwarnung*: end the notice now on every screen. False when it had already ended.

    Saving the notice raises the content version (cms.signals), so every feed changes at once.
    """
    notice = KioskNotice.objects.select_for_update().get(pk=notice.pk)
    if notice.effective_end <= now:
        return False
    notice.ended_at = now
    notice.ended_by = user if user is not None and user.is_authenticated else None
    notice.save(update_fields=["ended_at", "ended_by", "updated_at"])
    return True
