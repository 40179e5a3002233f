"""The export bench's measuring function reads a streamed answer to its end and says what it got:
items, bytes (on the wire and decoded), the serving worker's memory, and a stream cut short as such.

The "server" is a stand-in started by the test on 127.0.0.1 (stdlib http.server, chunked answers),
its own process standing for the gunicorn worker; no figure of time is asserted.
"""

import gzip
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.exports import measure, revalidate

LINES = [b'{"@type": "Dataset"}\n', b'{"id": 1}\n', b'{"id": 2}\n', b'{"id": 3}\n']
ETAG = '"abc"'


class StandIn(BaseHTTPRequestHandler):
    """A stand-in for the export endpoint: NDJSON in chunks, gzip on request, 304 on its ETag, and
    /cut, which dies half-way through its chunks (a worker killed mid-answer)."""

    protocol_version = "HTTP/1.1"

    def chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")

    def do_GET(self) -> None:
        if self.headers.get("If-None-Match") == ETAG:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        zipped = "gzip" in self.headers.get("Accept-Encoding", "")
        self.send_response(200)
        self.send_header("ETag", ETAG)
        self.send_header("Transfer-Encoding", "chunked")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if zipped:
            self.chunk(gzip.compress(b"".join(LINES)))
        else:
            for line in LINES[: 2 if self.path.startswith("/cut") else None]:
                self.chunk(line)
        if self.path.startswith("/cut"):
            self.close_connection = True
            return  # no last chunk: the client sees the stream end early
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, *args) -> None:
        pass


class Worker:
    """What measure() asks of bench.harness.Server: where it listens and its worker processes."""

    workers = 1

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"

    def worker_pids(self) -> list[int]:
        return [os.getpid()]


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Worker(httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


def test_an_ndjson_export_counts_its_items_bytes_and_the_workers_memory(server):
    result = measure(server, "/api/v1/export/pois.ndjson")
    assert (result["status"], result["complete"], result["items"]) == (200, True, 3)
    assert result["bytes"] == result["body_bytes"] == len(b"".join(LINES))
    assert result["worker_pid"] == os.getpid() and not result["worker_replaced"]
    assert 0 < result["rss_kb_before"] <= result["rss_kb_peak"]
    assert result["rss_kb_after"] > 0 and result["etag"] == ETAG


def test_a_gzip_export_counts_the_decoded_lines(server):
    result = measure(server, "/api/v1/export/pois.ndjson", gzip=True)
    assert (result["content_encoding"], result["items"]) == ("gzip", 3)
    assert result["body_bytes"] == len(b"".join(LINES)) != result["bytes"]


def test_a_stream_cut_short_is_reported_as_incomplete(server):
    result = measure(server, "/cut/pois.ndjson")
    assert result["complete"] is False and "error" in result
    assert result["items"] == 1  # what arrived before the cut


def test_revalidation_with_the_etag_is_a_304(server):
    assert revalidate(server, "/api/v1/export/pois.ndjson", times=3)["statuses"] == {"304": 3}
