"""Wagtail hooks of the assembly: page URLs answered headless, the sign-in lockouts report and its
permission, the page editor's submit waiting for its autosave (cms.editing)."""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
