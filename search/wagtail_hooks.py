"""Admin registration: editors keep the search synonyms of each language."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    list_display = ["terms", "locale"]
    list_filter = ["locale"]
    search_fields = ["terms"]
    ordering = ["locale", "terms"]


register_snippet(SynonymGroupViewSet)
