"""Who is calling, by network address: the one rule for the API's rate limits and the login lockouts.

The socket's address counts, unless `API_TRUSTED_PROXY_HEADER` names the header a trusted reverse
proxy sets: then the last entry of that header (the one the proxy appended) is the caller. A client
cannot escape a limit by inventing the header when no proxy is configured. IPv6 callers count per
/64 network, as one host (or one customer line) usually owns a whole /64.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _raw_address(request: HttpRequest) -> str:
    raw = request.META.get("REMOTE_ADDR", "")
    header = settings.API_TRUSTED_PROXY_HEADER
    if header:
        forwarded = request.headers.get(header, "")
        if forwarded:
            # The trusted proxy appends the address it saw: the last entry is the one it vouches for.
            raw = forwarded.split(",")[-1].strip()
    return raw


def client_network(request: HttpRequest) -> Network | None:
    """The caller's network (an IPv4 address, or an IPv6 /64); None when the address is unreadable."""
    return _network(_raw_address(request))


# Parsing an address is a fair part of a cached answer's own work; the same callers come back.
@lru_cache(maxsize=4096)
def _network(raw: str) -> Network | None:
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return None
    prefix = 64 if address.version == 6 else 32
    return ipaddress.ip_network(f"{address}/{prefix}", strict=False)


def client_address(request: HttpRequest) -> str:
    """The caller as a counter key: `192.0.2.1`, `2001:db8:1:2::/64`, or the raw value cut short."""
    network = client_network(request)
    if network is None:
        return _raw_address(request)[:64] or "unknown"
    if network.version == 6:
        return str(network)
    return str(network.network_address)


def client_ip(request: HttpRequest) -> str | None:
    """The caller as one IP address, for columns that hold an address (the lockout records).

    An IPv6 caller is its /64's first address, so the whole network shares one record.
    """
    network = client_network(request)
    return None if network is None else str(network.network_address)
