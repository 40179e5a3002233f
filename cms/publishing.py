"""The one publish pipeline: everything that happens when public content changes, in order.

Every way content changes — the admin, scheduled go-live and expiry (cms.scheduling), imports, the
demo loader, a shell — ends in Wagtail's signals or a model save; the receivers in cms.signals only
call the functions here. For a page that is published the order is:

1. occurrences: an event's dates become rows of the occurrence table (tourism.services.occurrences);
   a submitted event's image leaves the restricted collection it waited in (sites.submissions);
2. search entry: the own search table is rewritten from the page and its occurrences (search.index);
3. versions and the change feed: the content (and, for a site root, the visibility) version is
   raised in the same transaction, so every process stops serving cached answers that could contain
   the page (cms.core.versions); the change feed gets an entry for whatever this changed publicly,
   as the visibility rule decides (cms.core.changes), and so does every other page whose detail shows
   something of this one (its language versions, pages linking to it, events at a place, the places
   of an event: tourism.selectors.pages_showing); the CDN is purged once the change is committed
   (cms.cdn, a background task);
4. webhooks: deliveries are queued once the change is committed (sites.webhooks);
5. translations: a translation source's non-text fields (dates, status, venue, coordinates, rows,
   images) are copied to its translations, each published (if live) through these same steps
   (cms.core.translations); a change of its strings marks its translations outdated until they are
   published again by a translator (recorded before step 3 for the translation's own publish).

Unpublishing, moving and deleting run the same steps in the same order. Changes to snippets, images,
kiosk screens and synonyms raise the content version; changes to sites, locales, restrictions,
collections and site settings raise the visibility version (and sites, locales and restrictions
compare the pages they may hide or show with the change feed), and a collection's or an image's change
of visibility moves the image's renditions to the folder that visibility asks for (media.files).
A failing webhook step is logged and never fails the publish; every other step is part of the
publishing transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar

from django.db import transaction
from wagtail.models import Page

from cms.core import changes, translations, versions
from media.files import drop_misplaced_renditions
from media.renditions import generate_preset_renditions
from media.tasks import render_presets
from search import index as search_index
from search import wagtail_entries
from sites import submissions, webhooks
from sites.api_keys import clients_changed
from sites.models.webhooks import WebhookEvent
from tourism.models import Event
from tourism.selectors import pages_showing
from tourism.services import occurrences

from .cdn import purge_api

logger = logging.getLogger("roland.publishing")


# --- an optional recorder of the steps (bench_publish) -------------------------------------------

# Called with a step's name, it gives the context the step runs in; None (always, but in the
# benchmark) costs a step one lookup.
_step_recorder: ContextVar[Callable[[str], AbstractContextManager] | None] = ContextVar(
    "publishing_step_recorder", default=None
)


@contextmanager
def recording_steps(recorder: Callable[[str], AbstractContextManager]) -> Iterator[None]:
    """Run the pipeline's steps inside `recorder(name)` (the publish benchmark times them so)."""
    token = _step_recorder.set(recorder)
    try:
        yield
    finally:
        _step_recorder.reset(token)


def _step(name: str) -> AbstractContextManager:
    recorder = _step_recorder.get()
    return nullcontext() if recorder is None else recorder(name)


# --- pages ---------------------------------------------------------------------------------------


def page_published(page: Page) -> None:
    page = page.specific
    if not page.live:
        # Wagtail sends this for a revision scheduled for later too; until it goes live (through
        # cms.scheduling, which publishes it again) nothing the public sees has changed.
        _remembered(_venues_before).pop(page.pk, None)
        return
    if isinstance(page, Event):
        with _step("occurrences"):
            # A submitted event's image leaves the restricted collection it waited in (an image
            # save, so its renditions and answers follow through image_saved).
            submissions.release_image(page)
            occurrences.refresh_occurrences(page)
    if search_index.content_kind(page) is not None:
        with _step("search index"):
            search_index.index_page(page)
    with _step("outdated translation texts"):
        # A translation published by a translator is made from its source as it is now (not outdated).
        translations.note_translated(page)
    _page_versions(page, edited=True)
    _notify(page, WebhookEvent.PUBLISHED)
    with _step("translations following the source"):
        # What is not text follows a source onto its translations, each published through these
        # same steps (never syncing back), so a cancelled event is cancelled in every language at once.
        translations.follow_source(page)


def page_unpublished(page: Page) -> None:
    page = page.specific
    if isinstance(page, Event):
        occurrences.remove_occurrences(page)
    search_index.remove_page(page.pk)
    _page_versions(page, edited=False)
    _notify(page, WebhookEvent.UNPUBLISHED)


def page_moved(page: Page, url_changed: bool = True) -> None:
    """A move changes paths (site membership, restrictions that apply) of the whole subtree, and
    (unless it only reordered siblings) the public URL of every page in it."""
    search_index.index_subtree(page)
    versions.bump(versions.VISIBILITY)
    content_changed({page.pk: page.specific_class})
    _announce_showing(changes.subtree_changed(page.path, edited=url_changed))


def page_deleting(page: Page) -> None:
    """Before the delete: the webhook payload (URL, site, locale) and the pages that show this one
    need the page as it was."""
    _notify(page.specific, WebhookEvent.DELETED)
    _remembered(_showing_before)[page.pk] = pages_showing([page.pk])


def page_deleted(page: Page) -> None:
    """After the delete: occurrences and the search entry went with the page (cascade)."""
    _page_versions(page, edited=False, deleted=True)


def search_entry_saved(instance, update_fields) -> None:
    """Wagtail's search index of a content page, in the saving transaction (the admin's search and
    stock v2 read it); a save of revision bookkeeping only changes no entry (search.wagtail_entries)."""
    with _step("search index (Wagtail)"):
        wagtail_entries.object_saved(instance, update_fields)


def search_entry_deleted(instance) -> None:
    wagtail_entries.object_deleted(instance)


def event_saving(event: Event, update_fields) -> None:
    """Before an event's row is written: the place it was at, whose upcoming events change with it."""
    if event.pk and (update_fields is None or "venue" in update_fields):
        before = Event.objects.filter(pk=event.pk).values_list("venue_id", flat=True).first()
        if before is not None and before != event.venue_id:
            _remembered(_venues_before).setdefault(event.pk, set()).add(before)


# What a change needs to know of the page as it was, by page id: the pages that showed it (found
# before a delete) and the places an event was at (found before its row is written).
_showing_before: ContextVar[dict[int, set[int]] | None] = ContextVar("showing_before", default=None)
_venues_before: ContextVar[dict[int, set[int]] | None] = ContextVar("venues_before", default=None)


def _remembered(var: ContextVar) -> dict[int, set[int]]:
    found = var.get()
    if found is None:
        found = {}
        var.set(found)
    return found


def _page_versions(page: Page, edited: bool, deleted: bool = False) -> None:
    """Versions, then the change feed (whose lock comes last, after the versions' rows)."""
    root = page.depth is not None and page.depth <= 2
    with _step("invalidation"):
        if root:  # a site root: the sites' facts change
            versions.bump(versions.VISIBILITY)
        content_changed({page.pk: page.specific_class} if page.pk else {})
    with _step("change feed"):
        _page_changes(page, root, edited, deleted)


def _page_changes(page: Page, root: bool, edited: bool, deleted: bool) -> None:
    if root and page.path and Page.objects.filter(pk=page.pk).exists():
        _announce_showing(changes.subtree_changed(page.path, edited=False))  # pages join or leave the site
    elif page.pk:
        announced = changes.pages_changed([page.pk], edited=edited)
        # What showed the page before (a delete, a former venue) or shows it now changed too, when
        # the change was a public one (a draft, or a page that never was public, shows nowhere).
        venues = _remembered(_venues_before).pop(page.pk, set())
        showed = _remembered(_showing_before).pop(page.pk, set()) if deleted else set()
        if announced:
            showing = showed if deleted else pages_showing([page.pk], venue_ids=venues)
            changes.pages_changed(showing, edited=True)


def _announce_showing(changed: set[int]) -> None:
    """Items whose public state changed: the pages showing them changed as well."""
    if changed:
        changes.pages_changed(pages_showing(changed), edited=True)


def _notify(page: Page, event: str) -> None:
    # A webhook problem is logged, never passed on: publishing must not fail because of webhooks.
    # The savepoint keeps the publishing transaction usable should a query here fail.
    try:
        with _step("webhooks"), transaction.atomic():
            webhooks.page_changed(page, event)
    except Exception:
        logger.exception("Webhook deliveries for page %s (%s) were not queued", page.pk, event)


# --- everything else a public answer shows -------------------------------------------------------


def content_changed(page_ids: dict[int, type] | None = None) -> None:
    """Cached answers that could show the change go now; the CDN is purged after the commit."""
    versions.bump(versions.CONTENT)
    changed = dict(page_ids or {})

    def purge() -> None:
        with _step("invalidation"):
            purge_api(changed)

    transaction.on_commit(purge, robust=True)


def visibility_changed() -> None:
    """A site, locale, restriction, collection or site setting changed: what is public may differ."""
    versions.bump(versions.VISIBILITY)


def sites_changed() -> None:
    """A site or locale changed: any page may have joined or left a site."""
    visibility_changed()
    _announce_showing(changes.reconcile())


def restriction_changed(page_path: str | None) -> None:
    """A page's view restriction was added, changed or lifted: its subtree may hide or show.

    None when the restriction goes with its page: the pages' own deletion tells the change feed.
    """
    visibility_changed()
    if page_path:
        _announce_showing(changes.subtree_changed(page_path, edited=False))


def collections_changed() -> None:
    """A collection or a collection's view restriction changed: what is public may differ, and
    renditions of images whose visibility changed are stored in the wrong folder (public ones of a
    restricted image would stay reachable on object storage): they go once the change is committed,
    and answers that carried their URLs with them."""
    visibility_changed()

    def relocate() -> None:
        if drop_misplaced_renditions():
            content_changed()

    transaction.on_commit(relocate, robust=True)


# Images saved inside `renditions_in_the_worker`, or None outside it.
_images_for_the_worker: ContextVar[set[int] | None] = ContextVar("images_for_the_worker", default=None)


def image_saved(image) -> None:
    """Preset renditions are made once the image is committed (publish-time work), in the folder its
    collection's visibility asks for (inside `renditions_in_the_worker`, by the worker); answers that
    show the image change now."""

    def renditions() -> None:
        drop_misplaced_renditions(image)  # it may have moved into or out of a restricted collection
        generate_preset_renditions(image)

    batch = _images_for_the_worker.get()
    if batch is not None:
        batch.add(image.pk)
    else:
        transaction.on_commit(renditions, robust=True)
    content_changed()


@contextmanager
def renditions_in_the_worker() -> Iterator[None]:
    """Images saved inside get their preset renditions from the worker (one task, queued after the
    commit) instead of at once: a bulk load (the demo: about six WebP encodings per picture) would
    otherwise wait for them. A reader that comes first renders a missing preset itself
    (media.schemas, media.api), so no answer lacks a rendition URL meanwhile."""
    batch: set[int] = set()
    token = _images_for_the_worker.set(batch)
    try:
        yield
    finally:
        _images_for_the_worker.reset(token)
    if batch:
        image_ids = sorted(batch)
        transaction.on_commit(lambda: render_presets.enqueue(image_ids), robust=True)


def api_clients_changed() -> None:
    clients_changed()


def occurrence_horizon_extended(changed_event_ids: list[int]) -> None:
    """The daily horizon job wrote new occurrences: search's "upcoming" facts and event lists follow."""
    search_index.refresh_occurrence_ends(changed_event_ids)
    content_changed()


def keep_change_feed() -> dict[str, int]:
    """The daily upkeep of the change feed: anything public that it missed (a change written around
    the pipeline, or everything once after the feed was installed) is announced, and entries older
    than the retention go."""
    changed = changes.reconcile()
    _announce_showing(changed)
    return {"announced": len(changed), "pruned": changes.prune()}


def extend_occurrence_horizon(progress=None) -> tuple[int, int]:
    """Move every live event's occurrences on to the horizon, through the pipeline; (events, rows)."""
    events, rows, changed = occurrences.extend_all(progress=progress)
    occurrence_horizon_extended(changed)
    return events, rows
