"""Partner API keys: issuing, checking and remembering their use.

Business rules only; the HTTP side (headers, 401 answers) lives in cms.api.access.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from cms.core import versions

from .models import ApiClient

KEY_PREFIX = "rol_"
_LAST_USED_EVERY = 60  # seconds between writes of last_used_at per client


@dataclass(frozen=True)
class ClientIdentity:
    """What a request needs to know about its client, cacheable without touching the database."""

    pk: int
    name: str
    rate_limit: int
    may_submit_events: bool = False


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_key(client: ApiClient) -> str:
    """Give the client a new key; the caller shows it once, only its digest is kept."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    client.key_hash = hash_key(key)
    client.key_prefix = key[: len(KEY_PREFIX) + 6]
    return key


def clients_changed() -> None:
    """Called when any client changes, so a revoked key fails on the very next request."""
    versions.bump(versions.API_CLIENTS)


def authenticate(key: str) -> ClientIdentity | None:
    """The active client holding this key, or None. Cached per key digest and client version."""
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    digest = hash_key(key)
    version = versions.current(versions.API_CLIENTS)
    cache_key = f"roland:api-client:{version}:{digest}"
    cached = cache.get(cache_key)
    if cached is not None:
        return cached or None
    client = ApiClient.objects.filter(key_hash=digest, is_active=True).first()
    identity = (
        ClientIdentity(client.pk, client.name, client.rate_limit, client.may_submit_events)
        if client
        else None
    )
    cache.set(cache_key, identity or False, 300)
    return identity


def record_use(identity: ClientIdentity) -> None:
    """Keep last_used_at roughly current without a database write per request."""
    if cache.add(f"roland:api-client-used:{identity.pk}", 1, _LAST_USED_EVERY):
        ApiClient.objects.filter(pk=identity.pk).update(last_used_at=timezone.now())
