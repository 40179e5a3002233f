"""The cyclic garbage collector during a process start, and the start's objects kept out of its way.

A Django start of Roland (settings, models, the API object, the URLconf) creates a couple of hundred
thousand objects that live as long as the process. The collector's full passes over them while they
are being created find next to nothing, yet cost a large share of the start's CPU; later full passes
walk them again. So an entry point pauses the collector before Django starts, and once the apps are
ready everything then alive moves to the permanent generation (`gc.freeze`) and the collector runs
again: objects created afterwards are collected as before, start-up objects are no longer scanned.

No Django import here: entry points import this module before Django loads.
"""

import gc

_paused = False


def pause_collector() -> None:
    """Pause the collector until `startup_done()`; for entry points, before Django is set up."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def startup_done() -> None:
    """Keep what the start created out of later collections, and run the collector again if paused."""
    global _paused
    gc.freeze()
    if _paused:
        _paused = False
        gc.enable()
