"""Outbound HTTP to addresses that editors and partners type in: webhooks, and feeds fetched later.

A URL typed into the admin must not reach the internal network (loopback, private ranges, cloud
metadata), and the check must hold for the request actually made. Two gaps are closed here:

* parser confusion: the URL is split by urllib3 (the HTTP client's own parser) and by the standard
  library; anything they could read differently is refused (a backslash, user-info, control
  characters, non-canonical IP spellings such as ``127.1`` or ``0x7f000001`` that ``getaddrinfo``
  accepts and ``ipaddress`` does not);
* DNS rebinding: the host is resolved once, every address is checked, and the connection goes to
  that checked address; the Host header and, for https, SNI and the certificate check keep the name.

Redirects are never followed: a 3xx is an answer like any other for the caller to judge. No proxy
from the environment is used (a proxy would make its own lookup).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from django.utils.translation import gettext as _
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NewConnectionError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as Urllib3Timeout

MAX_URL_LENGTH = 2000
DEFAULT_PORTS = {"http": 80, "https": 443}

_IPV6_AUTHORITY = re.compile(r"\[(?P<host>[0-9A-Fa-f:.]+)\](?::(?P<port>[0-9]*))?")
_NAME_AUTHORITY = re.compile(r"(?P<host>[^:\[\]]+)(?::(?P<port>[0-9]*))?")
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
# A last label like this makes a host an IPv4 address for browsers (WHATWG) and for inet_aton.
_NUMERIC_LABEL = re.compile(r"0x[0-9a-f]*|[0-9]+")
# 64:ff9b::/96 (NAT64) carries an IPv4 address in its last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class UnsafeTarget(ValueError):
    """A URL that must not be called; the message (in the active language) says why."""


class FetchFailed(Exception):
    """The request was allowed but did not produce an answer: refused, timed out, broken TLS …"""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


class ResponseTooLarge(FetchFailed):
    """The answer's body is larger than the caller's limit; the rest was not downloaded."""


@dataclass(frozen=True)
class Target:
    """A URL both parsers agree on, in the form the request uses."""

    scheme: str
    host: str  # ASCII (IDNA), lower case, no trailing dot; an IPv6 address without brackets
    port: int
    request_uri: str  # path and query, as sent
    is_ip: bool  # an IP literal: nothing to resolve

    @property
    def host_header(self) -> str:
        """The Host header by HTTP's rule: the port only when it is not the scheme's default."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes  # b"" unless the caller asked for it (max_bytes)
    address: str  # the checked address the request went to


# --- which URLs may be called -------------------------------------------------------------------


def validate_url(url: str) -> Target:
    """Parse an http(s) URL strictly; raise UnsafeTarget for anything two parsers could read apart."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL_LENGTH:
        raise UnsafeTarget(_("This is not a valid URL."))
    if any(char <= " " or char == "\x7f" or char.isspace() or char == "\\" for char in url):
        raise UnsafeTarget(_("The URL must not contain spaces, control characters or backslashes."))
    try:
        split = urlsplit(url)
        split_host, split_port = split.hostname, split.port
        parsed = urllib3.util.parse_url(url)
    except (ValueError, LocationParseError):
        raise UnsafeTarget(_("This is not a valid URL.")) from None
    scheme = split.scheme.lower()
    if scheme not in DEFAULT_PORTS or parsed.scheme != scheme:
        raise UnsafeTarget(_("Only http and https URLs are allowed."))
    authority = split.netloc
    if not authority:
        raise UnsafeTarget(_("The URL has no host."))
    if "@" in authority or parsed.auth is not None:
        raise UnsafeTarget(_("The URL must not contain a user name or password."))

    match = _IPV6_AUTHORITY.fullmatch(authority) or _NAME_AUTHORITY.fullmatch(authority)
    if match is None:
        raise UnsafeTarget(_("This is not a valid URL."))
    port_text = match["port"]
    port = int(port_text) if port_text else DEFAULT_PORTS[scheme]
    if port_text and not 1 <= port <= 65535:
        raise UnsafeTarget(_("The URL has an invalid port."))

    typed = match["host"].lower()
    if authority.startswith("["):
        try:
            host = ipaddress.IPv6Address(typed).compressed
        except ValueError:
            raise UnsafeTarget(_("This is not a valid URL.")) from None
        is_ip = True
        try:
            agrees = ipaddress.IPv6Address((parsed.host or "").strip("[]")).compressed == host
        except ValueError:
            agrees = False
    else:
        # The client's own IDNA encoding (urllib3 uses the idna package) for names in other scripts.
        client_host = (parsed.host or "").lower()
        encoded = typed if typed.isascii() else client_host
        host, is_ip = _normal_host(encoded)
        agrees = client_host.removesuffix(".") == host
    if (
        not agrees
        or (split_host or "") != typed.strip("[]")
        or split_port != (int(port_text) if port_text else None)
        or parsed.port != split_port
    ):
        raise UnsafeTarget(_("The URL can be read in more than one way; write it plainly."))
    return Target(scheme=scheme, host=host, port=port, request_uri=parsed.request_uri, is_ip=is_ip)


def _normal_host(host: str) -> tuple[str, bool]:
    """A DNS name or a canonical dotted-quad IPv4 address; refuse every other spelling."""
    invalid = UnsafeTarget(_("%(host)s is not a valid host name.") % {"host": host})
    name = host.removesuffix(".")
    labels = name.split(".")
    if not name or len(name) > 253 or not name.isascii():
        raise invalid
    if _NUMERIC_LABEL.fullmatch(labels[-1]):
        try:
            address = ipaddress.IPv4Address(name)
        except ValueError:
            address = None
        if address is None or str(address) != name:
            raise UnsafeTarget(
                _("%(host)s reads as an IP address: write it as four decimal numbers, like 203.0.113.5.")
                % {"host": host}
            )
        return name, True
    if not all(_LABEL.fullmatch(label) for label in labels):
        raise invalid
    return name, False


def is_public_address(address: str) -> bool:
    """Reachable on the public internet: not private, loopback, link-local, reserved or multicast.

    IPv6 forms that carry an IPv4 address (mapped, 6to4, Teredo, NAT64) are judged by that address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(str(embedded)):
            return False
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def resolve(target: Target, *, allow_private: bool) -> tuple[str, ...]:
    """Look the host up once; refuse when any of its addresses is not public (unless allowed).

    The caller connects to these addresses only, so a second, different DNS answer never counts.
    """
    if target.is_ip:
        addresses: tuple[str, ...] = (target.host,)
    else:
        try:
            infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise UnsafeTarget(_("The host %(host)s cannot be resolved.") % {"host": target.host}) from None
        addresses = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses:
            raise UnsafeTarget(_("The host %(host)s cannot be resolved.") % {"host": target.host})
    if not allow_private:
        for address in addresses:
            if not is_public_address(address):
                raise UnsafeTarget(
                    _("%(host)s points into a private network (%(address)s); such targets are not allowed.")
                    % {"host": target.host, "address": address}
                )
    return addresses


def check(url: str, *, allow_private: bool) -> Target:
    """The check on save: the URL is well-formed and, unless private targets are allowed, public now.

    `request` checks again (DNS answers change) and connects only to what it checked.
    """
    target = validate_url(url)
    if not allow_private:
        resolve(target, allow_private=False)
    return target


# --- the request --------------------------------------------------------------------------------


def request(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float,
    allow_private: bool,
    max_bytes: int = 0,
    ca_certs: str | None = None,
    deadline: float | None = None,
) -> Response:
    """One request to a checked address; no redirects followed, no proxy, no retries.

    `max_bytes` 0 leaves the answer's body unread (webhooks need the status only); otherwise the
    decoded body is read up to that size and ResponseTooLarge raised beyond it. `timeout` bounds
    connecting and each read; `deadline` (seconds) the whole body too, so a server sending a byte now
    and then cannot hold the caller longer (FetchFailed "Timeout"). `ca_certs` replaces
    the system's trusted certificates (a file of PEM certificates). Raises UnsafeTarget before any
    connection, FetchFailed when no answer came.
    """
    target = validate_url(url)
    addresses = resolve(target, allow_private=allow_private)
    sent_headers = {name: value for name, value in (headers or {}).items() if name.lower() != "host"}
    sent_headers["Host"] = target.host_header
    failure: FetchFailed | None = None
    ends = time.monotonic() + deadline if deadline else None
    for address in addresses:  # all checked; the next one only when connecting failed
        pool = _pool(target, address, timeout, ca_certs)
        try:
            try:
                answer = pool.urlopen(
                    method,
                    target.request_uri,
                    body=body,
                    headers=sent_headers,
                    redirect=False,
                    retries=False,
                    assert_same_host=False,
                    preload_content=False,
                    release_conn=False,
                )
            except (NewConnectionError, ConnectTimeoutError) as error:
                failure = _failure(error, target, address)
                continue
            except HTTPError as error:
                raise _failure(error, target, address) from None
            try:
                content = _read(answer, max_bytes, target, ends) if max_bytes else b""
            except HTTPError as error:
                raise _failure(error, target, address) from None
            finally:
                answer.close()
            return Response(status=answer.status, headers=answer.headers, body=content, address=address)
        finally:
            pool.close()
    assert failure is not None
    raise failure


def _pool(target: Target, address: str, timeout: float, ca_certs: str | None) -> urllib3.HTTPConnectionPool:
    timeouts = urllib3.Timeout(connect=timeout, read=timeout)
    if target.scheme == "http":
        return urllib3.HTTPConnectionPool(address, target.port, timeout=timeouts, maxsize=1, retries=False)
    return urllib3.HTTPSConnectionPool(
        address,
        target.port,
        timeout=timeouts,
        maxsize=1,
        retries=False,
        cert_reqs="CERT_REQUIRED",
        ca_certs=ca_certs,
        # SNI and the certificate check use the name, though the socket goes to the checked address.
        server_hostname=None if target.is_ip else target.host,
        assert_hostname=target.host,
    )


def _read(
    answer: urllib3.BaseHTTPResponse, max_bytes: int, target: Target, ends: float | None = None
) -> bytes:
    chunks, size = [], 0
    while True:
        # read1: what has arrived (up to 64 KB), so the deadline is checked however slowly it comes.
        chunk = answer.read1(64 * 1024, decode_content=True)
        if not chunk:
            break
        if ends is not None and time.monotonic() > ends:
            raise FetchFailed("Timeout", f"the answer from {target.host} took longer than the time limit")
        size += len(chunk)
        if size > max_bytes:
            raise ResponseTooLarge(
                "TooLarge", f"the answer from {target.host} is larger than {max_bytes} bytes"
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _failure(error: HTTPError, target: Target, address: str) -> FetchFailed:
    """A short text for logs: what failed, where, and the operating system's reason."""
    place = target.host if target.host == address else f"{target.host} ({address})"
    reason = error.__cause__ or error.__context__ or error
    if isinstance(error, NewConnectionError):
        return FetchFailed("ConnectionError", f"cannot connect to {place} port {target.port}: {reason}")
    if isinstance(error, Urllib3Timeout):
        return FetchFailed("Timeout", f"no answer from {place} within the time limit")
    if isinstance(error, SSLError):
        return FetchFailed("TLSError", f"{place}: {reason}")
    return FetchFailed("ConnectionError", f"{place}: {reason}")
