"""The inside of `tests.processes.Shell`: a `manage.py shell` that runs snippet after snippet.

Started as `manage.py shell -c "from tests.shell import serve; serve()"` with the settings and
database of a real-process test's site. Each snippet sent on stdin (one JSON string a line) runs as
`manage.py shell -c <snippet>` would run it in a process of its own: with nothing this process
remembered from the snippet before (no open database connection, an empty local cache, no version
counters, no hot answers), its output captured, and its result written back as one marked line.
Starting Django costs seconds a process; a browser test's editor makes many small changes.
"""

from __future__ import annotations

import io
import json
import os
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connections

from cms.core import versions
from cms.core.http_cache import forget_hot_answers
from tests.processes import SHELL_RESULT


def _as_if_started() -> None:
    """What a new process would not have: this process's memory of earlier snippets."""
    connections.close_all()
    for cache in caches.all():
        if isinstance(cache, LocMemCache):  # a shared cache (Redis) is the site's, not this process's
            cache.clear()
    versions.forget()
    forget_hot_answers()


def run(code: str) -> dict:
    """One snippet, as `manage.py shell -c` runs it: its output, and whether it ended without error."""
    out, err = io.StringIO(), io.StringIO()
    ok = True
    _as_if_started()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            exec(code, {"__name__": "__main__"})
    except BaseException:  # a failing snippet is reported, as its exit status would be
        ok = False
        err.write(traceback.format_exc())
    finally:
        connections.close_all()
    return {"ok": ok, "stdout": out.getvalue(), "stderr": err.getvalue()}


def serve() -> None:
    """Run each snippet read from stdin until stdin closes, then end at once.

    Ending as Python does (finalizing every module of Django's start) cost the shell most of a
    second of CPU after its last snippet, in every test's teardown; each snippet already closed its
    connections, and nothing else is left to write.
    """
    for line in sys.stdin:
        result = run(json.loads(line))
        sys.stdout.write(SHELL_RESULT + json.dumps(result) + "\n")
        sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
