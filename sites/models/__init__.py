"""The channels' configuration: site settings, partner API clients, webhook subscriptions."""

from .api_clients import ApiClient
from .settings import SiteSettings, validate_origins
from .webhooks import WebhookDelivery, WebhookSubscription

__all__ = ["ApiClient", "SiteSettings", "WebhookDelivery", "WebhookSubscription", "validate_origins"]
