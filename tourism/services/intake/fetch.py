"""Fetching a source through the guarded fetcher (cms.core.outbound), redirects re-checked each.

The fetcher never follows redirects; here each target is taken through it again, so a public URL
that redirects into the private network is refused like that address typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.utils.translation import gettext as _

from cms.core import outbound

from .records import SourceError

MAX_REDIRECTS = 3
# What a server may call each kind; text/html (a login or error page) never passes.
CONTENT_TYPES = {
    "ical": {"text/calendar", "text/plain", "application/octet-stream", "application/ics"},
    "csv": {
        "text/csv",
        "text/plain",
        "application/csv",
        "application/vnd.ms-excel",
        "application/octet-stream",
    },
    "jsonld": {"application/ld+json", "application/json", "text/plain", "application/octet-stream"},
}
ANY_KIND = set().union(*CONTENT_TYPES.values())
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}


@dataclass(frozen=True)
class Fetched:
    body: bytes
    content_type: str
    url: str  # after redirects


def fetch(url: str, kind: str | None = None, *, max_bytes: int | None = None) -> Fetched:
    """The body of a source URL, or SourceError saying (in German for the report) what went wrong.

    `kind` "image" fetches an item's image (image types only, the upload size limit).
    """
    allowed = IMAGE_TYPES if kind == "image" else CONTENT_TYPES.get(kind or "", ANY_KIND)
    limit = max_bytes or settings.IMPORT_MAX_BYTES
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            answer = outbound.request(
                "GET",
                url,
                headers={"Accept": ", ".join(sorted(allowed)), "User-Agent": "Roland-Import/1"},
                timeout=settings.IMPORT_TIMEOUT_SECONDS,
                deadline=settings.IMPORT_TIMEOUT_SECONDS,  # the whole answer, not only each read
                allow_private=settings.IMPORT_ALLOW_PRIVATE_SOURCES,
                max_bytes=limit,
            )
        except outbound.UnsafeTarget as error:
            raise SourceError(_("Refused: %(url)s: %(reason)s") % {"url": url, "reason": error}) from None
        except outbound.ResponseTooLarge:
            raise SourceError(
                _("%(url)s is larger than %(size)s MB.") % {"url": url, "size": limit // 1_000_000}
            ) from None
        except outbound.FetchFailed as error:
            if error.kind == "Timeout":
                raise SourceError(
                    _("No answer from %(url)s within %(seconds)s seconds.")
                    % {"url": url, "seconds": settings.IMPORT_TIMEOUT_SECONDS}
                ) from None
            raise SourceError(
                _("%(url)s cannot be fetched: %(reason)s") % {"url": url, "reason": error}
            ) from None
        if answer.status in (301, 302, 303, 307, 308) and answer.headers.get("Location"):
            url = urljoin(url, answer.headers["Location"])
            continue
        if answer.status != 200:
            raise SourceError(_("%(url)s answered HTTP %(status)s.") % {"url": url, "status": answer.status})
        content_type = (answer.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type and content_type not in allowed:
            raise SourceError(
                _("%(url)s sent %(type)s, not a file of this kind.") % {"url": url, "type": content_type}
            )
        return Fetched(body=answer.body, content_type=content_type, url=url)
    raise SourceError(
        _("%(url)s redirects more than %(count)s times.") % {"url": url, "count": MAX_REDIRECTS}
    )
