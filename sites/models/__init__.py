"""The channels' configuration: site settings, partner API clients, webhook subscriptions."""

from .api_clients import ApiClient
from .settings import SiteSettings, validate_origins

__all__ = ["ApiClient", "SiteSettings", "validate_origins"]
