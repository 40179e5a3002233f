"""Admin screens of the channels: partner API clients, webhook subscriptions and their delivery log."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .views import ApiClientViewSet, WebhookDeliveryViewSet, WebhookSubscriptionViewSet

register_snippet(ApiClientViewSet)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets() -> list:
    return [WebhookSubscriptionViewSet("webhooks"), WebhookDeliveryViewSet("webhook-deliveries")]
