"""The guarded outbound fetcher: which URLs are refused, that one lookup decides where the request goes,
and that the name survives in the Host header, SNI and the certificate check.

Receivers run on 127.0.0.1; the resolver and the network are the operating system's and are replaced
by stand-ins (tests.receivers), so made-up names resolve and nothing leaves the machine.
"""

import shutil
import ssl
import subprocess

import pytest

from cms.core import outbound
from tests.receivers import Network, Receiver, Resolver

# Read differently by different parsers, or spelled so that getaddrinfo and ipaddress disagree:
# refused even where private targets are allowed.
AMBIGUOUS = [
    "http://127.0.0.1:8099\\@8.8.8.8/",  # requests/urllib3 end the host at the backslash
    "http://8.8.8.8\\@127.0.0.1/",
    "http://8.8.8.8@127.0.0.1/",
    "http://user:pw@example.org/",
    "http://127.1/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://017700000001/",
    "http://127.000.000.001/",
    "http://%31%32%37.0.0.1/",
    "http://[fe80::1%25eth0]/",
    "http://exa mple.org/",
    "http://example.org\t/",
    "http://example.org/\n",
    "http://exam\nple.org/",
    "http://example.org:0/",
    "http://example.org:65536/",
    "http://example.org:+80/",
    "http://example..org/",
    "http:///hook",
    "file:///etc/passwd",
    "gopher://example.org:70/_GET",
    "ftp://example.org/",
    "javascript:alert(1)",
    "",
]
# Well-formed, but inside a private network (or resolving there).
PRIVATE = [
    "http://127.0.0.1/",
    "http://10.0.0.5/hook",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
    "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "http://[fd00::1]/",
    "http://localhost/",  # a name the system resolves to 127.0.0.1
]


@pytest.fixture
def network(monkeypatch) -> Network:
    return Network(monkeypatch)


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.mark.parametrize("url", AMBIGUOUS)
@pytest.mark.parametrize("allow_private", [False, True])
def test_ambiguous_urls_are_refused_before_any_connection(url, allow_private, network):
    with pytest.raises(outbound.UnsafeTarget):
        outbound.check(url, allow_private=allow_private)
    with pytest.raises(outbound.UnsafeTarget):
        outbound.request("POST", url, body=b"{}", timeout=1, allow_private=allow_private)
    assert network.connections == []


@pytest.mark.parametrize("url", PRIVATE)
def test_private_targets_are_refused_before_any_connection(url, network):
    with pytest.raises(outbound.UnsafeTarget) as excinfo:
        outbound.check(url, allow_private=False)
    assert "privates Netz" in str(excinfo.value)  # the editor's language
    with pytest.raises(outbound.UnsafeTarget):
        outbound.request("POST", url, timeout=1, allow_private=False)
    assert network.connections == []


def test_the_backslash_payload_never_reaches_the_host_before_the_backslash(receiver, network):
    """The issue's payload: the check used to read 8.8.8.8, the client then called 127.0.0.1."""
    with pytest.raises(outbound.UnsafeTarget) as excinfo:
        outbound.request(
            "POST", f"http://127.0.0.1:{receiver.port}\\@8.8.8.8/", body=b"{}", timeout=1, allow_private=False
        )
    assert "Backslash" in str(excinfo.value)
    assert receiver.requests == [] and network.connections == []


def test_the_messages_say_what_is_wrong_in_german():
    def message(url: str) -> str:
        with pytest.raises(outbound.UnsafeTarget) as excinfo:
            outbound.validate_url(url)
        return str(excinfo.value)

    assert (
        message("http://8.8.8.8@127.0.0.1/")
        == "Die URL darf keinen Benutzernamen und kein Passwort enthalten."
    )
    assert "vier Dezimalzahlen" in message("http://2130706433/")
    assert message("gopher://example.org/") == "Nur http- und https-URLs sind erlaubt."


def test_public_and_international_names_are_accepted_in_the_form_the_request_uses():
    target = outbound.validate_url("https://Bücher.Example.:8443/hook?x=1#top")
    assert (target.scheme, target.host, target.port) == ("https", "xn--bcher-kva.example", 8443)
    assert target.request_uri == "/hook?x=1"
    assert target.host_header == "xn--bcher-kva.example:8443"
    assert outbound.validate_url("http://hooks.partner.example/").host_header == "hooks.partner.example"
    assert outbound.check("https://8.8.8.8/hook", allow_private=False).is_ip  # no lookup needed
    assert (
        outbound.validate_url("http://[2001:4860:4860::8888]:81/").host_header == "[2001:4860:4860::8888]:81"
    )


# --- one lookup, and the connection goes where it pointed --------------------------------------


def test_a_second_dns_answer_cannot_redirect_the_request_to_loopback(monkeypatch, receiver, network):
    """Rebinding: the name resolves to a public address first and to 127.0.0.1 on the next lookup."""
    resolver = Resolver(monkeypatch, {"rebind.example": [["8.8.8.8"], ["127.0.0.1"]]})

    with pytest.raises(outbound.FetchFailed) as excinfo:
        outbound.request(
            "POST", f"http://rebind.example:{receiver.port}/hook", timeout=1, allow_private=False
        )

    assert resolver.lookups == ["rebind.example"]
    assert network.connections == [("8.8.8.8", receiver.port)]  # the checked address, refused here
    assert receiver.requests == []
    assert str(excinfo.value).startswith("ConnectionError") and "8.8.8.8" in str(excinfo.value)


def test_a_name_with_any_private_address_is_refused(monkeypatch, network):
    Resolver(monkeypatch, {"mixed.example": [["8.8.8.8", "127.0.0.1"]]})
    with pytest.raises(outbound.UnsafeTarget) as excinfo:
        outbound.request("POST", "http://mixed.example/hook", timeout=1, allow_private=False)
    assert "127.0.0.1" in str(excinfo.value)
    assert network.connections == []


def test_the_request_goes_to_the_resolved_address_with_the_name_in_the_host_header(monkeypatch, receiver):
    resolver = Resolver(monkeypatch, {"hooks.partner.example": [["127.0.0.1"]]})
    url = f"http://hooks.partner.example:{receiver.port}/hook?delivery=7"

    for attempt in (1, 2):
        response = outbound.request(
            "POST",
            url,
            body=b'{"event":"published"}',
            headers={"Content-Type": "application/json", "host": "evil.example"},
            timeout=5,
            allow_private=True,
        )
        assert response.status == 200 and response.address == "127.0.0.1"
        assert resolver.lookups == ["hooks.partner.example"] * attempt  # once per request

    request = receiver.requests[-1]
    assert request["headers"]["Host"] == f"hooks.partner.example:{receiver.port}"
    assert "evil.example" not in request["headers"].values()  # the caller cannot name another host
    assert request["path"] == "/hook?delivery=7"
    assert request["body"] == b'{"event":"published"}'


def test_a_redirect_is_an_answer_not_a_second_request(receiver):
    elsewhere = Receiver()
    try:
        receiver.status = 302
        receiver.reply_headers = {"Location": elsewhere.url}
        response = outbound.request("POST", receiver.url, body=b"{}", timeout=5, allow_private=True)
        assert response.status == 302
        assert len(receiver.requests) == 1 and elsewhere.requests == []
    finally:
        elsewhere.close()


def test_bodies_are_read_only_when_asked_and_only_up_to_the_limit(receiver):
    receiver.reply_body = b"BEGIN:VCALENDAR\r\n" + b"X" * 1000 + b"\r\nEND:VCALENDAR\r\n"
    size = len(receiver.reply_body)

    assert outbound.request("GET", receiver.url, timeout=5, allow_private=True).body == b""
    full = outbound.request("GET", receiver.url, timeout=5, allow_private=True, max_bytes=size)
    assert full.body == receiver.reply_body
    with pytest.raises(outbound.ResponseTooLarge):
        outbound.request("GET", receiver.url, timeout=5, allow_private=True, max_bytes=size - 1)


# --- https: SNI and the certificate follow the name, not the address ----------------------------


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A throw-away CA and a certificate for hooks.partner.example signed by it (openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make test certificates")
    folder = tmp_path_factory.mktemp("tls")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl(
        "req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test CA"
    )
    openssl("req", *curve, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=hooks.partner.example")
    (folder / "leaf.ext").write_text(
        "subjectAltName=DNS:hooks.partner.example\nextendedKeyUsage=serverAuth\n"
    )
    openssl(
        "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext",
    )  # fmt: skip
    return folder


@pytest.fixture
def tls_receiver(certificates):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificates / "leaf.pem", certificates / "leaf.key")
    server = Receiver(tls=context)
    yield server
    server.close()


def test_https_to_the_checked_address_sends_sni_and_checks_the_certificate_for_the_name(
    monkeypatch, tls_receiver, certificates
):
    resolver = Resolver(monkeypatch, {"hooks.partner.example": [["127.0.0.1"]]})
    response = outbound.request(
        "POST",
        f"https://hooks.partner.example:{tls_receiver.port}/hook",
        body=b"{}",
        timeout=5,
        allow_private=True,
        ca_certs=str(certificates / "ca.pem"),
    )
    assert response.status == 200
    assert resolver.lookups == ["hooks.partner.example"]
    assert tls_receiver.server_names == ["hooks.partner.example"]
    assert tls_receiver.requests[0]["headers"]["Host"] == f"hooks.partner.example:{tls_receiver.port}"


def test_https_refuses_a_certificate_for_another_name(monkeypatch, tls_receiver, certificates):
    Resolver(monkeypatch, {"other.partner.example": [["127.0.0.1"]]})
    with pytest.raises(outbound.FetchFailed) as excinfo:
        outbound.request(
            "POST",
            f"https://other.partner.example:{tls_receiver.port}/hook",
            timeout=5,
            allow_private=True,
            ca_certs=str(certificates / "ca.pem"),
        )
    assert excinfo.value.kind == "TLSError"
    assert tls_receiver.requests == []
