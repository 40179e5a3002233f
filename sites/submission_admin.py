"""The admin dashboard's panel of submissions waiting for moderation."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail.admin.ui.components import Component

from .submissions import pending_submissions


class PendingSubmissionsPanel(Component):
    name = "pending_event_submissions"
    order = 200  # above Wagtail's own lists of pages in moderation (210, 220)

    def __init__(self, request) -> None:
        self.request = request

    def render_html(self, parent_context=None) -> SafeString:
        return render_to_string(
            "submissions/admin_panel.html",
            {"submissions": pending_submissions()},
            request=self.request,
        )
