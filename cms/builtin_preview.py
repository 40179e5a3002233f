"""The built-in preview ("Roland-Vorschau"): a draft as the website would get it, rendered by Roland.

For sites without a reachable website (the demo's is a reserved example domain) the preview panel
would frame a page that cannot load. Instead the draft Wagtail hands to the preview goes through the
detail builders of /api/v1/preview (`render_draft`, what the website gets for a token), and the
JSON is shown as a plain page: local CSS, no scripts, German labels. Its own policy allows nothing
but that stylesheet and the images.
"""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from cms.api.preview import render_draft
from cms.security_headers import preview_policy

WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


def first_rendition(image: dict | None) -> dict | None:
    """The largest rendition of an image in the answer (the preview shows one)."""
    renditions = (image or {}).get("renditions") or {}
    return max(renditions.values(), key=lambda rendition: rendition["width"], default=None)


def hours_rows(opening_hours: dict | None) -> list[dict]:
    """Weekly opening hours as readable rows: weekday names and the times."""
    return [
        {**rule, "days": ", ".join(WEEKDAYS[day] for day in rule["weekdays"] if 0 <= day < 7)}
        for rule in (opening_hours or {}).get("weekly", [])
    ]


def render_builtin_preview(page: Page, request: HttpRequest) -> HttpResponse:
    """The draft's preview page: the JSON /api/v1/preview would answer for it, rendered readably.

    No preview token: Wagtail passes the draft itself, which a token would only store and read back."""
    draft = render_draft(request, page)
    data = draft.model_dump(mode="json") if draft is not None else {"title": page.title}
    response = TemplateResponse(
        request,
        "cms/builtin_preview.html",
        {
            "draft": data,
            "image": first_rendition(data.get("image")),
            "hours": hours_rows(data.get("opening_hours")),
        },
    )
    response["Cache-Control"] = "private, no-store"
    response._csp_config = preview_policy()  # read by cms.security_headers' middleware (django-csp)
    return response
