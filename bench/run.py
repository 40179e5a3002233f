"""`make bench`: load figures for Roland's API against stock Wagtail API v2 and a bare Django view.

One invocation: prepares a PostgreSQL database with the demo plus scale data (kept between runs),
measures SQL queries per request in-process, then starts gunicorn (2 sync workers) twice — answer
cache off (uncached) and on (cached) — and drives each scenario with wrk at 8 and 64 connections.
Then the soak and the fault drill (bench/soak.py), then the bulk exports (bench/exports.py, into
bench/results/<date>-exports.json and .md). Writes bench/results/<date>.json and .md and the table in
bench/README.md; a run with `--only soak` writes bench/results/<date>-soak.json and .md.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/roland_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/9), BENCH_DURATION (seconds per wrk run, 5),
BENCH_POIS / BENCH_EVENTS / BENCH_NEWS (5000 / 20000 / 2000), BENCH_CONNECTIONS ("8,64"),
BENCH_SOAK_SECONDS (60). Options: `--help`.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the bench package is beside it

from bench import exports, soak  # noqa: E402
from bench.harness import (  # noqa: E402
    CONNECTIONS,
    DATABASE_URL,
    DURATION,
    REDIS_URL,
    VAR,
    Server,
    log,
    manage,
    server_env,
    wrk,
)

RESULTS = ROOT / "bench" / "results"
PREPARATION = RESULTS / "preparation.json"  # timings of the last preparation (load_demo, generation, index)
RSS_REQUESTS = 10_000

SCALE = {
    "pois": int(os.environ.get("BENCH_POIS", 5000)),
    "events": int(os.environ.get("BENCH_EVENTS", 20000)),
    "news": int(os.environ.get("BENCH_NEWS", 2000)),
}


def require_tools() -> None:
    if not shutil.which("wrk"):
        if os.geteuid() == 0 and shutil.which("apt-get"):
            log("installing wrk (Debian package)")
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "wrk"],
                check=True,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            )
        else:
            sys.exit("wrk is missing: apt-get install wrk")


def prepare_database(
    database_url: str = DATABASE_URL, scale: dict | None = None, record: Path = PREPARATION
) -> dict:
    """Demo plus scale data in a benchmark database; generated once and kept (seconds per step).

    Preparation runs once per database: its timings are kept in `record` and reported again.
    """
    scale = scale or SCALE
    env = server_env(cached=False, database_url=database_url)
    timings: dict[str, float] = {}
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    subprocess.run(
        [
            "createdb",
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            parts.username or "postgres",
            name,
        ],
        stderr=subprocess.DEVNULL,
        check=False,
    )
    manage("migrate", "--no-input", "-v", "0", env=env)
    if not (VAR / "static" / "staticfiles.json").exists():
        # The manifest production's static storage needs (the kiosk player's assets), as the image has it.
        manage("collectstatic", "--no-input", "-v", "0", env=env)
    facts = json.loads(manage("shell", "-c", _COUNT_PAGES, capture=True, env=env).strip().splitlines()[-1])
    if facts["pois"] == 0:
        started = time.perf_counter()
        manage("load_demo", env=env)
        timings["load_demo_s"] = round(time.perf_counter() - started, 1)
    if facts["scale_pois"] < scale["pois"]:
        started = time.perf_counter()
        manage(
            "generate_scale_data",
            "--pois", str(scale["pois"]),
            "--events", str(scale["events"]),
            "--news", str(scale["news"]),
            "--locales", "de,en",
            env=env,
        )  # fmt: skip
        timings["generate_scale_data_s"] = round(time.perf_counter() - started, 1)
        # Wagtail's index (stock v2 search) and Roland's search table, for the search scenario.
        started = time.perf_counter()
        manage("update_index", env=env)
        timings["update_index_s"] = round(time.perf_counter() - started, 1)
    manage(
        "shell", "-c", "from bench.scale_data import vacuum_analyze_tables; vacuum_analyze_tables()", env=env
    )
    if timings:
        record.parent.mkdir(exist_ok=True)
        record.write_text(
            json.dumps({"measured": datetime.now().strftime("%Y-%m-%d %H:%M"), **timings}) + "\n"
        )
    elif record.exists():
        timings = json.loads(record.read_text())
    timings.update(
        json.loads(manage("shell", "-c", _COUNT_PAGES, capture=True, env=env).strip().splitlines()[-1])
    )
    return timings


_COUNT_PAGES = (
    "import json; from tourism.models import PointOfInterest, Event, NewsArticle, EventOccurrence; "
    "print(json.dumps({'pois': PointOfInterest.objects.count(), "
    "'scale_pois': PointOfInterest.objects.filter(slug__startswith='scale-').count(), "
    "'events': Event.objects.count(), 'news': NewsArticle.objects.count(), "
    "'occurrences': EventOccurrence.objects.count()}))"
)


def run_scenarios(server: Server, scenarios: dict, cached: bool) -> dict:
    results: dict = {}
    for name, sides in scenarios.items():
        for side in ("roland", "stock"):
            if cached and side == "stock":
                continue  # stock v2 is compared uncached: it has no answer cache of its own
            info = sides[side]
            if info["status"] != 200 or info.get("count", 0) < info.get("claimed", 1):
                # bench_probe checks every answer already; a probe of another shape must not slip by.
                raise SystemExit(f"{name}/{side}: HTTP {info['status']}, {info.get('count')} entries for "
                                 f"{info['url']}; the scenario claims {info.get('claimed')}")  # fmt: skip
            etag = server.warm(info["url"])
            for connections in CONNECTIONS:
                rss_before = server.worker_rss_kb()
                figures = wrk(server, info["url"], connections)
                figures["rss_kb_before"], figures["rss_kb_after"] = rss_before, server.worker_rss_kb()
                results[f"{name}/{side}/c{connections}"] = figures
                log(f"{'cached' if cached else 'uncached'} {name}/{side} c{connections}: "
                    f"{figures['rps']:.0f} req/s, p99 {figures['p99_ms']:.1f} ms")  # fmt: skip
            if cached and side == "roland" and name == "events_week":
                for connections in CONNECTIONS:
                    figures = wrk(server, info["url"], connections, header=f"If-None-Match: {etag}")
                    results[f"events_week/revalidate_304/c{connections}"] = figures
    for connections in CONNECTIONS:
        server.warm("/bench/constant")
        results[f"bare_django/c{connections}"] = wrk(server, "/bench/constant", connections)
    return results


def rss_growth(server: Server, path: str, rps: float) -> dict:
    """Worker memory before and after at least 10,000 requests of one typed list.

    Timed by duration from the measured rate: stopping wrk threads by count leaves connections half
    open, and gunicorn's sync workers then wait on them until their timeout.
    """
    server.warm(path)
    before = server.worker_rss_kb()
    seconds = max(DURATION, int(RSS_REQUESTS / max(rps, 1) * 1.5) + 1)
    figures = wrk(server, path, 8, seconds=seconds)
    after = server.worker_rss_kb()
    return {"path": path, "requests": figures["requests"], "rss_kb_before": before, "rss_kb_after": after,
            "growth_pct": round(100 * (after - before) / before, 1) if before else None}  # fmt: skip


def ratio(a: dict | None, b: dict | None) -> float | None:
    if not a or not b or "rps" not in a or "rps" not in b or not b["rps"]:
        return None
    return round(a["rps"] / b["rps"], 2)


def ratios(figures: dict, names: tuple[str, ...]) -> dict:
    """Roland's req/s over stock v2's per scenario, at the first connection count."""
    c = CONNECTIONS[0]
    return {
        name: ratio(figures.get(f"{name}/roland/c{c}"), figures.get(f"{name}/stock/c{c}")) for name in names
    }


def at_least(figures: dict, floor: float) -> bool:
    return bool(figures) and all(r is not None and r >= floor for r in figures.values())


TYPED_LISTS = ("events_week", "pois_near_open", "news_rss")
DETAILS = ("poi_detail", "event_detail", "news_detail")


def targets(probe: dict, uncached: dict, cached: dict, rss: dict, publish: dict) -> dict:
    """The issue's targets (issue 23), each with the figure it is judged on; ratios from one run."""
    c = CONNECTIONS[0]
    typed = ratios(uncached, TYPED_LISTS)
    details = ratios(uncached, DETAILS)
    detail_queries = {name: probe.get(name, {}).get("roland", {}).get("queries") for name in DETAILS}
    bare = cached.get(f"bare_django/c{c}")
    cached_ratios = {
        name: ratio(cached.get(f"{name}/roland/c{c}"), bare) for name in probe if name != "search_latency"
    }
    list_queries = {name: probe[name].get("limit_1_vs_100") for name in ("events_week", "pois_near_open")}
    kiosk = uncached.get(f"kiosk_feed/roland/c{c}", {})
    kiosk_queries = probe.get("kiosk_feed", {}).get("roland", {}).get("queries")
    kiosk_ratio = ratios(uncached, ("kiosk_feed",))
    search = ratios(uncached, ("search_schloss",))
    one_client = probe.get("search_latency", {})
    publish_ms = publish.get("publish_ms")
    return {
        "uncached typed lists (events week, POIs near + open_at, news RSS) >= 20x stock v2": {
            "figures": typed,
            "met": at_least(typed, 20),
        },
        "details (POI, event, news) >= 3x the stock v2 detail, <= 8 SQL queries each": {
            "figures": {"ratios": details, "queries": detail_queries},
            "met": at_least(details, 3) and all(q is not None and q <= 8 for q in detail_queries.values()),
        },
        "kiosk feed uncached >= 10x stock, <= 8 queries, p99 <= 250 ms at 8 connections": {
            "figures": {"ratio": kiosk_ratio, "queries": kiosk_queries, "p99_ms": kiosk.get("p99_ms")},
            "met": at_least(kiosk_ratio, 10)
            and kiosk_queries is not None
            and kiosk_queries <= 8
            and kiosk.get("p99_ms", 1e9) <= 250,
        },
        "cached >= 0.8x bare Django view": {
            "figures": cached_ratios,
            "met": at_least(cached_ratios, 0.8),
        },
        # Judged on one client (the search's own latency, uncached); under wrk's 8 connections on two
        # workers a request also waits for the ones ahead of it, shown alongside.
        "search >= 15x stock v2 under wrk; one client uncached p99 <= 100 ms": {
            "figures": {
                "ratio": search,
                "one_client": one_client,
                "wrk_c8_p99_ms": uncached.get(f"search_schloss/roland/c{c}", {}).get("p99_ms"),
                "bare_view_rps": uncached.get(f"bare_django/c{c}", {}).get("rps"),
            },
            "met": at_least(search, 15) and one_client.get("p99_ms", 1e9) <= 100,
        },
        "SQL queries per list <= 10 and equal for limit 1 and 100": {
            "figures": list_queries,
            "met": all(q and q[0] == q[1] <= 10 for q in list_queries.values()),
        },
        "publish of a weekly event <= 200 ms": {
            "figures": {key: value for key, value in publish.items() if key != "split"},
            "met": publish_ms is not None and publish_ms <= 200,
        },
        "worker RSS growth <= 10% over 10,000 requests": {
            "figures": rss.get("growth_pct"),
            "met": rss.get("growth_pct") is not None and rss["growth_pct"] <= 10,
        },
    }


def markdown(report: dict) -> str:
    lines = [f"## {report['date']} — {report['machine']}", ""]
    if "probe" in report:
        lines += figures_markdown(report)
    else:
        lines.append(f"Data: {report['data']}. Preparation: {report['preparation']}.")
    if "soak" in report:
        lines += soak.markdown(report["soak"])
    return "\n".join(lines) + "\n"


def figures_markdown(report: dict) -> list[str]:
    lines = [
        f"Data: {report['data']}. wrk {DURATION} s per run; gunicorn 2 sync workers; PostgreSQL + Redis.",
        "",
        "| scenario | side | conns | uncached req/s | p50 ms | p99 ms | cached req/s | p50 ms | p99 ms | SQL/req | bytes |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, sides in report["probe"].items():
        if name == "search_latency":
            continue
        for side in ("roland", "stock"):
            for c in CONNECTIONS:
                u = report["uncached"].get(f"{name}/{side}/c{c}", {})
                k = report["cached"].get(f"{name}/{side}/c{c}", {})
                info = sides.get(side, {})
                if "rps" not in u and "rps" not in k:
                    continue
                lines.append(
                    f"| {name} | {side} | {c} | {u.get('rps', '–')} | {u.get('p50_ms', '–')} | {u.get('p99_ms', '–')} "
                    f"| {k.get('rps', '–')} | {k.get('p50_ms', '–')} | {k.get('p99_ms', '–')} "
                    f"| {info.get('queries', '–')} | {info.get('bytes', '–')} |"
                )
    for c in CONNECTIONS:
        r = report["cached"].get(f"events_week/revalidate_304/c{c}", {})
        lines.append(f"| events_week 304 | roland | {c} | – | – | – | {r.get('rps', '–')} | {r.get('p50_ms', '–')} | {r.get('p99_ms', '–')} | 0 | 0 |")  # fmt: skip
        for mode in ("uncached", "cached"):
            b = report[mode].get(f"bare_django/c{c}", {})
            lines.append(f"| bare Django view ({mode} server) | – | {c} | {b.get('rps', '–')} | {b.get('p50_ms', '–')} | {b.get('p99_ms', '–')} | | | | 0 | 26 |")  # fmt: skip
    lines += ["", "| target | figures | met |", "|---|---|---|"]
    for target, verdict in report["targets"].items():
        lines.append(
            f"| {target} | `{json.dumps(verdict['figures'])}` | {'yes' if verdict['met'] else '**no**'} |"
        )
    rss = report["rss"]
    lines += [
        "",
        f"Worker RSS over {rss['requests']} requests of `{rss['path']}`: {rss['rss_kb_before']} → "
        f"{rss['rss_kb_after']} kB ({rss['growth_pct']} %).",
        f"Publish an event with a weekly recurrence: "
        f"{ {key: value for key, value in report['publish'].items() if key != 'split'} }. "
        f"Preparation: {report['preparation']}.",
    ]
    split = report["publish"].get("split")
    if split:
        lines += ["", "| publish step | CPU ms | ms | SQL |", "|---|---|---|---|"]
        lines += [f"| {step} | {f['cpu_ms']} | {f['ms']} | {f['queries']} |" for step, f in split.items()]
    return lines


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Load figures, soak and fault drill (bench/README.md).")
    parser.add_argument("--only", choices=("figures", "soak", "exports"), help="figures: the per-scenario "
                        "table; soak: the soak and its fault drill; exports: the bulk exports (bench/exports.py); "
                        "default: all three")  # fmt: skip
    parser.add_argument("--soak-seconds", type=int, default=int(os.environ.get("BENCH_SOAK_SECONDS", 60)),
                        help="seconds of each soak run (uncached, cached); the drill scales with it")  # fmt: skip
    parser.add_argument("--soak-connections", type=int, default=64)
    parser.add_argument("--publish-every", type=float, default=5.0, help="seconds between publishes")
    parser.add_argument(
        "--outage-seconds", type=int, default=10, help="how long Redis and the engine are down"
    )
    parser.add_argument("--no-drill", action="store_true", help="the soak without the fault drill")
    return parser.parse_args()


def figures(probe: dict) -> dict:
    """The per-scenario figures: uncached and cached server, wrk at each connection count."""
    scenarios = {name: sides for name, sides in probe.items() if "roland" in sides}
    publish = json.loads(manage("bench_publish", capture=True).strip().splitlines()[-1])
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=False, capture_output=True)
    with Server(cached=False) as server:
        uncached = run_scenarios(server, scenarios, cached=False)
    with Server(cached=True) as server:
        cached = run_scenarios(server, scenarios, cached=True)
        # On the cached server: 10,000 uncached requests would take minutes at typed-list speed.
        rate = cached.get(f"events_week/roland/c{CONNECTIONS[0]}", {}).get("rps", 100)
        rss = rss_growth(server, probe["events_week"]["roland"]["url"], rate)
    return {"publish": publish, "probe": probe, "uncached": uncached, "cached": cached, "rss": rss,
            "targets": targets(probe, uncached, cached, rss, publish)}  # fmt: skip


def write_results(
    stem: Path, report: dict, table: str, markers: str | None, readme: Path = ROOT / "bench" / "README.md"
) -> None:
    """`<stem>.json` and `.md`; with `markers`, the table in the bench README between
    `<!-- {markers}:start -->` and `<!-- {markers}:end -->`."""
    stem.with_suffix(".json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    stem.with_suffix(".md").write_text(table)
    text = readme.read_text()
    start, end = f"<!-- {markers}:start -->", f"<!-- {markers}:end -->"
    if markers and start in text and end in text:
        readme.write_text(text.split(start)[0] + start + "\n" + table + end + text.split(end)[1])


def main() -> None:
    args = arguments()
    parts = {args.only} if args.only else {"figures", "soak", "exports"}
    started = time.perf_counter()
    require_tools()
    log(f"database {DATABASE_URL}, redis {REDIS_URL}")
    preparation = prepare_database()
    prepared_s = round(time.perf_counter() - started, 1)
    log(f"data ready in {prepared_s} s: {preparation}")
    report = {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.node()} {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
        "data": {k: preparation.get(k) for k in ("pois", "events", "news", "occurrences")},
        "preparation": {k: v for k, v in preparation.items() if k.endswith("_s") or k == "measured"},
    }
    if "figures" in parts:
        report.update(figures(json.loads(manage("bench_probe", capture=True).strip().splitlines()[-1])))
    if "soak" in parts:
        report["soak"] = soak.run_soak(
            args.soak_seconds,
            args.soak_connections,
            args.outage_seconds,
            args.publish_every,
            not args.no_drill,
        )
    if "exports" in parts:  # its own results file (<date>-exports), like `bench/exports.py` alone
        exports.run(preparation, prepared_s)
        if parts == {"exports"}:
            return
    report["wall_s"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    # A soak-only run is kept beside the day's full results, not over them.
    stem = RESULTS / (datetime.now().strftime("%Y-%m-%d") + ("" if "figures" in parts else "-soak"))
    table = markdown(report)
    write_results(stem, report, table, "results" if {"figures", "soak"} <= parts else None)
    log(f"done in {report['wall_s']} s: {stem}.json, {stem}.md")
    print(table)


if __name__ == "__main__":
    main()
