"""Admin wiring: the glossary snippet, the two views that machine-translate taken over from
wagtail-localize (same URLs, registered first, so its buttons and forms post here), and the
*Übersetzungen* overview with its dashboard panels."""

from csp.constants import UNSAFE_INLINE
from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize import wagtail_hooks as localize_hooks

from . import overview, views
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


@hooks.register("register_reports_menu_item")
def register_translations_menu_item() -> MenuItem:
    return TranslationsMenuItem(
        pgettext_lazy("translation overview", "Translations"),
        reverse("roland_translations"),
        icon_name="globe",
        order=905,
    )


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


# Before wagtail-localize's own hooks (order 0), which then do not run for the editor's answer.
@hooks.register("before_edit_page", order=-1)
def translation_editor_for_page(request, page):
    return _with_inline_styles(localize_hooks.before_edit_page(request, page))


@hooks.register("before_edit_snippet", order=-1)
def translation_editor_for_snippet(request, instance):
    return _with_inline_styles(localize_hooks.before_edit_snippet(request, instance))
