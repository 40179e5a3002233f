"""Admin screens of the channels: partner API clients, webhooks and their delivery log, kiosk screens."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .kiosk_admin import KioskScreenViewSet
from .views import ApiClientViewSet, WebhookDeliveryViewSet, WebhookSubscriptionViewSet

register_snippet(ApiClientViewSet)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets() -> list:
    return [WebhookSubscriptionViewSet("webhooks"), WebhookDeliveryViewSet("webhook-deliveries")]


@hooks.register("register_admin_viewset")
def register_kiosk_viewset() -> KioskScreenViewSet:
    return KioskScreenViewSet("kiosks")
