"""GET /api/v1/changes: the change feed partners sync by (the rules are in cms.core.changes).

Answers are `Cache-Control: no-cache`: the server-side answer cache never keeps one (cms.core.
http_cache), so a poll always reads the feed as committed; clients and CDNs revalidate by ETag.
"""

import re
from datetime import datetime
from typing import Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from pydantic import Field

from cms.core import changes, registry
from cms.core.i18n import known_locale
from cms.core.params import parse_moment, strict_query
from cms.core.problems import ApiProblem, Problem, bad_param
from cms.core.schema import Schema
from cms.core.timezone import LOCAL_TZ
from cms.core.visibility import find_site, site_facts
from tourism import models as _registers_the_content_types  # noqa: F401  (the enum below lists them)

router = Router(tags=["Sync"])
NO_CACHE = "no-cache"
ItemType = Literal[registry.names()]
DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
RESYNC = (
    "This cursor or moment is older than the change feed keeps ({days} days, or what was pruned): "
    "re-sync in full (the bulk export, /api/v1/export/{{collection}}.ndjson), then follow the feed "
    "from since=<the moment the full sync started>."
)


class ChangeParams(Schema):
    since: str | None = Field(
        None,
        max_length=100,
        description=(
            "Where to go on from: `next_cursor` of the previous answer, or an ISO 8601 datetime "
            "(or date) for every change from then on. Without it: from the oldest change kept."
        ),
    )
    type: list[ItemType] = Field([], description="Only items of this type; repeat for several.")
    locale: str | None = Field(None, max_length=10, description="Only items in this language, e.g. de.")
    limit: int = Field(100, ge=1, le=1000, description="Entries per answer (1–1000).")


class ChangeItem(Schema):
    type: ItemType = Field(description="The item's API type.")
    id: int = Field(description="The item's id (its detail is at `api_url`).")
    locale: str = Field(description="The item's language; each translation is an item of its own.")
    action: Literal["upsert", "delete"] = Field(
        description=(
            "`upsert`: the item is public (new, edited, or visible again): fetch `api_url`. "
            "`delete`: it left public view (unpublished, deleted, restricted, expired, moved out "
            "of the site, translation withdrawn): drop it."
        )
    )
    changed_at: datetime = Field(description="When the change was committed (Europe/Berlin).")
    api_url: str = Field(description="The item's detail in this API (a 404 after a delete).")


class ChangeFeed(Schema):
    items: list[ChangeItem] = Field(description="Changes in commit order, oldest first.")
    next_cursor: str = Field(description="Pass as `since` next time (also when `items` is empty).")
    has_more: bool = Field(description="More changes are waiting: ask again at once with `next_cursor`.")


def _detail_location(item_type: str, item_id: int) -> str:
    content_type = registry.named(item_type)
    return f"/api/v1/{content_type.detail_path(item_id)}" if content_type else registry.stock_detail(item_id)


def _start(since: str | None) -> int | None:
    """The sequence to read after: from a cursor, or from a moment."""
    if since is None:
        return None
    if DATE_LIKE.match(since):
        moment = parse_moment("since", since)
        return changes.after_moment(moment)
    try:
        return changes.decode_cursor(since)
    except changes.InvalidCursor:
        raise bad_param("since", "not a cursor from next_cursor nor an ISO 8601 datetime") from None


@router.get(
    "/changes",
    response={200: ChangeFeed, 400: Problem, 410: Problem},
    summary="What changed since a cursor",
    openapi_extra={
        "responses": {
            200: {
                "headers": {
                    "Cache-Control": {
                        "description": "no-cache: revalidate with the ETag; the server never keeps an answer.",
                        "schema": {"type": "string"},
                    }
                }
            },
            410: {"description": "The cursor or moment is older than the feed keeps: sync in full again."},
        }
    },
)
@strict_query(ChangeParams)
def change_feed(request: HttpRequest, params: Query[ChangeParams], response: HttpResponse):
    """Every point of interest, event and news item of this site that became public, changed, or left
    public view, in commit order, with a cursor to go on from.

    Sync loop: note the time, read everything once (the bulk exports, /api/v1/export/), then ask `?since=<that time>` and from then on
    `?since=<next_cursor>` (at once while `has_more`, else at your interval). Apply `upsert` by
    fetching `api_url`, `delete` by dropping the item. Cursors stay valid for the retention
    (default 90 days); an older one is a 410: sync in full again. Never cached by the server.
    Consumers: partner apps and the state's tourism data hub.
    """
    response["Cache-Control"] = NO_CACHE
    site = find_site(request)
    locales = site_facts(site).locales
    known_locale(params.locale, locales)
    try:
        page = changes.read(
            site,
            _start(params.since),
            types=params.type or registry.names(),  # (entries of a type since retired are skipped)
            locale=params.locale,
            limit=params.limit,
        )
    except changes.CursorExpired:
        detail = RESYNC.format(days=settings.CHANGES_RETENTION_DAYS)
        raise ApiProblem(410, detail, [{"param": "since", "message": detail}]) from None
    return {
        "items": [
            {
                "type": entry.item_type,
                "id": entry.item_id,
                "locale": entry.locale,
                "action": entry.action,
                "changed_at": entry.changed_at.astimezone(LOCAL_TZ),
                "api_url": request.build_absolute_uri(_detail_location(entry.item_type, entry.item_id)),
            }
            for entry in page.entries
        ],
        "next_cursor": changes.encode_cursor(page.next_sequence),
        "has_more": page.has_more,
    }
