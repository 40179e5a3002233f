"""The bulk exports on the bench data: time, bytes, SQL and the worker's memory while streaming."""

import json
import re
import time
import tracemalloc
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client, override_settings

from cms.core import registry

RSS = re.compile(r"^VmRSS:\s+(\d+) kB", re.MULTILINE)


def rss_mib() -> float:
    return int(RSS.search(Path("/proc/self/status").read_text()).group(1)) / 1024


class Command(BaseCommand):
    help = "Stream every bulk export in-process through the whole middleware; report time and memory."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--format", choices=["ndjson", "jsonld"], default="ndjson")
        parser.add_argument("--gzip", action="store_true")
        parser.add_argument("--only", help="one collection, e.g. pois")
        parser.add_argument(
            "--tracemalloc", action="store_true", help="also Python's peak allocation (slower)"
        )

    def handle(self, *args, **options) -> None:
        client = Client()
        headers = {"HTTP_ACCEPT_ENCODING": "gzip"} if options["gzip"] else {}
        results = []
        for content_type in registry.types():
            if options["only"] and content_type.collection != options["only"]:
                continue
            path = f"/api/v1/export/{content_type.collection}.{options['format']}"
            if options["tracemalloc"]:
                tracemalloc.start()
            rss_before, rss_peak, size, parts, lines = rss_mib(), 0.0, 0, 0, 0
            with override_settings(DEBUG=True):  # counts the queries
                reset_queries()
                started = time.perf_counter()
                response = client.get(path, **headers)
                for part in response.streaming_content:
                    size += len(part)
                    lines += part.count(b"\n")
                    parts += 1
                    if parts % 20 == 0:
                        rss_peak = max(rss_peak, rss_mib())
                seconds = time.perf_counter() - started
                queries = len(connection.queries)
            rss_peak = max(rss_peak, rss_mib())
            traced = tracemalloc.get_traced_memory()[1] / 2**20 if options["tracemalloc"] else None
            tracemalloc.stop()
            results.append(
                {
                    "path": path,
                    "status": response.status_code,
                    "seconds": round(seconds, 1),
                    "lines": lines if not options["gzip"] else None,
                    "mib": round(size / 2**20, 1),
                    "queries": queries,
                    "rss_before_mib": round(rss_before, 1),
                    "rss_peak_mib": round(rss_peak, 1),
                    "tracemalloc_peak_mib": round(traced, 1) if traced is not None else None,
                }
            )
            self.stdout.write(json.dumps(results[-1]))
