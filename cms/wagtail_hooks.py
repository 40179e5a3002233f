"""Wagtail hooks of the assembly: page URLs answered headless, the sign-in lockouts report and its
permission, the page editor's submit waiting for its autosave (cms.editing), the page editor's
message after a workflow action."""

from django.contrib import messages as django_messages
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, WorkflowState

from .lockout_admin import UNLOCK_PERMISSION, can_unlock, lockouts_view
from .pages import page_answer

# Before Wagtail's own method check (order 0) and its view restrictions (an on_serve_page wrapper).
hooks.register("before_serve_page", page_answer, order=-100)


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_unlock(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls() -> list:
    return [path("lockouts/", lockouts_view, name="roland_lockouts")]


@hooks.register("register_reports_menu_item")
def register_lockouts_menu_item() -> MenuItem:
    return LockoutsMenuItem(_("Sign-in lockouts"), reverse("roland_lockouts"), icon_name="lock", order=900)


@hooks.register("register_permissions")
def register_unlock_permission():
    """Deleting django-axes' records of failures ("access attempts") is what unlocking does."""
    app_label, codename = UNLOCK_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("insert_editor_js")
def autosave_before_submit() -> str:
    """A publish clicked while an autosave is due or on its way goes after it (cms.editing)."""
    return format_html('<script src="{}"></script>', static("cms/admin/autosave-before-submit.js"))


def workflow_outcome(page: Page, action: str) -> str | None:
    """What a workflow action in the page editor did to `page`, said in words; None for an action of
    a task of another kind (its own message stands)."""
    state = page.workflow_states.order_by("-created_at", "-pk").first()
    title = {"title": page.get_admin_display_title()}
    if state is None:
        return None
    if action == "reject" and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _("Changes to “%(title)s” have been requested.") % title
    if action == "approve" and state.status == WorkflowState.STATUS_APPROVED:
        scheduled = Page.objects.get(pk=page.pk).scheduled_revision  # approved with a go-live ahead
        if scheduled is not None:
            return _("“%(title)s” has been approved and will be published on %(date)s.") % {
                **title,
                "date": date_format(localtime(scheduled.approved_go_live_at), "DATETIME_FORMAT"),
            }
        return _("“%(title)s” has been approved and published.") % title
    if action == "approve" and state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        return _("“%(title)s” has been approved; next step: %(task)s.") % {
            **title,
            "task": state.current_task_state.task.name,
        }
    return None


@hooks.register("after_edit_page")
def say_what_the_workflow_action_did(request, page) -> None:
    """Wagtail's page editor says "Seite ‚…‘ wurde aktualisiert." after *Freigeben und
    Veröffentlichen* and *Änderungen anfordern* alike (`EditView.perform_workflow_action` →
    `add_save_confirmation_message`, the message of a plain save). The edit view's URL cannot be
    taken over (hook URLs come after Wagtail's), so this hook, which runs right after, puts the
    message of what happened in its place: the queued messages are read (Django's public way to
    take them) and all but Wagtail's added again."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return
    said = workflow_outcome(page, request.POST.get("workflow-action-name", ""))
    if said is None:
        return
    wagtails = messages.render(
        _("Page '%(page_title)s' has been updated.") % {"page_title": page.get_admin_display_title()}, None
    )
    storage = django_messages.get_messages(request)
    kept = [message for message in storage if str(message.message) != wagtails]
    for message in kept:
        storage.add(message.level, message.message, message.extra_tags)
    messages.success(request, said)
