"""In-process facts for the benchmark: the URLs to load, and per URL the SQL queries and bytes of an
uncached answer (what gunicorn pays on a cache miss), measured with Django's test client."""

import json
import statistics
import time
from datetime import timedelta
from urllib.parse import quote

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.answers import Claim, check_answer, open_at_moment
from cms.process import freeze_startup_objects

MARKET = "52.2893,11.4085"
# What each side of a scenario claims to answer (entries; see bench.answers).
CLAIMS = {
    "events_week": {"roland": Claim(20), "stock": Claim(20)},
    "pois_near_open": {"roland": Claim(20), "stock": Claim(20)},
    "poi_detail": {"roland": Claim(1), "stock": Claim(1)},
    "event_detail": {"roland": Claim(1), "stock": Claim(1)},
    "news_detail": {"roland": Claim(1), "stock": Claim(1)},
    "news_rss": {"roland": Claim(50), "stock": Claim(20)},  # the feed's 50 newest; v2's page of 20
    "search_schloss": {"roland": Claim(20), "stock": Claim(20)},
    "kiosk_feed": {"roland": Claim(1), "stock": Claim(20)},  # something on now, next or upcoming
}


def scenario_urls(client: Client) -> dict[str, dict[str, str]]:
    """Each scenario: Roland's URL and the nearest stock Wagtail API v2 request on the same data."""
    today = timezone.localdate()
    week = today + timedelta(days=7)
    open_at = quote(open_at_moment(today).isoformat())
    poi_id, event_id, news_id = (first_id(client, f"/api/v1/{path}") for path in ("pois", "events", "news"))
    urls = {
        "events_week": {
            "roland": f"/api/v1/events?from={today}&to={week}&limit=20",
            "stock": "/api/wagtail/v2/pages/?type=tourism.Event&fields=*&limit=20",
        },
        "pois_near_open": {
            "roland": f"/api/v1/pois?near={MARKET}&open_at={open_at}&ordering=distance&limit=20",
            "stock": "/api/wagtail/v2/pages/?type=tourism.PointOfInterest&fields=*&limit=20",
        },
        "poi_detail": {
            "roland": f"/api/v1/pois/{poi_id}",
            "stock": f"/api/wagtail/v2/pages/{poi_id}/",
        },
        "event_detail": {
            "roland": f"/api/v1/events/{event_id}",
            "stock": f"/api/wagtail/v2/pages/{event_id}/",
        },
        "news_detail": {
            "roland": f"/api/v1/news/{news_id}",
            "stock": f"/api/wagtail/v2/pages/{news_id}/",
        },
        "news_rss": {
            "roland": "/api/v1/news.rss",
            "stock": "/api/wagtail/v2/pages/?type=tourism.NewsArticle&fields=*&limit=20",
        },
        "search_schloss": {
            "roland": "/api/v1/search?q=Schloss&limit=20",
            "stock": "/api/wagtail/v2/pages/?search=Schloss&limit=20",
        },
    }
    kiosks = client.get("/api/v1/kiosks")
    if kiosks.status_code == 200 and kiosks.json():
        slug = kiosks.json()[0]["slug"]
        urls["kiosk_feed"] = {
            "roland": f"/api/v1/kiosks/{slug}/feed",
            "stock": "/api/wagtail/v2/pages/?type=tourism.Event&fields=*&limit=20",
        }
    return urls


def first_id(client: Client, path: str) -> int:
    """The first item of a list (0 when empty: the detail then answers 404 and the run stops).

    The events list lists occurrences: its items' `id` is the occurrence's, `event_id` the event's."""
    items = client.get(path, {"limit": 1}).json()["items"]
    return items[0].get("event_id", items[0]["id"]) if items else 0


def measure(client: Client, url: str, scenario: str | None = None, claim: Claim | None = None) -> dict:
    """Queries (the median of three answers) and bytes of an uncached answer; with a claim, its entry count, checked (a short or
    empty answer stops the run: bench.answers)."""
    client.get(url)  # warm the per-site facts, as a running server has them
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts.append(len(queries))
    # The median of three: a process reads the version counters again once a second (one query),
    # which a busy server spreads over hundreds of answers and one slow probe answer may pay alone.
    figures = {"status": response.status_code, "queries": sorted(counts)[1], "bytes": len(response.content)}
    if claim is not None:
        content_type = response.headers.get("Content-Type", "")
        figures["count"] = check_answer(scenario, response.status_code, content_type, response.content, claim)
        figures["claimed"] = claim.items
    return figures


# Broad and narrow words of the scale data, German and English; each answered uncached.
SEARCH_QUERIES = [
    ("Schloss", "de"),
    ("Museum", "de"),
    ("Führung Altstadt", "de"),
    ("Roland", "de"),
    ("palace", "en"),  # "castle" is only a category slug in the scale data: it found nothing
    ("museum", "en"),
]


def search_latency(client: Client, rounds: int = 10) -> dict:
    """Whole-request search latency for one client (no queueing), uncached: p50 and p99 in ms."""
    timings: list[float] = []
    for query, locale in SEARCH_QUERIES:
        url = f"/api/v1/search?q={query}&locale={locale}"
        client.get(url)
        for _ in range(rounds):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "queries": [f"{query} ({locale})" for query, locale in SEARCH_QUERIES],
        "requests": len(timings),
        "p50_ms": round(statistics.median(timings), 1),
        "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 1),
    }


class Command(BaseCommand):
    help = "Print the benchmark's URLs with SQL queries and bytes per uncached answer, as JSON."

    def handle(self, *args, **options) -> None:
        with override_settings(API_CACHE_SERVER_SECONDS=0, API_RATE_LIMIT_ANONYMOUS=10**9):
            client = Client(HTTP_HOST="127.0.0.1")
            scenarios = scenario_urls(client)
            result = {}
            for name, urls in scenarios.items():
                result[name] = {
                    side: {"url": url, **measure(client, url, f"{name}/{side}", CLAIMS[name][side])}
                    for side, url in urls.items()
                }
            freeze_startup_objects()  # as cms.wsgi does in every gunicorn worker
            result["search_latency"] = search_latency(client)
            # The contract for lists: the same number of queries for 1 item as for 100.
            for name in ("events_week", "pois_near_open"):
                url = result[name]["roland"]["url"]
                result[name]["limit_1_vs_100"] = [
                    measure(client, url.replace("limit=20", "limit=1"))["queries"],
                    measure(client, url.replace("limit=20", "limit=100"))["queries"],
                ]
        self.stdout.write(json.dumps(result))
