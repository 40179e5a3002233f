"""The collector is paused only while a process starts (cms.startup): a server or command never runs
without it, and what the start created is frozen out of later collections."""

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms import startup

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def collector(monkeypatch):
    """The real switch, a recorded freeze (this test process keeps its own generations)."""
    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(startup, "_paused", False)
    was_enabled = gc.isenabled()
    yield frozen
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_a_paused_collector_runs_again_once_the_start_is_done(collector):
    gc.enable()
    startup.pause_collector()
    assert not gc.isenabled()
    startup.startup_done()
    assert gc.isenabled()
    assert collector == [True]


def test_a_collector_switched_off_by_someone_else_stays_off(collector):
    gc.disable()
    startup.pause_collector()
    startup.startup_done()
    assert not gc.isenabled()
    assert collector == [True]


def test_a_manage_py_process_runs_with_the_collector_and_its_start_frozen():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import gc; print(gc.isenabled(), gc.get_freeze_count() > 10000)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True"
