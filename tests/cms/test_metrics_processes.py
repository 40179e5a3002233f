"""`/metrics` of gunicorn sums every worker's counts (PROMETHEUS_MULTIPROC_DIR, cms.gunicorn_conf).

A real gunicorn on a migrated SQLite copy, its workers replaced every 10 requests: every scrape,
whichever worker answers it, counts the requests of all of them, the ones gone included.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.processes import ROOT, free_port, migrated_sqlite

pytestmark = [pytest.mark.processes]
TOKEN = "scrape-token-for-the-test"


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    # A request that comes while both workers are being replaced waits for a new one to start,
    # which under load took longer than 30 s: the timeout only keeps a hung server from the suite.
    with urllib.request.urlopen(request, timeout=300) as response:
        return response.status, response.read()


def test_a_scrape_counts_the_requests_of_every_gunicorn_worker(tmp_path):
    migrated_sqlite(tmp_path / "roland.sqlite3")
    folder = tmp_path / "prometheus"
    (folder).mkdir()
    (folder / "counter_999.db").write_bytes(b"left by an earlier run")  # emptied on start
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'roland.sqlite3'}",
        ROLAND_VAR_DIR=str(tmp_path),
        PROMETHEUS_MULTIPROC_DIR=str(folder),
        METRICS_TOKEN=TOKEN,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "-c", "python:cms.gunicorn_conf", "cms.wsgi:application"),
            *("--bind", f"127.0.0.1:{port}", "--workers", "2"),
            # Each worker is replaced after 10 requests: the counts of the ones gone must stay.
            *("--max-requests", "10", "--max-requests-jitter", "0"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            try:
                _get(port, "/healthz")
                break
            except OSError:
                time.sleep(0.05)
        for _ in range(19):
            assert _get(port, "/healthz")[0] == 200
        pids = set()
        for _ in range(4):
            _status, body = _get(port, "/metrics", {"Authorization": f"Bearer {TOKEN}"})
            samples = [
                sample
                for family in text_string_to_metric_families(body.decode())
                for sample in family.samples
                if sample.name == "roland_http_requests_total" and sample.labels["route"] == "/healthz"
            ]
            assert sum(sample.value for sample in samples) == 20  # the first call waited for the start
            pids |= {path.name for path in folder.glob("*.db")}
        assert not (folder / "counter_999.db").exists()
        assert len({name.rsplit("_", 1)[-1] for name in pids}) >= 3  # 24 requests, at most 10 per worker
    finally:
        server.terminate()
        server.wait(20)
