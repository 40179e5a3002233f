"""Admin screens of the channels: partner API clients, webhooks and their delivery log, kiosk screens
and their notices."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .kiosk_admin import KioskScreenViewSet
from .notice_admin import ALL_CLEAR_ACTION, KioskNoticeViewSet
from .views import ApiClientViewSet, WebhookDeliveryViewSet, WebhookSubscriptionViewSet

register_snippet(ApiClientViewSet)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets() -> list:
    return [WebhookSubscriptionViewSet("webhooks"), WebhookDeliveryViewSet("webhook-deliveries")]


@hooks.register("register_admin_viewset")
def register_kiosk_viewset() -> KioskScreenViewSet:
    return KioskScreenViewSet("kiosks")


@hooks.register("register_admin_viewset")
def register_kiosk_notice_viewset() -> KioskNoticeViewSet:
    return KioskNoticeViewSet("kiosk-notices")


@hooks.register("register_log_actions")
def register_kiosk_log_actions(actions) -> None:
    actions.register_action(
        ALL_CLEAR_ACTION, _("All clear"), _("All clear given: the notice ended on every screen")
    )
