"""A stand-in for partners' calendar servers: an HTTP server on 127.0.0.1 serving fixture files."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "intake"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@dataclass
class Answer:
    body: bytes = b""
    content_type: str = "text/calendar; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts (a slow partner server)
    drip: float = 0.0  # seconds between single lines of the body (a server that never quite stalls)


class FeedServer:
    """Stand-in partner server: `answers` maps a path to what it sends; `requests` lists paths asked."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer] = {}
        self.requests: list[str] = []
        self._release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                answer = server.answers.get(self.path) or Answer(b"not found", "text/plain", 404)
                if answer.delay:
                    server._release.wait(answer.delay)  # released at once when the test ends
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    if not answer.drip:
                        self.wfile.write(answer.body)
                    for line in answer.body.splitlines(keepends=True) if answer.drip else ():
                        self.wfile.write(line)
                        self.wfile.flush()
                        if server._release.wait(answer.drip):
                            break
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (time or size limit)

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def serve(
        self, path: str, body: bytes, content_type: str = "text/calendar; charset=utf-8", **kwargs
    ) -> str:
        self.answers[path] = Answer(body, content_type, **kwargs)
        return self.url(path)

    def close(self) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()
