"""The kiosk player: the page, its service worker and QR codes for the items it shows.

The page is a shell; everything it shows comes from the feed (/api/v1/kiosks/{slug}/feed), so a
screen that loses the server keeps running from the last feed its service worker kept.
"""

import io
import json
from pathlib import Path

import segno
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe
from wagtail.models import Page

from cms.core.context import api_context
from cms.core.http_cache import etag_for
from cms.core.visibility import find_site, site_facts, visible_pages

from .kiosks import screen_languages_for
from .models import KioskScreen

SERVICE_WORKER = Path(__file__).parent / "static" / "kiosks" / "sw.js"

# With a context of their own: Wagtail's catalogues translate some of these words for other uses.
LABELS = {
    "now": pgettext_lazy("kiosk player", "Now"),
    "next": pgettext_lazy("kiosk player", "Later today"),
    "upcoming": pgettext_lazy("kiosk player", "Coming up"),
    "news": pgettext_lazy("kiosk player", "News"),
    "highlights": pgettext_lazy("kiosk player", "Nearby"),
    "cancelled": pgettext_lazy("kiosk player", "Cancelled"),
    "all_day": pgettext_lazy("kiosk player", "All day"),
    "free": pgettext_lazy("kiosk player", "Free admission"),
    "scan": pgettext_lazy("kiosk player", "Scan for details"),
    "nothing_now": pgettext_lazy("kiosk player", "Nothing is on at the moment."),
    "nothing_next": pgettext_lazy("kiosk player", "Nothing more today."),
    "idle": pgettext_lazy("kiosk player", "This screen is resting."),
    "back_at": pgettext_lazy("kiosk player", "Back at {time}."),
    "offline": pgettext_lazy("kiosk player", "Offline · last updated {time}"),
    "severity_info": pgettext_lazy("kiosk player", "Information"),
    "severity_warning": pgettext_lazy("kiosk player", "Warning"),
    "severity_danger": pgettext_lazy("kiosk player", "Danger"),
    "until": pgettext_lazy("kiosk player", "Until {time}"),
    "open_until": pgettext_lazy("kiosk player", "Open until {time}"),
    "nothing_open": pgettext_lazy("kiosk player", "Nothing nearby is open at the moment."),
}


def labels_for(codes: list[str]) -> dict[str, dict[str, str]]:
    """The player's own texts in each of the screen's languages."""
    labels = {}
    for code in codes:
        with translation.override(code):
            labels[code] = {key: str(text) for key, text in LABELS.items()}
    return labels


@require_safe  # GET and HEAD (link checkers, monitoring)
@xframe_options_sameorigin  # the admin shows the player as a preview
def player(request: HttpRequest, slug: str) -> HttpResponse:
    screen = KioskScreen.objects.filter(slug=slug, is_active=True).first()
    if screen is None:
        raise Http404("No such kiosk screen.")
    codes = screen_languages_for(screen, list(site_facts(find_site(request)).locales))
    config = {
        "feed": f"/api/v1/kiosks/{screen.slug}/feed",
        "worker": "/kiosks/sw.js",
        "screen": screen.slug,
        "refresh": screen.refresh_seconds,
        # Notices reach an online screen within this many seconds (cheap 304s in between).
        "poll": settings.KIOSK_POLL_SECONDS,
        "locales": codes,
        "labels": labels_for(codes),
        "preview": request.GET.get("preview") == "1",
        "heartbeat": f"/kiosks/{screen.slug}/heartbeat",
    }
    response = render(
        request,
        "kiosks/player.html",
        {"screen": screen, "config": json.dumps(config), "lang": codes[0]},
    )
    response["Cache-Control"] = "no-cache"
    return response


@require_safe  # GET and HEAD (link checkers, monitoring)
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from /kiosks/ so its scope covers every player page."""
    response = HttpResponse(SERVICE_WORKER.read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/kiosks/"
    return response


@require_safe  # GET and HEAD (link checkers, monitoring)
def qr_code(request: HttpRequest, page_id: int) -> HttpResponse:
    """A QR code (SVG) of a visible page's public URL; hidden or unknown pages are a 404.

    Visibility is checked before any revalidation, so a copy of a page hidden since gets no 304.
    """
    page = visible_pages(Page.objects.filter(pk=page_id), find_site(request)).first()
    if page is None:
        raise Http404("No such page.")
    url = api_context(request, None).public_url(page)
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", border=2, xmldecl=False, title=str(_("QR code")))
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    return revalidated(request, response)


def revalidated(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Kept by caches no longer than an API answer, then revalidated by a strong ETag.

    A page can be hidden at any time: without stale-while-revalidate a cache stops showing its
    code within API_CACHE_MAX_AGE, and a revalidation of a hidden page reaches the 404.
    """
    etag = etag_for(response.content)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}, must-revalidate"
    return get_conditional_response(request, etag=etag, response=response)
