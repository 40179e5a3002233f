"""Admin registration and editor feedback for tourism content."""

from django.contrib import messages
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import OFFICE_PANELS
from .events_admin import event_buttons, events_viewset
from .intake_admin import import_source_viewset
from .models import Category, Event, Organizer
from .services.event_actions import CANCEL_LOG_ACTION
from .services.intake import LOG_ACTION
from .services.occurrences import occurrence_window
from .services.recurrence import rule_warning
from .validators import outside_region


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug", "kind", "schema_type", Column("locale", label=gettext_lazy("Language"))]
    list_filter = ["kind", "locale"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Category.objects.select_related("locale")


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


def _warn_many_dates(request, page) -> None:
    """Saved anyway: a long series may be meant, but a typo in COUNT or UNTIL is likelier."""
    specific = page.specific
    if isinstance(specific, Event) and specific.recurrence_rule:
        warning = rule_warning(specific.recurrence_rule, specific.start, occurrence_window()[1])
        if warning:
            messages.warning(request, warning)


hooks.register("after_create_page", _warn_many_dates)
hooks.register("after_edit_page", _warn_many_dates)


@hooks.register("register_admin_viewset")
def register_import_sources():
    return import_source_viewset


@hooks.register("register_admin_viewset")
def register_events_list():
    return events_viewset


hooks.register("register_page_listing_more_buttons", event_buttons)


@hooks.register("register_page_header_buttons")
def event_header_buttons(page, user, view_name, next_url=None):
    yield from event_buttons(page, user, next_url=next_url)


@hooks.register("insert_global_admin_css")
def events_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("tourism/events_admin.css"))


@hooks.register("register_log_actions")
def register_cancel_log_action(actions) -> None:
    @actions.register_action(CANCEL_LOG_ACTION)
    class CancelledFormatter(LogFormatter):
        label = gettext_lazy("Event cancelled")

        def format_message(self, log_entry) -> str:
            return _("Event cancelled: %(note)s") % {"note": (log_entry.data or {}).get("note", "")}


@hooks.register("register_log_actions")
def register_import_log_action(actions) -> None:
    @actions.register_action(LOG_ACTION)
    class ImportedFormatter(LogFormatter):
        label = gettext_lazy("Imported")

        def format_message(self, log_entry) -> str:
            data = log_entry.data or {}
            source = data.get("source", "")
            if data.get("created"):
                return _("Created by the import from “%(source)s”") % {"source": source}
            if data.get("removed"):
                return _("Unpublished: no longer listed by “%(source)s”") % {"source": source}
            return _("Updated by the import from “%(source)s”: %(fields)s") % {
                "source": source,
                "fields": ", ".join(data.get("fields", [])),
            }


@hooks.register("construct_homepage_panels")
def add_office_panels(request, panels: list) -> None:
    """The office's lists (tourism.dashboard) for everyone who edits pages."""
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.extend(panel() for panel in OFFICE_PANELS)
