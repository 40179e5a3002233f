"""Admin wiring: the glossary snippet, the two views that machine-translate taken over from
wagtail-localize (same URLs, registered first, so its buttons and forms post here), bulk
translation (the page bulk action, the menu "Übersetzung" with its pages), and the *Übersetzungen*
overview with its dashboard panels."""

from csp.constants import UNSAFE_INLINE
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize import wagtail_hooks as localize_hooks

from . import bulk, bulk_admin, overview, review, views
from .models import GlossaryTerm


@hooks.register("register_admin_urls", order=-10)
def register_machine_translation_url() -> list:
    # wagtail-localize mounts its views under localize/; Wagtail resolves the first match.
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            views.machine_translate,
            name="roland_machine_translate",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.UpdateTranslationsView.as_view(),
            name="roland_update_translations",
        ),
        path("images/<int:image_id>/machine-translate-texts/", views.image_texts, name="roland_image_texts"),
        path("translations/", overview.overview, name="roland_translations"),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return overview.may_see(request.user)


@hooks.register("construct_homepage_panels")
def add_translation_panels(request, panels: list) -> None:
    if overview.may_see(request.user) and overview.target_locales():
        panels.append(overview.MissingTranslationsPanel(request))
        panels.append(overview.MissingImageTextsPanel(request))


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "keep", "note"]
    list_filter = ["keep"]
    search_fields = ["term"]


register_snippet(GlossaryViewSet)


def _with_inline_styles(response):
    """wagtail-localize's translation editor styles itself with styled-components, which inserts
    <style> elements without a nonce it could be given (the bundle reads webpack's own): under the
    admin's `style-src 'self'` the editor stayed blank. Its answers alone allow inline styles."""
    if hasattr(response, "status_code"):
        response._csp_update = {"style-src": [UNSAFE_INLINE]}
    return response


@hooks.register("before_edit_page", order=-2)
def submit_translation_for_review(request, page):
    """*Zur Freigabe einreichen* from wagtail-localize's translation editor (review.py).

    The editor's footer is a form posting `action` to the page's edit URL, which Wagtail hands to
    the `before_edit_page` hooks after checking the edit permission; wagtail-localize's hook ignores
    an action it does not know, so ours runs first and answers `action=submit`. The button itself is
    wagtail-localize's publish button, offered to those who may not publish and relabelled
    (`roland_review` template tag, `editor_submit.js`): its bundle builds a fixed set of actions and
    takes the last as the main one, so a button of its own kind is the smallest change that
    survives its re-rendering. A publish posted by someone who may not publish stays refused
    (wagtail-localize's 403)."""
    if request.method != "POST" or request.POST.get("action") != review.SUBMIT_ACTION:
        return None
    if review.synchronised_translation(page) is None:
        return None
    try:
        submitted = review.submit_translation(page, request.user)
    except review.NotSubmitted as refused:
        messages.error(request, refused.message)
        return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("Translation “%(title)s” has been submitted for approval.")
        % {"title": submitted.page.get_admin_display_title()},
        buttons=[messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Edit"))],
    )
    return redirect("wagtailadmin_explore", submitted.page.get_parent().pk)


# Before wagtail-localize's own hooks (order 0), which then do not run for the editor's answer.
@hooks.register("before_edit_page", order=-1)
def translation_editor_for_page(request, page):
    return _with_inline_styles(localize_hooks.before_edit_page(request, page))


@hooks.register("before_edit_snippet", order=-1)
def translation_editor_for_snippet(request, instance):
    return _with_inline_styles(localize_hooks.before_edit_snippet(request, instance))


# --- bulk translation (cms.translation.bulk, views in bulk_admin) ---------------------------------


@hooks.register("register_admin_urls")
def register_bulk_translation_urls() -> list:
    return [
        path("translation/missing/", bulk_admin.missing_view, name="roland_translation_missing"),
        path("translation/jobs/", bulk_admin.jobs_view, name="roland_translation_jobs"),
        path("translation/jobs/<int:job_id>/", bulk_admin.job_view, name="roland_translation_job"),
        path("translation/review/", bulk_admin.review_view, name="roland_translation_review_first"),
        path(
            "translation/review/<str:language_code>/",
            bulk_admin.review_view,
            name="roland_translation_review",
        ),
        path(
            "translation/review/<str:language_code>/publish/",
            bulk_admin.review_publish_view,
            name="roland_translation_review_publish",
        ),
    ]


hooks.register("register_bulk_action", bulk_admin.TranslateBulkAction)


@hooks.register("before_bulk_action")
def translations_publish_their_strings(request, action_type, objects, action_class_instance) -> None:
    """Wagtail's bulk publish of translations publishes what their translators see (bulk.py)."""
    if action_type == "publish" and isinstance(action_class_instance, PageBulkAction):
        bulk.write_strings_into_drafts(objects, request.user)


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return bulk.may_translate(request.user)


class TranslationMenu(SubmenuMenuItem):
    def is_shown(self, request) -> bool:
        return bulk.may_translate(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_menu() -> MenuItem:
    menu = Menu(
        items=[
            TranslationsMenuItem(
                pgettext_lazy("translation overview", "Translations"),
                reverse("roland_translations"),
                icon_name="list-ul",
                order=5,
            ),
            TranslatorsMenuItem(
                _("Translate what is missing"),
                reverse("roland_translation_missing"),
                icon_name="globe",
                order=10,
            ),
            TranslatorsMenuItem(
                _("Review translations"),
                reverse("roland_translation_review_first"),
                icon_name="tick",
                order=20,
            ),
            TranslatorsMenuItem(
                _("Bulk translations"), reverse("roland_translation_jobs"), icon_name="list-ul", order=30
            ),
        ]
    )
    return TranslationMenu(_("Translation"), menu, icon_name="globe", name="roland-translation", order=240)
