"""Content-Security-Policy and Permissions-Policy for every answer, a policy per surface.

The surface is chosen by path: API answers (data only) allow nothing at all; the API docs and the
kiosk player run only the scripts their own templates mark with the request's nonce; the Wagtail
admin is as strict as Wagtail itself allows; everything else (password forms, error pages, the
lockout page, media files) gets a policy that allows no script. A view that sets its own policy
(Wagtail's document and image views do) keeps it. django-csp builds the header and the nonce.

What the admin has to allow, and why (Wagtail 8): script-src 'unsafe-inline'. Wagtail's own templates
carry inline scripts (InlinePanel, MultipleChooserPanel, the date and time widgets; jQuery runs them
again when a panel adds a form) and widgets render without the request, so they cannot carry a
nonce; scripts in HTML fetched later (modals) could not carry the page's nonce either. Nothing else:
no 'unsafe-eval', no inline styles (the screens tried in tests/e2e need none), no other origins for
scripts, styles, frames, forms or connections, and only this site may frame it (the live preview).
One exception, set on its answers by cms/translation: wagtail-localize's translation editor inserts
<style> elements (styled-components, no nonce it could be given) and may use inline styles.
"""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

# Nothing on any surface asks for these; geolocation included (the kiosk knows its place from its
# settings, the website is another origin).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)

# Data only: nothing in an API answer may load, run or be framed.
API = {"default-src": [NONE], "frame-ancestors": [NONE]}


def _media() -> list[str]:
    """Where media files come from besides this server (object storage, a CDN)."""
    return list(settings.MEDIA_ORIGINS)


def map_tile_origins() -> list[str]:
    """The origin of the admin map picker's tiles (ROLAND_MAP_TILE_URL), none when unset; a `{s}`
    subdomain placeholder becomes a wildcard."""
    url = settings.ROLAND_MAP_TILE_URL
    if not url:
        return []
    parts = urlsplit(url.replace("{s}", "x"))
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        return []
    host = parts.netloc.replace("x.", "*.", 1) if "{s}." in url else parts.netloc
    return [f"{parts.scheme}://{host}"]


def docs_policy() -> dict:
    """Swagger UI from ninja's static files; its scripts carry the nonce (cms/templates/ninja)."""
    return {
        "default-src": [NONE],
        "script-src": [NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [NONE],
    }


def kiosk_policy() -> dict:
    """The player, its service worker and QR codes; the admin shows the player in a frame."""
    return {
        "default-src": [NONE],
        "script-src": [NONCE],
        "style-src": [SELF],
        "img-src": [SELF, *_media()],
        # The player fetches the feed and, for its offline copy, every image it shows.
        "connect-src": [SELF, *_media()],
        "worker-src": [SELF],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [SELF],
    }


def admin_policy() -> dict:
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:", *_media(), *map_tile_origins()],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def site_policy() -> dict:
    """Password forms, the lockout page, error pages, files: markup and the form, no scripts."""
    return {
        "default-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def preview_policy() -> dict:
    """Roland's built-in preview in the admin's frame: its stylesheet and the draft's images only."""
    return {
        "default-src": [NONE],
        "style-src": [SELF],
        "img-src": [SELF, *_media()],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [SELF],
    }


def policy_for(path: str) -> dict:
    """The policy of the surface a path belongs to."""
    if path.startswith("/api/v1/docs"):
        return docs_policy()
    if path.startswith("/api/"):
        return API
    if path.startswith("/kiosks/"):
        return kiosk_policy()
    if path.startswith("/admin/"):
        return admin_policy()
    return site_policy()


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by surface; adds the Permissions-Policy."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:  # no view decorator chose a policy of its own
            parts.config = policy_for(request.path_info)
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
