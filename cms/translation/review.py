"""A translation handed to the Freigabe: *Zur Freigabe einreichen* in wagtail-localize's editor.

wagtail-localize's translation editor takes the place of Wagtail's page editor for a synchronised
translation, and offers its own publish only; a translator who may not publish had no way to hand
a finished translation on (the editor's main button was *Löschen*). The translator's strings live in
wagtail-localize's tables, apart from the page, so submitting takes two steps, in one transaction:
the strings written into a new revision of the translation (the rule `bulk.write_strings_into_drafts`
the review queue's publish uses too), then that page into its moderation workflow, as Wagtail's page
editor submits (`workflow.start`, or `resume` after the Freigabe asked for changes). The Freigabe
approves it where Wagtail shows pages awaiting review; the workflow then publishes the latest
revision, the one with the strings, through the publish pipeline.

An incomplete translation is refused, not submitted with a note: a string without translation goes
live in the source language (wagtail-localize fills the gap with the German text), the Freigabe
would have to find it in a page of English, and an office expects what reaches the approval to be
finished. The message says how many texts are missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.locks import WorkflowLock
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from . import bulk

SUBMIT_ACTION = "submit"  # the value of the editor's `action` field for *Zur Freigabe einreichen*


class NotSubmitted(Exception):
    """Nothing was submitted; `message` says why, in German, for the editor."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Submitted:
    page: Page
    state: WorkflowState


def synchronised_translation(page: Page) -> Translation | None:
    """wagtail-localize's record of `page` as a synchronised translation (the one its editor edits)."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def offers_submission(page: Page, user: AbstractBaseUser) -> bool:
    """Whether the translation editor's main action for `user` is *Zur Freigabe einreichen*: they
    may edit the page but not publish it, and the page has a review to hand it to."""
    perms = page.permissions_for_user(user)
    return perms.can_edit() and not perms.can_publish() and page.get_workflow() is not None


def submit_translation(page: Page, user: AbstractBaseUser) -> Submitted:
    """Write the translator's strings into a new revision of the translation `page` and submit it to
    the page's workflow. Raises NotSubmitted (nothing written) with a German message when the
    translation is incomplete, the page has no workflow, is locked, or is already awaiting approval
    from someone else's submission. Submitting again while the review runs restarts it on the new
    revision (Wagtail's *restart workflow*), so the Freigabe approves what the translator has now."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()  # the draft's, as the editor shows it
    record = synchronised_translation(page)
    if record is None:
        raise NotSubmitted(_("“%(title)s” is not a synchronised translation.") % {"title": title})
    total, translated = record.get_progress()
    if translated < total:
        raise NotSubmitted(
            _(
                "Translation “%(title)s” is not complete: %(missing)s of %(total)s texts are not "
                "translated yet. Please translate them all before submitting it for approval."
            )
            % {"title": title, "missing": total - translated, "total": total}
        )
    workflow = page.get_workflow()
    if workflow is None:
        raise NotSubmitted(
            _("“%(title)s” has no review workflow; please ask an administrator.") % {"title": title}
        )
    lock = page.get_lock()
    if lock is not None and not isinstance(lock, WorkflowLock) and lock.for_user(user):
        raise NotSubmitted(_("“%(title)s” is locked and cannot be submitted.") % {"title": title})
    state = page.current_workflow_state
    if (
        state is not None
        and state.status == WorkflowState.STATUS_IN_PROGRESS
        and not state.user_can_cancel(user)
    ):
        raise NotSubmitted(_("“%(title)s” is already awaiting approval.") % {"title": title})
    try:
        with transaction.atomic():
            bulk.write_strings_into_drafts([page], user)
            if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(user)  # what Wagtail's editor does when changes were asked for
            else:
                if state is not None:
                    state.cancel(user=user)
                workflow.start(page, user)
    except ValidationError as error:
        raise NotSubmitted(
            _("The translation of “%(title)s” could not be saved: %(errors)s")
            % {"title": title, "errors": "; ".join(error.messages)}
        ) from None
    page = Page.objects.get(pk=page.pk).specific
    return Submitted(page=page, state=page.current_workflow_state)
