"""Admin registration and editor feedback for tourism content."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category, Organizer
from .validators import outside_region


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "kind", "schema_type"]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]


class OrganizerViewSet(SnippetViewSet):
    model = Organizer
    icon = "group"
    list_display = ["name", "website", "email"]
    search_fields = ["name"]


register_snippet(CategoryViewSet)
register_snippet(OrganizerViewSet)


def _warn_outside_region(request, page) -> None:
    specific = page.specific
    if outside_region(getattr(specific, "latitude", None), getattr(specific, "longitude", None)):
        messages.warning(
            request,
            _("The coordinates of '%(title)s' lie outside the Haldensleben region — please check them.")
            % {"title": specific.title},
        )


hooks.register("after_create_page", _warn_outside_region)
hooks.register("after_edit_page", _warn_outside_region)
