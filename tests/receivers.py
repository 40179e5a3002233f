"""Stand-ins for the outside world of outbound HTTP: receivers on 127.0.0.1, the resolver, the network.

Only operating-system interfaces are replaced (``socket.getaddrinfo``, ``socket.socket.connect``),
never our own code: tests then see which names were looked up and where connections went.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """An HTTP(S) server on 127.0.0.1: records each request, then answers `status` after `delay` s.

    `reply_headers` and `reply_body` shape the answer; `tls` (a server SSLContext) makes it HTTPS,
    and `server_names` records the SNI name each TLS client sent.
    """

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[dict] = []
        self.status = 200
        self.delay = 0.0
        self.reply_headers: dict[str, str] = {}
        self.reply_body = b""
        self.server_names: list[str | None] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                receiver.requests.append(
                    {"method": self.command, "headers": dict(self.headers), "body": body, "path": self.path}
                )
                if receiver.delay:
                    threading.Event().wait(receiver.delay)
                self.send_response(receiver.status)
                for name, value in receiver.reply_headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(receiver.reply_body)))
                self.end_headers()
                self.wfile.write(receiver.reply_body)

            do_GET = do_POST = _answer

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

        self.server = Server(("127.0.0.1", 0), Handler)
        if tls is not None:
            tls.sni_callback = lambda sock, name, context: self.server_names.append(name)
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        # shutdown() waits for the serving loop to look up: every 0.5 s by default, per test.
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _is_ip(host: object) -> bool:
    try:
        ipaddress.ip_address(str(host))
    except ValueError:
        return False
    return True


class Resolver:
    """`socket.getaddrinfo` answering made-up names from a script: each lookup takes the next answer.

    IP literals (which the HTTP client passes to getaddrinfo when it connects) go to the real
    function, which needs no DNS for them; `lookups` lists the names asked for, in order.
    """

    def __init__(self, monkeypatch, answers: dict[str, list[list[str]]]) -> None:
        self.answers = {name: list(script) for name, script in answers.items()}
        self.lookups: list[str] = []
        real = socket.getaddrinfo

        def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
            if _is_ip(host):
                return real(host, port, family, type, proto, flags)
            self.lookups.append(host)
            script = self.answers.get(host)
            if not script:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            addresses = script.pop(0) if len(script) > 1 else script[0]
            return [
                (
                    socket.AF_INET6 if ":" in address else socket.AF_INET,
                    socket.SOCK_STREAM,
                    socket.IPPROTO_TCP,
                    "",
                    (address, int(port or 0), 0, 0) if ":" in address else (address, int(port or 0)),
                )
                for address in addresses
            ]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


class Network:
    """No network here: connections to anything but loopback are refused, and every attempt is listed."""

    def __init__(self, monkeypatch) -> None:
        self.connections: list[tuple[str, int]] = []
        real = socket.socket.connect
        network = self

        def connect(sock, address):
            host, port = address[0], address[1]
            network.connections.append((host, port))
            if not ipaddress.ip_address(host).is_loopback:
                raise ConnectionRefusedError(111, "Connection refused (no network in tests)")
            return real(sock, address)

        monkeypatch.setattr(socket.socket, "connect", connect)
