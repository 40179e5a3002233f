"""`make bench-scale`: what each scenario costs as the data grows, at 1× and 10× the bench data in one run.

Two PostgreSQL databases: the one `make bench` uses (1×: 5,000 POIs, 20,000 events, 2,000 news in two
languages) and a second with BENCH_SCALE_FACTOR (10) times as much (`BENCH_SCALE_DATABASE_URL`,
default postgres://postgres@127.0.0.1:5432/roland_bench_scale), each prepared once and kept (the
generator and `update_index` are timed when they run; their timings are kept in
bench/results/preparation[-scale].json). Per database: `bench_probe` (URLs, answers checked, SQL
queries), then an uncached gunicorn (2 sync workers) and wrk at 8 connections per scenario. Writes
bench/results/<date>-scale.json and .md and the table in bench/README.md (between the scale markers).
Options: `--help`.
"""

import argparse
import json
import os
import platform
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the bench package is beside it

from bench.harness import DATABASE_URL, Server, log, manage, server_env, wrk  # noqa: E402
from bench.run import PREPARATION, RESULTS, SCALE, prepare_database, require_tools, write_results  # noqa: E402

FACTOR = int(os.environ.get("BENCH_SCALE_FACTOR", 10))
SCALE_DATABASE_URL = os.environ.get(
    "BENCH_SCALE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/roland_bench_scale"
)
SCALE_PREPARATION = RESULTS / "preparation-scale.json"
CONNECTIONS = 8
GROWTH_LIMIT = 1.5  # p50 at FACTOR× over p50 at 1×, per scenario
PREPARATION_LIMIT_S = 30 * 60  # generator + update_index at FACTOR×
SCENARIOS = (
    "events_week",
    "pois_near_open",
    "poi_detail",
    "event_detail",
    "news_detail",
    "news_rss",
    "search_schloss",
    "kiosk_feed",
)


def measure(database_url: str) -> dict:
    """Queries, bytes and wrk figures of Roland's side of every scenario on one database (uncached)."""
    env = server_env(cached=False, database_url=database_url)
    probe = json.loads(manage("bench_probe", capture=True, env=env).strip().splitlines()[-1])
    figures: dict = {"search_latency": probe.get("search_latency")}
    with Server(cached=False, database_url=database_url) as server:
        for name in SCENARIOS:
            if name not in probe:
                raise SystemExit(f"{name}: not answered on {database_url} (bench_probe found no URL)")
            info = probe[name]["roland"]
            server.warm(info["url"])
            run = wrk(server, info["url"], CONNECTIONS)
            figures[name] = {**info, **{k: run[k] for k in ("rps", "p50_ms", "p99_ms")}}
            log(
                f"{database_url.rsplit('/', 1)[-1]} {name}: p50 {run['p50_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms"
            )
    return figures


def growth(small: dict, large: dict) -> dict:
    rows = {}
    for name in SCENARIOS:
        a, b = small[name], large[name]
        rows[name] = {
            "p50": round(b["p50_ms"] / a["p50_ms"], 2) if a["p50_ms"] else None,
            "p99": round(b["p99_ms"] / a["p99_ms"], 2) if a["p99_ms"] else None,
            "queries": [a["queries"], b["queries"]],
        }
    return rows


def markdown(report: dict) -> str:
    small, large, grown = report["1x"], report[f"{FACTOR}x"], report["growth"]
    lines = [
        f"## {report['date']} — {report['machine']}",
        "",
        f"Data 1×: {report['data']['1x']}; {FACTOR}×: {report['data'][f'{FACTOR}x']}. Uncached, gunicorn 2 sync "
        f"workers, wrk {CONNECTIONS} connections. Preparation at {FACTOR}×: {report['preparation'][f'{FACTOR}x']}.",
        "",
        f"| scenario | 1× p50 ms | 1× p99 ms | {FACTOR}× p50 ms | {FACTOR}× p99 ms | growth p50 | growth p99 "
        "| SQL 1× / 10× |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in SCENARIOS:
        a, b, g = small[name], large[name], grown[name]
        lines.append(
            f"| {name} | {a['p50_ms']} | {a['p99_ms']} | {b['p50_ms']} | {b['p99_ms']} | {g['p50']}× | {g['p99']}× "
            f"| {g['queries'][0]} / {g['queries'][1]} |"
        )
    lines += ["", "| target | figures | met |", "|---|---|---|"]
    for target, verdict in report["targets"].items():
        lines.append(
            f"| {target} | `{json.dumps(verdict['figures'])}` | {'yes' if verdict['met'] else '**no**'} |"
        )
    return "\n".join(lines) + "\n"


def targets(report: dict) -> dict:
    grown = report["growth"]
    preparation = report["preparation"][f"{FACTOR}x"]
    seconds = (preparation.get("generate_scale_data_s") or 0) + (preparation.get("update_index_s") or 0)
    return {
        f"p50 at {FACTOR}× <= {GROWTH_LIMIT}× p50 at 1× (lists, details, kiosk, search)": {
            "figures": {name: row["p50"] for name, row in grown.items()},
            "met": all(row["p50"] is not None and row["p50"] <= GROWTH_LIMIT for row in grown.values()),
        },
        f"generator + update_index at {FACTOR}× <= 30 min": {
            "figures": {"seconds": round(seconds, 1)},
            "met": 0 < seconds <= PREPARATION_LIMIT_S,
        },
    }


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    started = time.perf_counter()
    require_tools()
    log(f"1×: {DATABASE_URL}; {FACTOR}×: {SCALE_DATABASE_URL}")
    small_facts = prepare_database(DATABASE_URL, SCALE, PREPARATION)
    large_facts = prepare_database(
        SCALE_DATABASE_URL, {key: value * FACTOR for key, value in SCALE.items()}, SCALE_PREPARATION
    )
    keys = ("pois", "events", "news", "occurrences")
    report = {
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.node()} {os.cpu_count()} cores, {platform.python_implementation()} {platform.python_version()}",
        "data": {
            "1x": {k: small_facts.get(k) for k in keys},
            f"{FACTOR}x": {k: large_facts.get(k) for k in keys},
        },
        "preparation": {
            "1x": {k: v for k, v in small_facts.items() if k.endswith("_s") or k == "measured"},
            f"{FACTOR}x": {k: v for k, v in large_facts.items() if k.endswith("_s") or k == "measured"},
        },
    }
    report["1x"] = measure(DATABASE_URL)
    report[f"{FACTOR}x"] = measure(SCALE_DATABASE_URL)
    report["growth"] = growth(report["1x"], report[f"{FACTOR}x"])
    report["targets"] = targets(report)
    report["wall_s"] = round(time.perf_counter() - started, 1)
    RESULTS.mkdir(exist_ok=True)
    stem = RESULTS / (datetime.now().strftime("%Y-%m-%d") + "-scale")
    table = markdown(report)
    write_results(stem, report, table, "scale")
    log(f"done in {report['wall_s']} s: {stem}.json, {stem}.md")
    print(table)


if __name__ == "__main__":
    main()
