"""Admin wiring: the glossary snippet, and the two views that machine-translate taken over from
wagtail-localize (same URLs, registered first, so its buttons and forms post here)."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
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
    ]


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "keep", "note"]
    list_filter = ["keep"]
    search_fields = ["term"]


register_snippet(GlossaryViewSet)
