"""One change of a page at a time in the admin: its edit view's and its create view's posts, each in
one transaction that first takes the page's row (the parent's, for a new page).

Wagtail 8 autosaves a page half a second after the editor stops typing. Its edit view reads the
page when a request starts and writes the whole row back when it ends, outside any transaction; an
autosave that read the page just before a publish committed wrote it back afterwards as a draft
(not live, the published revision no longer the latest): the admin had said "veröffentlicht", and
the API and the feeds never showed the item. Taken in turn, the later of the two reads the page as
the earlier one left it, and Wagtail's own check then refuses an autosave based on a revision older
than the page's latest one ("Saving will overwrite a newer version.").

Two posts to the create view under one parent (an autosave creating the draft while the publish
of the same form is on its way) are taken in turn too: the later one meets the earlier one's page
in its slug check (a message on the field, or the autosave's JSON error), not as a 500 from the
tree insert. The editor's side waits for an autosave on its way before it submits
(`cms/static/cms/admin/autosave-before-submit.js`), so a publish goes to the page the autosave made.

A new page created by an autosave alone (the editor typed, then left without a click) is noted
(`AutosavedNewPage`) until the editor saves, publishes or submits it; left alone for
ABANDONED_DRAFT_HOURS, the worker deletes it (`delete_abandoned_drafts`), so its slug does not stay
taken by a draft nobody meant to keep.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.models import Page

from .models import AutosavedNewPage

logger = logging.getLogger(__name__)

# The admin views that write a page, and the URL argument naming the row each one takes.
PAGE_WRITING_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:add": "parent_page_id",
}


def claim_page(page_id: int) -> bool:
    """Take the page's row until the current transaction ends (a write that changes nothing): on
    PostgreSQL its row lock, on SQLite the database's write lock. Whoever comes next waits and then
    reads what this transaction committed. False if there is no such page."""
    return Page.objects.filter(pk=page_id).update(locked=F("locked")) > 0


def autosaved(response: HttpResponse) -> dict | None:
    """The answer of a successful autosave (Wagtail's JSON), else None."""
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("application/json"):
        return None
    try:
        answer = json.loads(response.content)
    except ValueError:
        return None
    return answer if isinstance(answer, dict) and answer.get("success") else None


def page_written(view_name: str, page_id: int, response: HttpResponse) -> None:
    """After a post to the edit or create view: note a page that an autosave created, forget it
    once the editor saved, published or submitted it (any post of the form itself that went
    through)."""
    answer = autosaved(response)
    if view_name == "wagtailadmin_pages:add":
        if answer is not None and answer.get("pk"):
            AutosavedNewPage.objects.get_or_create(page_id=answer["pk"])
    elif answer is None and response.status_code == 302:
        AutosavedNewPage.objects.filter(page_id=page_id).delete()


def delete_abandoned_drafts(before: datetime | None = None) -> int:
    """Delete the new pages only an autosave ever saved, untouched since `before` (default:
    ABANDONED_DRAFT_HOURS ago) and never published; how many went."""
    before = before or timezone.now() - timedelta(hours=settings.ABANDONED_DRAFT_HOURS)
    deleted = 0
    noted_pages = list(
        AutosavedNewPage.objects.filter(created_at__lt=before).values_list("page_id", flat=True)
    )
    for noted in noted_pages:
        with transaction.atomic():
            claim_page(noted)
            page = Page.objects.filter(pk=noted).first()
            if page is None:
                continue
            edited = page.latest_revision_created_at
            if page.live or page.first_published_at or page.get_children().exists():
                AutosavedNewPage.objects.filter(page_id=noted).delete()  # kept after all
                continue
            if edited and edited >= before:
                continue
            logger.info("Deleting the abandoned autosaved draft %s (%r)", page.pk, page.title)
            page.delete()  # through Wagtail's signals: the publish pipeline hears of it
            deleted += 1
    return deleted


class OnePageChangeAtATimeMiddleware:
    """Runs the admin's page edit and create posts inside `claim_page`'s transaction.

    Last of the middleware with a view hook: it calls the view itself.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        match = request.resolver_match
        argument = PAGE_WRITING_VIEWS.get(match.view_name) if match else None
        if argument is None or argument not in view_kwargs:
            return None
        with transaction.atomic():
            claim_page(view_kwargs[argument])
            response = view_func(request, *view_args, **view_kwargs)
            page_written(match.view_name, view_kwargs[argument], response)
        return response
