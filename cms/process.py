"""Set-up of a long-running web worker process."""

import gc

from django.urls import get_resolver

from .startup import startup_done


def freeze_startup_objects() -> None:
    """Load every view now and move the objects of a started worker out of the collector's reach: a
    full collection over them paused a request every few dozen requests (it showed as the search
    p99). Objects created later are collected as usual.
    """
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf, the API and its views
    gc.collect()
    startup_done()
