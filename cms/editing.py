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
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page

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
            return view_func(request, *view_args, **view_kwargs)
