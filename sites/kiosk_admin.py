"""Kiosk screens in the admin: settings, and a live preview of the screen's player on its edit page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, Panel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from .fleet_admin import FeedVersionColumn, FleetIndexView, LastSeenColumn, ShownPanel
from .models import KioskScreen


class PlayerPreviewPanel(Panel):
    """The player page in a scaled-down frame, as the screen shows it now (after saving)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "kiosks/preview_panel.html"

        def is_shown(self) -> bool:
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            screen = self.instance
            context.update({"screen": screen, "player_url": f"{screen.get_player_url()}?preview=1"})
            return context


class KioskScreenCreateView(CreateView):
    """After *Erstellen* the editor lands on the new screen's edit page, where its preview is."""

    def get_success_url(self) -> str:
        return self.get_edit_url()

    def get_success_buttons(self) -> list:
        return []  # the message's "Bearbeiten" would lead to the page already shown


class KioskScreenViewSet(ModelViewSet):
    model = KioskScreen
    icon = "desktop"
    menu_label = _("Kiosk screens")
    add_to_admin_menu = True
    menu_order = 900
    add_to_reference_index = False
    index_view_class = FleetIndexView  # with each screen's status (sites.fleet_admin)
    add_view_class = KioskScreenCreateView
    list_display = [
        "name",
        "slug",
        LastSeenColumn("last_seen", label=_("Last seen")),
        FeedVersionColumn("feed_version", label=_("Feed version shown")),
        "orientation",
        "refresh_seconds",
        BooleanColumn("is_active", label=_("Active"), sort_key="is_active"),  # a tick, not "True"
        "updated_at",
    ]
    list_filter = ["is_active", "orientation"]
    search_fields = ["name", "slug"]
    edit_handler = ObjectList(
        [
            *KioskScreen.panels,
            PlayerPreviewPanel(heading=_("Preview")),
            ShownPanel(heading=_("What the screen shows now")),
        ]
    )
