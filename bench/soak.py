"""The soak and the fault drill of `make bench`.

Soak: 64 connections (wrk, `wrk_mix.lua`) over a weighted mix of every public endpoint — lists,
details, feeds, search, kiosk, stock v2, website support — on the bench data, once with the answer
cache off and once on, while `manage.py bench_soak_publish` publishes a revision of its own event
every 5 s through the publish pipeline. Reported: requests, every status, socket errors, p99 (wrk's,
over the whole mix, and the server's per endpoint from gunicorn's access log), worker RSS before and
after.

Drill, on the cached server: a throwaway redis-server on a spare port (the machine's Redis is never
touched) is shut down for the outage (its snapshot saved, so the answers cached before it come back
with it), the search engine (osmem-server, the stand-in the tests use, when installed) is stopped
and restarted, and a gunicorn worker is killed with SIGKILL. A change published during each outage
must be visible once it is over.
"""

import importlib.util
import json
import os
import random
import re
import signal
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

from bench.harness import (
    PYTHON,
    ROOT,
    VAR,
    Server,
    free_port,
    log,
    manage,
    server_env,
    wrk_command,
    wrk_figures,
)

MIX_LUA = str(ROOT / "bench" / "wrk_mix.lua")
MARKET = "52.2893,11.4085"
# Endpoints that may answer 503 while the search engine is down; nothing else may.
SEARCH_LABELS = {"search", "search_en", "suggest", "stock_search"}
GOOD = {304, 429}  # with 2xx: what the soak accepts; 429 only if the rate limit were reached


def good(status: int) -> bool:
    return 200 <= status < 300 or status in GOOD


def get_json(server: Server, path: str):
    with urllib.request.urlopen(server.base + path, timeout=60) as response:
        return json.loads(response.read())


def mix(server: Server, soak_event: dict) -> dict[str, tuple[str, int]]:
    """label → (path, weight): the clients' usual requests weigh more than stock v2 and the extras."""
    start = date.fromisoformat(soak_event["start"])
    week = start + timedelta(days=7)
    poi = get_json(server, "/api/v1/pois?limit=1")["items"][0]["id"]
    event = next(i["event_id"] for i in get_json(server, "/api/v1/events?limit=5")["items"]
                 if i["event_id"] != soak_event["event_id"])  # fmt: skip
    news = get_json(server, "/api/v1/news?limit=1")["items"][0]["id"]
    kiosk = get_json(server, "/api/v1/kiosks")[0]["slug"]
    soak = soak_event["event_id"]
    return {
        "events_week": (f"/api/v1/events?from={start}&to={week}&limit=20", 3),
        "events_en": ("/api/v1/events?locale=en&limit=20", 1),
        "events_today": (today_list(soak_event), 1),
        "events_ics": (f"/api/v1/events.ics?from={start}&to={start + timedelta(days=1)}", 1),
        "pois_near_open": (f"/api/v1/pois?near={MARKET}&open_now=true&ordering=distance&limit=20", 3),
        "pois_en": ("/api/v1/pois?locale=en&limit=20", 1),
        "pois_geojson": (f"/api/v1/pois.geojson?near={MARKET}&radius=2&limit=20", 1),
        "news": ("/api/v1/news?limit=20", 1),
        "news_rss": ("/api/v1/news.rss", 1),
        "poi_detail": (f"/api/v1/pois/{poi}", 2),
        "event_detail": (f"/api/v1/events/{event}", 1),
        "soak_event_detail": (f"/api/v1/events/{soak}", 1),
        "news_detail": (f"/api/v1/news/{news}", 1),
        "search": ("/api/v1/search?q=Schloss", 2),
        "search_en": ("/api/v1/search?q=palace&locale=en", 1),
        "suggest": ("/api/v1/search/suggest?q=Schl", 1),
        "kiosks": ("/api/v1/kiosks", 1),
        "kiosk_feed": (f"/api/v1/kiosks/{kiosk}/feed", 2),
        "kiosk_player": (f"/kiosks/{kiosk}/", 1),
        "stock_events": ("/api/wagtail/v2/pages/?type=tourism.Event&fields=*&limit=20", 1),
        "stock_detail": (f"/api/wagtail/v2/pages/{soak}/", 1),
        "stock_search": ("/api/wagtail/v2/pages/?search=Schloss&limit=20", 1),
        "navigation": ("/api/v1/navigation", 1),
        "categories": ("/api/v1/categories?kind=poi", 1),
        "locales": ("/api/v1/locales", 1),
        "poi_jsonld": (f"/api/v1/pois/{poi}?format=jsonld", 1),
        "stock_images": ("/api/wagtail/v2/images/?limit=20", 1),
        "openapi": ("/api/v1/openapi.json", 1),
    }


def today_list(soak_event: dict) -> str:
    start = date.fromisoformat(soak_event["start"])
    return f"/api/v1/events?from={start}&to={start + timedelta(days=1)}&limit=20"


def warm(server: Server, endpoints: dict[str, tuple[str, int]]) -> dict[str, int]:
    """One request per endpoint: the status each answers before the load (not counted)."""
    statuses = {}
    for label, (path, _weight) in endpoints.items():
        try:
            with urllib.request.urlopen(server.base + path, timeout=120) as response:
                response.read()
                statuses[label] = response.status
        except urllib.error.HTTPError as error:
            statuses[label] = error.code
    return statuses


def path_file(endpoints: dict[str, tuple[str, int]], name: str) -> Path:
    """The weighted, shuffled request sequence for wrk (the same for every run)."""
    sequence = [path for path, weight in endpoints.values() for _ in range(weight)]
    random.Random(16).shuffle(sequence)
    target = VAR / f"{name}.paths"
    target.write_text("\n".join(sequence) + "\n")
    return target


class Publisher:
    """`manage.py bench_soak_publish` in its own process: one publish per title written to it."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [PYTHON, "manage.py", "bench_soak_publish"],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.event = self._answer()
        self.lock = threading.Lock()
        self.results: list[dict] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._count = 0
        self.paused = False

    def _answer(self) -> dict:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                return json.loads(line)
        raise RuntimeError(f"bench_soak_publish ended (exit {self.process.wait()})")

    def publish(self, title: str) -> dict:
        with self.lock:
            return self._publish(title)

    def _publish(self, title: str) -> dict:
        assert self.process.stdin is not None
        self.process.stdin.write(title + "\n")
        self.process.stdin.flush()
        result = self._answer()
        self.results.append(result)
        return result

    def every(self, seconds: float) -> None:
        """Publish a new title every `seconds` in a thread (skipped while paused), until stop()."""

        def loop() -> None:
            while not self._stop.wait(seconds):
                with self.lock:
                    if not self.paused:
                        self._count += 1
                        self._publish(f"Soak: Stadtführung {self._count}")

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()

    def pause(self, paused: bool = True) -> None:
        """While paused, the last title published stays the latest: what a freshness check expects."""
        with self.lock:
            self.paused = paused

    def stop(self) -> dict:
        """Stop the periodic publishes; figures of every publish so far."""
        self._stop.set()
        if self._thread:
            self._thread.join()
        times = [r["publish_ms"] for r in self.results if "publish_ms" in r]
        return {
            "publishes": len(self.results),
            "errors": [r for r in self.results if "error" in r],
            "publish_ms_p50": round(statistics.median(times), 1) if times else None,
            "publish_ms_max": max(times, default=None),
        }

    def close(self) -> None:
        """End of input: the command deletes its event."""
        self.stop()
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(60)


class RedisServer:
    """A throwaway redis-server on a spare port; stop() saves a snapshot that start() loads again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = VAR / "redis"
        self.dir.mkdir(parents=True, exist_ok=True)
        (self.dir / "soak.rdb").unlink(missing_ok=True)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dir),
             "--dbfilename", "soak.rdb", "--save", "", "--appendonly", "no",
             "--logfile", str(self.dir / "redis.log")],
        )  # fmt: skip
        for _ in range(100):
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True)
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "save"], capture_output=True)
            self.process.wait(10)


class Engine:
    """osmem-server (the in-memory OpenSearch stand-in of the tests), when installed."""

    def __init__(self) -> None:
        spec = importlib.util.find_spec("osmem_server")
        self.binary = Path(spec.origin).parent / "bin" / "osmem-server" if spec and spec.origin else None
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def available(self) -> bool:
        return bool(self.binary and self.binary.exists())

    @property
    def url(self) -> str:
        return f"opensearch3+http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(self.binary), "-addr", f"127.0.0.1:{self.port}", "-no-stdin-watch"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("osmem-server did not start")

    def stop(self) -> None:
        """Gone at once, its port closed (SIGTERM lets it drain connections for seconds first)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def freeze(self, frozen: bool = True) -> None:
        """SIGSTOP: connections are accepted by the kernel and never answered (a hung engine)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP if frozen else signal.SIGCONT)


def load(server: Server, paths: Path, labels: dict[str, str], connections: int, seconds: int,
         actions: tuple = ()) -> dict:  # fmt: skip
    """wrk over the mix for `seconds`; `actions` ((offset s, name, callable), …) run meanwhile.

    Returns wrk's figures, the server's view per endpoint (its access-log lines of this run) and
    what each action returned.
    """
    offset = server.access_log.stat().st_size if server.access_log.exists() else 0
    process = subprocess.Popen(
        wrk_command(server, "/", connections, seconds, script=MIX_LUA),
        env={**os.environ, "BENCH_PATHS": str(paths)}, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    started = time.monotonic()
    done = {}
    for at, name, action in actions:
        time.sleep(max(0.0, started + at - time.monotonic()))
        done[name] = action()
    output, _ = process.communicate(timeout=seconds + 60)
    figures = wrk_figures(output)
    figures["drain_s"] = drain(server)
    figures["statuses"] = dict(sorted(figures["statuses"].items()))
    figures["socket_errors"] = sum(
        figures.pop(f"errors_{kind}") for kind in ("connect", "read", "write", "timeout")
    )
    figures["bad"] = (
        sum(n for s, n in figures["statuses"].items() if not good(int(s))) + figures["socket_errors"]
    )
    figures["endpoints"] = endpoints_seen(server.access_log, offset, labels)
    if done:
        figures["actions"] = done
    return figures


def drain(server: Server) -> float:
    """Seconds until the server has answered what wrk left queued when it stopped.

    gunicorn still serves the connections waiting in its backlog; a request sent now waits behind
    them. Without this, one phase's slow leftovers would be counted in (and slow down) the next.
    """
    started = time.monotonic()
    for _ in range(2):  # the second is accepted only after the first answered: the queue is empty
        try:
            with urllib.request.urlopen(server.base + "/healthz", timeout=120) as response:
                response.read()
        except OSError:
            pass
    time.sleep(0.2)  # the last answers' log lines
    return round(time.monotonic() - started, 2)


def endpoints_seen(access_log: Path, offset: int, labels: dict[str, str]) -> dict:
    """Per endpoint: requests, statuses and the server's p99 (ms), from access-log lines after offset."""
    statuses: dict[str, Counter] = defaultdict(Counter)
    micros: dict[str, list[int]] = defaultdict(list)
    with access_log.open() as lines:
        lines.seek(offset)
        for line in lines:
            status, duration, target = line.rstrip("\n").split(" ", 2)
            path, _, query = target.partition("?")
            label = labels.get(urllib.parse.quote(path, safe="/") + ("?" + query if query else ""), "other")
            statuses[label][status] += 1
            micros[label].append(int(duration))
    result = {}
    for label in sorted(statuses):
        values = sorted(micros[label])
        result[label] = {
            "requests": len(values),
            "statuses": dict(sorted(statuses[label].items())),
            "p99_ms": round(values[min(len(values) - 1, int(len(values) * 0.99))] / 1000, 1),
        }
    return result


RECORD = re.compile(
    r"^(?:\[\d{4}-\d\d-\d\d [\d:]+ [+-]\d{4}\] \[\d+\] \[(?P<gunicorn>[A-Z]+)\] |"
    r"\d{4}-\d\d-\d\d [\d:,]+ (?P<django>[A-Z]+) )(?P<message>.*)$"
)


def server_errors(error_log: Path) -> list[dict]:
    """ERROR and CRITICAL records of the server's log, counted by message, with a traceback's end."""
    records: dict[str, dict] = {}
    current: dict | None = None
    for line in error_log.read_text(errors="replace").splitlines():
        match = RECORD.match(line)
        if match:
            level = match["gunicorn"] or match["django"]
            message = re.sub(r"\d+", "N", match["message"]) if match["gunicorn"] else match["message"]
            current = None
            if level in {"ERROR", "CRITICAL"}:
                current = records.setdefault(message, {"message": message, "count": 0, "traceback": []})
                current["count"] += 1
                current["_fresh"] = current["count"] == 1
        elif current is not None and current.get("_fresh"):
            current["traceback"].append(line)
    for record in records.values():
        record.pop("_fresh", None)
        record["traceback"] = record["traceback"][-8:]
    return list(records.values())


def rss_figures(before: int, after: int) -> dict:
    return {"rss_kb_before": before, "rss_kb_after": after,
            "rss_growth_pct": round(100 * (after - before) / before, 1) if before else None}  # fmt: skip


def soak(cached: bool, seconds: int, connections: int, publish_every: float) -> dict:
    """One soak run on its own server and Redis."""
    name = "soak-cached" if cached else "soak-uncached"
    redis = RedisServer()
    redis.start()
    publisher = Publisher(server_env(cached, redis.url))
    try:
        with Server(cached=cached, redis_url=redis.url, logs=VAR / name) as server:
            endpoints = mix(server, publisher.event)
            labels = {path: label for label, (path, _w) in endpoints.items()}
            before_load = warm(server, endpoints)
            paths = path_file(endpoints, name)
            rss_before = server.worker_rss_kb()
            publisher.every(publish_every)
            figures = load(server, paths, labels, connections, seconds)
            publishing = publisher.stop()
            report = {
                "seconds": seconds,
                "connections": connections,
                "workers": len(server.worker_pids()),
                **figures,
                **rss_figures(rss_before, server.worker_rss_kb()),
                "publishing": publishing,
                "warm_statuses": before_load,
                "server_errors": server_errors(server.error_log),
                "endpoint_paths": {label: path for label, (path, _w) in endpoints.items()},
            }
    finally:
        publisher.close()
        redis.stop()
    log(f"{name}: {report['requests']} requests, {report['rps']} req/s, p99 {report['p99_ms']} ms, "
        f"statuses {report['statuses']}, socket errors {report['socket_errors']}, "
        f"RSS {report['rss_kb_before']} → {report['rss_kb_after']} kB")  # fmt: skip
    return report


def fresh(server: Server, event_id: int, title: str, list_path: str, search_word: str = "") -> dict:
    """Whether the API (detail, today's list, stock v2 detail, search) shows the latest title."""
    checks = {
        "detail": lambda: get_json(server, f"/api/v1/events/{event_id}")["title"] == title,
        "list": lambda: any(
            i["event_id"] == event_id and i["title"] == title for i in get_json(server, list_path)["items"]
        ),
        "stock_detail": lambda: get_json(server, f"/api/wagtail/v2/pages/{event_id}/")["title"] == title,
    }
    if search_word:
        checks["search"] = lambda: any(
            i["id"] == event_id for i in get_json(server, f"/api/v1/search?q={search_word}")["items"]
        )
    result: dict = {}
    for name, check in checks.items():
        try:
            result[name] = check()
        except (OSError, KeyError, ValueError) as error:  # HTTPError is an OSError
            result[name] = f"{error.__class__.__name__}: {error}"
    return result


def drill(seconds: int, connections: int, outage: int, publish_every: float) -> dict:
    """Redis outage, search-engine outage and a killed worker, under load on the cached server."""
    settle = max(5, min(15, seconds // 4))  # load before and after each fault
    redis = RedisServer()
    redis.start()
    engine = Engine()
    report: dict = {"outage_seconds": outage}
    if engine.available:
        engine.start()
        report["engine"] = "osmem-server (in-memory OpenSearch stand-in), opensearch3 backends"
    else:
        report["engine"] = "skipped: osmem-server is not installed (make install-dev); database search"
    search_url = engine.url if engine.available else ""
    env = server_env(True, redis.url, search_url)
    publisher = Publisher(env)

    def reindex() -> float:
        started = time.perf_counter()
        manage("bench_engine_index", capture=True, env=env)
        return round(time.perf_counter() - started, 1)

    try:
        if engine.available:
            report["engine_index_s"] = reindex()
        with Server(cached=True, redis_url=redis.url, search_url=search_url, logs=VAR / "drill") as server:
            event_id = publisher.event["event_id"]
            endpoints = mix(server, publisher.event)
            labels = {path: label for label, (path, _w) in endpoints.items()}
            report["warm_statuses"] = warm(server, endpoints)
            paths = path_file(endpoints, "drill")
            today = today_list(publisher.event)
            phases: dict[str, dict] = {}

            def run(phase: str, length: int, actions: tuple = ()) -> dict:
                phases[phase] = load(server, paths, labels, connections, length, actions)
                figures = phases[phase]
                log(f"drill {phase}: {figures['requests']} requests, statuses {figures['statuses']}, "
                    f"socket errors {figures['socket_errors']}, p99 {figures['p99_ms']} ms")  # fmt: skip
                return figures

            def marker(title: str) -> dict:
                """A change published during an outage, the latest until it has been checked."""
                publisher.pause()
                return publisher.publish(title)

            publisher.every(publish_every)
            run("steady", settle)

            redis_title = "Soak: Redisprobe"
            redis.stop()
            run("redis_down", outage, ((outage / 2, "publish", lambda: marker(redis_title)),))
            redis.start()
            run("redis_back", settle)
            phases["redis_back"]["fresh"] = fresh(server, event_id, redis_title, today)
            publisher.pause(False)

            if engine.available:
                engine_title, word = "Soak: Suchmarke Quendelwort", "Quendelwort"
                engine.stop()
                run("engine_down", outage, ((outage / 2, "publish", lambda: marker(engine_title)),))
                engine.start()
                phases["engine_down"]["reindex_s"] = reindex()  # an in-memory engine restarts empty
                run("engine_back", settle)
                phases["engine_back"]["fresh"] = fresh(server, event_id, engine_title, today, word)
                publisher.pause(False)
                engine.freeze()
                run("engine_frozen", outage)
                engine.freeze(False)
                run("engine_thawed", settle)

            def kill_worker() -> dict:
                before = server.worker_pids()
                os.kill(before[0], signal.SIGKILL)
                killed = time.monotonic()
                while time.monotonic() - killed < 20:
                    now = server.worker_pids()
                    if len(now) == len(before) and before[0] not in now:
                        return {"killed": before[0], "workers_after": now,
                                "replaced_after_s": round(time.monotonic() - killed, 2)}  # fmt: skip
                    time.sleep(0.05)
                return {"killed": before[0], "workers_after": server.worker_pids(), "replaced_after_s": None}

            run("worker_killed", settle * 2, ((1.0, "kill", kill_worker),))
            report["publishing"] = publisher.stop()
            final_title = "Soak: nach dem Drill"
            publisher.publish(final_title)
            time.sleep(1.5)  # versions are read at most once a second per process
            report["fresh_at_end"] = fresh(server, event_id, final_title, today)
            report["phases"] = phases
            report["server_errors"] = server_errors(server.error_log)
    finally:
        publisher.close()
        redis.stop()
        engine.stop()
    report["verdicts"] = drill_verdicts(report)
    return report


ENGINE_OUT = ("engine_down", "engine_frozen")


def drill_verdicts(report: dict) -> dict:
    """What the drill must show: 5xx only on search while the engine is out, nothing stale."""
    phases = report["phases"]
    elsewhere_5xx = {
        phase: {label: e["statuses"] for label, e in figures["endpoints"].items()
                if label not in SEARCH_LABELS or phase not in ENGINE_OUT
                if any(s.startswith("5") for s in e["statuses"])}
        for phase, figures in phases.items()
    }  # fmt: skip
    search_out = {
        phase: {
            label: e["statuses"] for label, e in phases[phase]["endpoints"].items() if label in SEARCH_LABELS
        }
        for phase in ENGINE_OUT
        if phase in phases
    }
    kill = phases["worker_killed"].get("actions", {}).get("kill", {})
    fresh_checks = [phases["redis_back"].get("fresh", {}), phases.get("engine_back", {}).get("fresh", {}),
                    report.get("fresh_at_end", {})]  # fmt: skip
    return {
        "no 5xx but search's while the engine is out": not any(elsewhere_5xx.values()),
        "5xx seen": {phase: found for phase, found in elsewhere_5xx.items() if found},
        # A cached answer from before the outage is still a 200; a miss must be a 503.
        "search answers 503 or a cached 200 while the engine is out": (
            all(set(s) <= {"200", "503"} for found in search_out.values() for s in found.values())
            if search_out
            else "not drilled"
        ),
        "search statuses while the engine is out": search_out,
        "worker replaced": kill.get("replaced_after_s") is not None,
        "nothing stale after recovery": all(v is True for checks in fresh_checks for v in checks.values()),
        "socket errors per phase": {phase: f["socket_errors"] for phase, f in phases.items()},
    }


def run_soak(seconds: int, connections: int, outage: int, publish_every: float, drill_too: bool) -> dict:
    result = {
        "uncached": soak(False, seconds, connections, publish_every),
        "cached": soak(True, seconds, connections, publish_every),
    }
    if drill_too:
        result["drill"] = drill(seconds, connections, outage, publish_every)
    return result


def markdown(result: dict) -> list[str]:
    """The soak's and the drill's section of the results page."""
    lines = ["", "### Soak", ""]
    lines += ["| server | s | conns | requests | req/s | p50 ms | p99 ms | statuses | socket errors | bad | worker RSS kB before → after | publishes (p50 ms) |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for mode in ("uncached", "cached"):
        s = result[mode]
        p = s["publishing"]
        lines.append(
            f"| {mode} | {s['seconds']} | {s['connections']} | {s['requests']} | {s['rps']} | {s['p50_ms']} "
            f"| {s['p99_ms']} | `{json.dumps(s['statuses'])}` | {s['socket_errors']} | {s['bad']} "
            f"| {s['rss_kb_before']} → {s['rss_kb_after']} ({s['rss_growth_pct']} %) "
            f"| {p['publishes']} ({p['publish_ms_p50']}), {len(p['errors'])} failed |"
        )
    lines += ["", "Per endpoint (server side, from the access log): requests, statuses, p99 ms.", "",
              "| endpoint | path | uncached | cached |", "|---|---|---|---|"]  # fmt: skip
    paths = result["uncached"]["endpoint_paths"]
    for label in sorted(set(result["uncached"]["endpoints"]) | set(result["cached"]["endpoints"])):
        cells = []
        for mode in ("uncached", "cached"):
            e = result[mode]["endpoints"].get(label)
            cells.append(f"{e['requests']} `{json.dumps(e['statuses'])}` {e['p99_ms']}" if e else "–")
        lines.append(f"| {label} | `{paths.get(label, '')}` | {cells[0]} | {cells[1]} |")
    for mode in ("uncached", "cached"):
        for error in result[mode]["server_errors"]:
            lines.append(f"- {mode} server log: {error['count']} × `{error['message']}`")
    drill_result = result.get("drill")
    if not drill_result:
        return [*lines, "", "Fault drill: not run (--no-drill)."]
    lines += ["", "### Fault drill (cached server)", "",
              f"Redis: a throwaway redis-server, shut down (snapshot saved) for {drill_result['outage_seconds']} s "
              f"and started again. Search engine: {drill_result['engine']}; killed (its port closed), started "
              f"and re-indexed (engine_down), then frozen with SIGSTOP (engine_frozen: connections accepted, "
              "never answered). Worker: one gunicorn worker killed with SIGKILL. \"other\" is /healthz, "
              "asked after each phase until the server has answered what wrk left queued (drain).", "",
              "| phase | s | requests | p99 ms | statuses | socket errors | 5xx by endpoint | drain s |",
              "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for phase, f in drill_result["phases"].items():
        fives = {label: e["statuses"] for label, e in f["endpoints"].items()
                 if any(s.startswith("5") for s in e["statuses"])}  # fmt: skip
        lines.append(f"| {phase} | {round(f['seconds'])} | {f['requests']} | {f['p99_ms']} | "
                     f"`{json.dumps(f['statuses'])}` | {f['socket_errors']} | `{json.dumps(fives)}` | {f['drain_s']} |")  # fmt: skip
    lines += ["", "| check | result |", "|---|---|"]
    for check, value in drill_result["verdicts"].items():
        lines.append(f"| {check} | `{json.dumps(value, ensure_ascii=False)}` |")
    phases = drill_result["phases"]
    details = {
        "fresh after Redis": phases["redis_back"].get("fresh"),
        "fresh after the engine": phases.get("engine_back", {}).get("fresh"),
        "fresh at the end": drill_result.get("fresh_at_end"),
        "worker kill": phases["worker_killed"].get("actions", {}).get("kill"),
        "engine re-index s": phases.get("engine_down", {}).get("reindex_s"),
    }
    lines += ["", f"Details: `{json.dumps(details, ensure_ascii=False)}`."]
    for error in drill_result["server_errors"]:
        lines.append(f"- drill server log: {error['count']} × `{error['message']}`")
    return lines
