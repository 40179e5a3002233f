"""Bulk exports on the bench data over gunicorn: time, bytes, items and worker memory per export.

Issue 20 asks for the export time and worker memory on the bench data set; `manage.py bench_export`
measures in-process, this measures what a partner sees: the production-like server (bench.harness,
2 sync workers, production settings), each export streamed to the end through a socket, while a
thread reads every worker's VmRSS every 50 ms. Then a revalidation with If-None-Match (304).
Prepares the bench database as bench/run.py does (and says how long that took). Writes
bench/results/<date>-exports.json and .md. Run: `.venv/bin/python bench/exports.py` (`--help`).
"""

import argparse
import http.client
import json
import os
import platform
import statistics
import sys
import threading
import time
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the bench package is beside it

from bench.harness import DATABASE_URL, VAR, Server, log  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SAMPLE_SECONDS = 0.05
CHUNK = 64 * 1024
REVALIDATIONS = 10
LONG_TIMEOUT = 900  # seconds: room for the longest export on this machine
# (collection, format, gzip): every collection as NDJSON, one as JSON-LD, one again with gzip.
EXPORTS = [
    ("pois", "ndjson", False),
    ("pois", "ndjson", True),
    ("events", "ndjson", False),
    ("news", "ndjson", False),
    ("pois", "jsonld", False),
]


def rss_kb(pid: int) -> int | None:
    """A process's resident set (VmRSS) in kB; None once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


def cpu_ticks(pid: int) -> int:
    """User plus system CPU ticks of a process: the worker that served a request spent them."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


class RssSampler(threading.Thread):
    """Every worker's VmRSS every SAMPLE_SECONDS while a request runs; keeps each worker's peak."""

    def __init__(self, pids: Callable[[], list[int]], interval: float = SAMPLE_SECONDS):
        super().__init__(daemon=True)
        self.pids, self.interval = pids, interval
        self.peaks: dict[int, int] = {}
        self.samples = 0
        self._done = threading.Event()

    def run(self) -> None:
        pids: list[int] = []
        while not self._done.is_set():
            if self.samples % 20 == 0:  # pgrep once a second: a replaced worker joins, not every sample
                pids = self.pids()
            for pid in pids:
                kb = rss_kb(pid)
                if kb is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), kb)
            self.samples += 1
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def stream(base: str, path: str, headers: dict[str, str]) -> dict:
    """GET the path and read the answer to its end in chunks, counting bytes and lines as they come.

    Lines are counted in the decoded body (gzip is inflated on the fly). A stream cut short (a worker
    killed mid-answer) ends as `complete: false` with the error, not as an exception.
    """
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    started = time.perf_counter()
    result: dict = {"path": path, "headers": headers, "bytes": 0, "body_bytes": 0, "lines": 0}
    inflate = None
    tail = b""
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        result["first_byte_s"] = round(time.perf_counter() - started, 3)
        result["status"] = response.status
        result["etag"] = response.getheader("ETag", "")
        result["content_encoding"] = response.getheader("Content-Encoding", "")
        if result["content_encoding"] == "gzip":
            inflate = zlib.decompressobj(31)

        def count(chunk: bytes) -> None:
            nonlocal tail
            result["bytes"] += len(chunk)
            body = inflate.decompress(chunk) if inflate else chunk
            result["body_bytes"] += len(body)
            result["lines"] += body.count(b"\n")
            if body:
                tail = (tail + body)[-16:]

        try:
            while chunk := response.read1(CHUNK):  # what has arrived, up to CHUNK
                count(chunk)
        except http.client.IncompleteRead as cut:
            count(cut.partial)  # what arrived before the cut
            raise
        result["complete"] = True
    except (http.client.HTTPException, OSError) as error:
        result["complete"] = False
        result["error"] = f"{type(error).__name__}: {error}"
    finally:
        connection.close()
    result["seconds"] = round(time.perf_counter() - started, 2)
    result["tail"] = tail.decode("utf-8", "replace")
    return result


def settle(server: Server, seconds: float = 60) -> list[int]:
    """The server's workers once it has all of them, alive (a killed one replaced and booted)."""
    deadline = time.monotonic() + seconds
    while True:
        pids = server.worker_pids()
        alive = [pid for pid in pids if rss_kb(pid)]  # a zombie or a vanished pid has no VmRSS
        if len(alive) == len(pids) == server.workers or time.monotonic() > deadline:
            return pids
        time.sleep(0.2)


def measure(server: Server, path: str, gzip: bool = False) -> dict:
    """One export streamed while every worker's RSS is sampled; the serving worker's before/peak/after."""
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    pids = settle(server)
    before = {pid: rss_kb(pid) for pid in pids}
    ticks = {pid: cpu_ticks(pid) for pid in pids}
    sampler = RssSampler(server.worker_pids)
    sampler.start()
    try:
        result = stream(server.base, path, headers)
    finally:
        sampler.stop()
    spent = {pid: cpu_ticks(pid) - ticks[pid] for pid in pids}
    if not result["complete"]:  # a worker killed mid-answer: wait for gunicorn to replace it
        deadline = time.monotonic() + 5  # the arbiter replaces a killed worker within a second or two
        while set(server.worker_pids()) == set(pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        settle(server)
    after = {pid: rss_kb(pid) for pid in server.worker_pids()}
    # The worker that served it spent the CPU; one killed mid-stream has gone (no "after").
    gone = [pid for pid in pids if pid not in after]
    serving = gone[0] if gone and not result["complete"] else max(pids, key=spent.get, default=None)
    result["items"] = item_count(path, result)
    result["mb"] = round(result["bytes"] / 1e6, 1)
    result["body_mb"] = round(result["body_bytes"] / 1e6, 1)
    result["rss_samples"] = sampler.samples
    result["worker_pid"] = serving
    result["rss_kb_before"] = before.get(serving)
    result["rss_kb_peak"] = max(sampler.peaks.values(), default=None)  # max over every worker
    result["rss_kb_peak_serving"] = sampler.peaks.get(serving)
    result["rss_kb_after"] = after.get(serving)
    result["workers_after"] = sorted(after)
    result["worker_replaced"] = sorted(after) != sorted(pids)
    return result


def item_count(path: str, result: dict) -> int | None:
    """Items in the answer: NDJSON is a dataset line then one item per line; the JSON-LD writer puts
    each `@graph` node on a line of its own between the head line and the closing `]}`."""
    if result.get("status") != 200:
        return None
    if path.split("?")[0].endswith(".ndjson"):
        return max(result["lines"] - 1, 0)
    return max(result["lines"] - 2, 0)


def revalidate(server: Server, path: str, times: int = REVALIDATIONS) -> dict:
    """If-None-Match with the export's current ETag, a few times: each should be a 304 answered
    before anything is built. The ETag turns with the clock's window (EXPORT_REFRESH_SECONDS), so it
    is taken from a fresh answer's headers (its body is not read) and renewed if a 200 comes back."""
    parts = urlsplit(server.base)
    etag, seconds, statuses = "", [], {}
    for attempt in range(times + 1):
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        started = time.perf_counter()
        connection.request("GET", path, headers={"If-None-Match": etag} if etag else {})
        response = connection.getresponse()
        if response.status == 304:
            response.read()
        elapsed = time.perf_counter() - started
        connection.close()  # a 200's body is left unread: the worker stops at its next write
        if attempt:  # the first request only fetches the ETag
            statuses[str(response.status)] = statuses.get(str(response.status), 0) + 1
            seconds.append(elapsed)
        etag = response.getheader("ETag", etag) if response.status != 304 else etag
    return {"path": path, "requests": times, "statuses": statuses,
            "p50_ms": round(1000 * statistics.median(seconds), 1), "max_ms": round(1000 * max(seconds), 1)}  # fmt: skip


def export_name(collection: str, fmt: str, gzip: bool) -> str:
    return f"{collection}.{fmt}" + (" gzip" if gzip else "")


def run_exports(server: Server, exports: list[tuple[str, str, bool]], query: str = "") -> dict:
    """Every export in turn on a running server, then the revalidation of the first plain one."""
    for _ in range(4):  # both workers load the API and their per-site facts before anything is measured
        server.warm("/api/v1/pois?limit=1", times=1)
    results: dict = {}
    for collection, fmt, gzip in exports:
        path = f"/api/v1/export/{collection}.{fmt}{query}"
        name = export_name(collection, fmt, gzip)
        log(f"export {name} …")
        settle(server)
        for _ in range(4):  # a worker started in place of a killed one loads the API first
            server.warm("/api/v1/pois?limit=1", times=1)
        result = measure(server, path, gzip)
        results[name] = result
        log(f"export {name}: {result.get('status')} in {result['seconds']} s, {result['items']} items, "
            f"{result['mb']} MB, worker RSS {result['rss_kb_before']} → peak {result['rss_kb_peak']} "
            f"→ {result['rss_kb_after']} kB" + ("" if result["complete"] else f"; CUT SHORT: {result['error']}"))  # fmt: skip
    plain = next((r for n, r in results.items() if not n.endswith("gzip") and r.get("etag")), None)
    revalidation = revalidate(server, plain["path"]) if plain else {}
    if revalidation:
        log(f"revalidation {plain['path']}: {revalidation['statuses']}, p50 {revalidation['p50_ms']} ms")
    return {"exports": results, "revalidation": revalidation}


def error_records(path: Path) -> dict:
    """What the server's log says went wrong: worker timeouts and tracebacks."""
    text = path.read_text(errors="replace") if path.exists() else ""
    return {"worker_timeouts": text.count("WORKER TIMEOUT"), "tracebacks": text.count("Traceback")}


def markdown(report: dict) -> str:
    lines = [
        f"## {report['date']} — {report['machine']}",
        "",
        f"Data: {report['data']}. Preparation this run: {report['preparation_run_s']} s "
        f"({'database prepared from nothing' if report['prepared_from_nothing'] else 'database kept'}); "
        f"when it was prepared: {report['preparation']}.",
        f"Server: gunicorn 2 sync workers, production settings, worker timeout {report['timeout_s']} s; "
        f"`EXPORT_CHUNK_SIZE` {report['chunk_size']}. Worker RSS sampled every "
        f"{int(SAMPLE_SECONDS * 1000)} ms; the serving worker is the one that spent the CPU.",
        "",
    ]
    lines += export_table(report["exports"])
    v = report.get("revalidation") or {}
    if v:
        lines += ["", f"Revalidation of `{v['path']}` with `If-None-Match` ({v['requests']} requests): "
                  f"{v['statuses']}, p50 {v['p50_ms']} ms, max {v['max_ms']} ms."]  # fmt: skip
    lines += ["", f"Server log: {report['server_log']}. Exports and revalidation {report['exports_s']} s."]
    again = report.get("with_long_timeout") or {}
    if again:
        lines += ["", f"Cut short at the {report['timeout_s']} s worker timeout, measured again with "
                  f"`--timeout {again['timeout_s']}` (server log {again['server_log']}):", ""]  # fmt: skip
        lines += export_table(again["exports"])
    for note in report.get("notes", []):
        lines.append(f"- {note}")
    return "\n".join(lines) + "\n"


def export_table(exports: dict) -> list[str]:
    lines = [
        "| export | status | complete | s | first byte s | items | MB on the wire | MB decoded | items/s "
        "| serving worker RSS kB before | peak | after | peak over both workers |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in exports.items():
        rate = round(r["items"] / r["seconds"]) if r.get("items") and r["seconds"] else "–"
        lines.append(
            f"| {name} | {r.get('status', '–')} | {'yes' if r['complete'] else '**no**'} | {r['seconds']} "
            f"| {r.get('first_byte_s', '–')} | {r['items']} | {r['mb']} | {r['body_mb']} | {rate} "
            f"| {r['rss_kb_before']} | {r['rss_kb_peak_serving']} | {r['rss_kb_after'] or 'killed'} "
            f"| {r['rss_kb_peak']} |"
        )
    return lines


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Bulk exports over gunicorn on the bench data (bench/README.md)."
    )
    parser.add_argument("--timeout", type=int, default=30,
                        help="gunicorn's worker timeout in seconds (30, as the Dockerfile runs it)")  # fmt: skip
    parser.add_argument("--only", help="one collection, e.g. news (quick check)")
    parser.add_argument("--locale", help="only this language (default: every language, as a full sync)")
    parser.add_argument("--no-write", action="store_true", help="print the figures, write no results file")
    return parser.parse_args()


def run(
    preparation: dict,
    prepared_s: float,
    timeout: int = 30,
    only: str | None = None,
    locale: str | None = None,
    write: bool = True,
) -> dict:
    """The exports on a fresh server over a prepared database; writes <date>-exports.{json,md}.

    Called by main() and by bench/run.py after the soak (`make bench`)."""
    started = time.perf_counter()
    exports = [e for e in EXPORTS if not only or e[0] == only]
    query = f"?locale={locale}" if locale else ""
    with Server(cached=True, logs=VAR / "exports", timeout=timeout) as server:
        figures = run_exports(server, exports, query)
    server_log = error_records(server.error_log)
    # A sync worker reports to gunicorn's arbiter only between requests: an export streaming longer
    # than the worker timeout is killed mid-answer. Those are measured again with room to finish.
    cut = [e for e in exports if not figures["exports"][export_name(*e)]["complete"]]
    again: dict = {}
    if cut and timeout < LONG_TIMEOUT:
        log(
            f"{len(cut)} export(s) cut short at the {timeout} s worker timeout: again with --timeout {LONG_TIMEOUT}"
        )
        with Server(cached=True, logs=VAR / "exports-long", timeout=LONG_TIMEOUT) as long_server:
            again = run_exports(long_server, cut, query)
        again["timeout_s"] = LONG_TIMEOUT
        again["server_log"] = error_records(long_server.error_log)
    report = {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.node()} {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
        "data": {k: preparation.get(k) for k in ("pois", "events", "news", "occurrences")},
        "preparation": {k: v for k, v in preparation.items() if k.endswith("_s") or k == "measured"},
        "preparation_run_s": prepared_s,
        # prepare_database() reads the kept timings back (with "measured") unless it prepared now.
        "prepared_from_nothing": "load_demo_s" in preparation and "measured" not in preparation,
        "timeout_s": timeout,
        "chunk_size": int(os.environ.get("EXPORT_CHUNK_SIZE", 200)),
        **figures,
        "server_log": server_log,
        "with_long_timeout": again,
        "exports_s": round(time.perf_counter() - started, 1),
    }
    report["notes"] = [
        f"{name}: cut short after {r['seconds']} s ({r.get('error')}), {r['items']} items had arrived; "
        f"worker {r['worker_pid']} killed and replaced: {r['worker_replaced']}"
        for name, r in figures["exports"].items()
        if not r["complete"]
    ]
    table = markdown(report)
    if write:
        RESULTS.mkdir(exist_ok=True)
        stem = RESULTS / (datetime.now().strftime("%Y-%m-%d") + "-exports")
        stem.with_suffix(".json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        stem.with_suffix(".md").write_text(table)
        log(f"exports done in {report['exports_s']} s: {stem}.json, {stem}.md")
    print(table)
    return report


def main() -> None:
    from bench.run import prepare_database  # the same preparation as `make bench`

    args = arguments()
    started = time.perf_counter()
    log(f"database {DATABASE_URL}: preparing (migrate; demo and scale data only when missing)")
    preparation = prepare_database()
    prepared_s = round(time.perf_counter() - started, 1)
    log(f"data ready in {prepared_s} s: {preparation}")
    run(preparation, prepared_s, args.timeout, args.only, args.locale, write=not args.no_write)


if __name__ == "__main__":
    main()
