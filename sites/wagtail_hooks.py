"""Admin screens of the channels: partner API clients, webhooks and their delivery log, kiosk screens
and their notices."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .fleet import may_watch
from .fleet_admin import FleetDashboardPanel, plays_view
from .kiosk_admin import KioskScreenViewSet
from .notice_admin import ALL_CLEAR_ACTION, KioskNoticeViewSet
from .submission_admin import PendingSubmissionsPanel
from .views import ApiClientViewSet, WebhookDeliveryViewSet, WebhookSubscriptionViewSet

register_snippet(ApiClientViewSet)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets() -> list:
    return [WebhookSubscriptionViewSet("webhooks"), WebhookDeliveryViewSet("webhook-deliveries")]


@hooks.register("register_admin_viewset")
def register_kiosk_viewset() -> KioskScreenViewSet:
    return KioskScreenViewSet("kiosks")


class PlaysMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_watch(request.user)


@hooks.register("register_admin_urls")
def register_fleet_urls() -> list:
    return [path("kiosk-plays/", plays_view, name="roland_kiosk_plays")]


@hooks.register("register_reports_menu_item")
def register_plays_menu_item() -> MenuItem:
    return PlaysMenuItem(_("Proof of play"), reverse("roland_kiosk_plays"), icon_name="desktop", order=910)


@hooks.register("construct_homepage_panels")
def add_fleet_panel(request, panels: list) -> None:
    if may_watch(request.user):
        panels.append(FleetDashboardPanel())


@hooks.register("insert_global_admin_css")
def fleet_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("kiosks/fleet.css"))


@hooks.register("register_admin_viewset")
def register_kiosk_notice_viewset() -> KioskNoticeViewSet:
    return KioskNoticeViewSet("kiosk-notices")


@hooks.register("register_log_actions")
def register_kiosk_log_actions(actions) -> None:
    actions.register_action(
        ALL_CLEAR_ACTION, _("All clear"), _("All clear given: the notice ended on every screen")
    )


@hooks.register("construct_homepage_panels")
def add_pending_submissions_panel(request, panels) -> None:
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(PendingSubmissionsPanel(request))
