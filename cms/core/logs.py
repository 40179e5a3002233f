"""Log lines that can be followed through a request: a request id on every line, JSON when asked.

The id comes from the caller's `X-Request-ID` when it looks like one (a load balancer or the website
sets it, so their logs and ours join up), else it is generated. cms.observability sets it for the
request; the filter below puts it on every record logged meanwhile, by our code or a library's,
and `-` outside requests (worker, commands).
"""

from __future__ import annotations

import logging
import re
import uuid
from contextvars import ContextVar

from pythonjsonlogger.json import JsonFormatter

_request_id: ContextVar[str] = ContextVar("roland_request_id", default="-")
# Anything else is replaced: an id is copied into logs and headers, so no spaces, quotes or controls.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


def request_id_from(header: str | None) -> str:
    """The caller's id when sane, else a new one."""
    if header and SANE_REQUEST_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def current_request_id() -> str:
    return _request_id.get()


def bind_request_id(value: str) -> None:
    """From now until the request is finished (Django logs 4xx and 5xx answers after the middleware,
    a streamed answer is written later still), then `clear_request_id`."""
    _request_id.set(value)


def clear_request_id(**kwargs) -> None:
    _request_id.set("-")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a handler filter: records of every logger pass it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


class JsonLogFormatter(JsonFormatter):
    """One JSON object a line: time, level, logger, message, request id and any `extra` fields."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", False)
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s", *args, **kwargs)
