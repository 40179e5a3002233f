"""The fleet's endpoints under /kiosks/: the heartbeat, and the player showing a screen's reported feed.

The heartbeat is CSRF-exempt (a kiosk has no session) but only for existing active screens; the
rules are in `sites.fleet`. The "picture" is the real player page (same HTML and JS) reading the
stored feed version the screen reported; it is for people who may see the kiosk admin only, since a
stored version may hold something that has left public view since.
"""

import json

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from cms.core.problems import ApiProblem, problem_response
from cms.core.visibility import find_site, site_facts

from . import fleet
from .kiosk_views import labels_for
from .kiosks import screen_languages_for
from .models import KioskScreen


@csrf_exempt  # posted by kiosk browsers without a session; only active screens are accepted
def heartbeat(request: HttpRequest, slug: str) -> HttpResponse:
    if request.method != "POST":
        return problem_response(405, "Post the heartbeat.", headers={"Allow": "POST"})
    screen = KioskScreen.objects.filter(slug=slug, is_active=True).first()
    if screen is None:
        return problem_response(404, f"No active kiosk screen '{slug[:40]}'.")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > fleet.MAX_BODY_BYTES:
        return problem_response(413, f"A heartbeat has at most {fleet.MAX_BODY_BYTES} bytes.")
    if request.content_type != "application/json":
        return problem_response(
            415, "Send the heartbeat as application/json.", [{"param": "body", "message": "application/json"}]
        )
    now = timezone.now()
    retry = fleet.take_heartbeat_slot(screen, now)
    if retry is not None:
        return problem_response(
            429, "Too many heartbeats for this screen; retry later.", headers={"Retry-After": str(retry)}
        )
    body = request.body
    if len(body) > fleet.MAX_BODY_BYTES:
        return problem_response(413, f"A heartbeat has at most {fleet.MAX_BODY_BYTES} bytes.")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return problem_response(400, "The body is not JSON.", [{"param": "body", "message": "a JSON object"}])
    try:
        beat = fleet.parse_heartbeat(data, now)
    except ApiProblem as problem:
        return problem_response(problem.status, problem.detail, problem.errors)
    fleet.record_heartbeat(screen, beat, now)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@xframe_options_sameorigin  # shown in the admin's frame
def shown(request: HttpRequest, slug: str) -> HttpResponse:
    """The player page reading the feed version the screen reported (no service worker, no heartbeat)."""
    if not fleet.may_watch(request.user):
        return redirect_to_login(request.get_full_path(), login_url=reverse("wagtailadmin_login"))
    screen = KioskScreen.objects.filter(slug=slug).first()
    if screen is None:
        raise Http404("No such kiosk screen.")
    codes = screen_languages_for(screen, list(site_facts(find_site(request)).locales))
    config = {
        "feed": f"/kiosks/{screen.slug}/shown-feed",
        "worker": "/kiosks/sw.js",
        "refresh": max(10, screen.refresh_seconds),
        "locales": codes,
        "labels": labels_for(codes),
        "preview": True,
    }
    response = render(
        request, "kiosks/player.html", {"screen": screen, "config": json.dumps(config), "lang": codes[0]}
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def shown_feed(request: HttpRequest, slug: str) -> HttpResponse:
    """The stored feed version the screen reported, as it was served."""
    if not fleet.may_watch(request.user):
        return problem_response(403, "Sign in to the admin to see what a screen shows.")
    screen = KioskScreen.objects.filter(slug=slug).first()
    version = fleet.shown_version(screen) if screen is not None else None
    if version is None:
        return problem_response(404, "The screen has not reported a feed version that is still kept.")
    response = HttpResponse(version.body, content_type="application/json")
    response["ETag"] = version.etag
    response["Cache-Control"] = "private, no-store"
    return response
