"""gunicorn hooks for metrics summed over its workers: `gunicorn -c python:cms.gunicorn_conf …`.

With PROMETHEUS_MULTIPROC_DIR set, prometheus_client writes each worker's counters to files there
and `/metrics` sums them (cms.core.metrics). The folder is emptied when gunicorn starts (counts of
an earlier run must not be added in) and a worker's files are marked dead when it exits. One
folder per gunicorn master: a second process sharing it (the task worker) would lose its counts
whenever gunicorn restarts.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def on_starting(server: Any) -> None:
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for stale in Path(folder).glob("*.db"):
            stale.unlink()


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess  # only where the folder is configured

        multiprocess.mark_process_dead(worker.pid)
