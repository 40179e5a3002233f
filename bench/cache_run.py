"""A short mixed read run against a running Roland server, counting answer-cache hits and misses.

    python bench/cache_run.py http://127.0.0.1:8000 --requests 3000 --publish-every 1000

Reads a realistic mix (lists in both languages, details, feeds, revalidations with If-None-Match)
and, every --publish-every requests, republishes one event through `manage.py` in a second process,
which invalidates every cached answer. Prints hits, misses, 304s and latency per path kind.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict

REPUBLISH = (
    "from tourism.models import Event; "
    "e = Event.objects.live().order_by('pk').first(); "
    "e.save_revision().publish(); print(e.pk)"
)


def fetch(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, float]:
    request = urllib.request.Request(url, headers=headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
            status, answer_headers = response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        body, status, answer_headers = error.read(), error.code, dict(error.headers)
    return status, answer_headers, body, (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--publish-every", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    base = args.base.rstrip("/")

    details = sorted(
        {
            urllib.parse.urlsplit(item["api_url"]).path
            for kind in ("pois", "events", "news")
            for item in json.loads(fetch(f"{base}/api/v1/{kind}?limit=20", {})[2])["items"]
        }
    )
    paths = [
        *(f"/api/v1/{kind}?locale={loc}" for kind in ("pois", "events", "news") for loc in ("de", "en")),
        "/api/v1/events?limit=5",
        "/api/v1/pois?open_now=true",
        "/api/v1/pois.geojson",
        "/api/v1/events.ics",
        "/api/v1/news.rss",
        "/api/v1/navigation",
        "/api/v1/categories?kind=poi",
        *details,
    ]
    etags: dict[str, str] = {}
    outcomes: Counter[str] = Counter()
    latency: dict[str, list[float]] = defaultdict(list)
    for n in range(1, args.requests + 1):
        path = rng.choice(paths)
        headers = {}
        if path in etags and rng.random() < 0.25:  # a quarter of repeat reads revalidate
            headers["If-None-Match"] = etags[path]
        status, answer_headers, _body, ms = fetch(base + path, headers)
        state = answer_headers.get("X-Roland-Cache", "none")
        outcome = "304" if status == 304 else f"{status} {state}"
        outcomes[outcome] += 1
        latency[outcome].append(ms)
        if status == 200:
            etags[path] = answer_headers.get("ETag", "")
        if args.publish_every and n % args.publish_every == 0 and n < args.requests:
            subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", REPUBLISH], check=True, capture_output=True
            )
            outcomes["publishes"] += 1

    print(f"{args.requests} requests over {len(paths)} URLs, {outcomes.pop('publishes', 0)} publishes")
    for outcome, count in sorted(outcomes.items()):
        values = sorted(latency[outcome])
        p50 = statistics.median(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(
            f"{outcome:>12}: {count:5d} ({count / args.requests:6.1%})  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms"
        )


if __name__ == "__main__":
    main()
