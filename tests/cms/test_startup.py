"""The collector is paused only while a process starts (cms.startup): a server or command never runs
without it, and what the start created is frozen out of later collections."""

import gc
import os

import pytest

from cms import startup
from tests.processes import manage


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
    out = manage(
        env, "shell", "-c", "import gc; print(gc.isenabled(), gc.get_freeze_count() > 10000)", timeout=120
    )
    assert out.strip().splitlines()[-1] == "True True"
