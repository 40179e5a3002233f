"""The embedded first run as a newcomer does it: migrate, load the demo (twice), serve, read over HTTP.

Real processes on SQLite in a temporary folder, whatever database the rest of the suite uses. The
database starts as the suite's migrated template (tests/processes.py), which is `manage.py migrate`
run on an empty database with these settings (on a fresh checkout, in this very run); migrating it
again must find nothing to do. The demo load leaves image renditions to the worker (cms.publishing
renditions_in_the_worker), which does not run here: answers make the few presets they show.
"""

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.processes import free_port, manage, migrated_sqlite

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.smoke, pytest.mark.processes]


def get(url: str) -> tuple[int, dict, bytes]:
    """Status, headers and body. The first reads of the demo make its images' presets (426 WebP
    encodings, half a minute of CPU), which under load take longer than a visitor would wait: the
    timeout only keeps a hung server from holding the suite, as the container's 300 s do."""
    try:
        with urllib.request.urlopen(url, timeout=300) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    var = tmp_path_factory.mktemp("first-run")
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DATABASE_URL", "SEARCH_URL", "REDIS_URL"))
        },
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "ROLAND_VAR_DIR": str(var),
        "ROLAND_ADMIN_PASSWORD": "first-run-password",
        "PYTHONUNBUFFERED": "1",
    }

    def run(*args: str) -> str:
        return manage(env, *args)

    migrated_sqlite(var / "roland.sqlite3")
    migrated = run("migrate", "--no-input")
    first = run("load_demo")
    second = run("load_demo")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The tree is checked while the server starts (it only reads): two starts side by side.
        problems = run(
            "shell",
            "-c",
            "from wagtail.models import Page; print('TREE', [len(p) for p in Page.find_problems()])",
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)
        yield {
            "base": base,
            "migrated": migrated,
            "first": first,
            "second": second,
            "var": var,
            "tree": problems,
        }
    finally:
        server.terminate()
        server.wait(timeout=20)


def pages(base: str, **params) -> dict:
    query = "&".join(f"{k}={v}" for k, v in {"limit": 100, **params}.items())
    status, _headers, body = get(f"{base}/api/wagtail/v2/pages/?{query}")
    assert status == 200
    return json.loads(body)


def test_the_migrated_database_is_up_to_date(first_run):
    assert "No migrations to apply." in first_run["migrated"]


def test_demo_is_complete_in_german_and_english(first_run):
    base = first_run["base"]
    for locale in ("de", "en"):
        assert pages(base, locale=locale, type="tourism.PointOfInterest")["meta"]["total_count"] >= 15
        assert pages(base, locale=locale, type="tourism.Event")["meta"]["total_count"] >= 20
        assert pages(base, locale=locale, type="tourism.NewsArticle")["meta"]["total_count"] >= 10
    english = pages(base, locale="en", type="tourism.PointOfInterest", fields="teaser,image_card")["items"]
    assert any(item["title"] == "Riding Roland" for item in english)
    status, headers, _ = get(base + english[0]["image_card"]["url"])
    assert status == 200 and headers["Content-Type"] == "image/webp"


def test_demo_events_give_kiosks_something_today(first_run):
    events = pages(first_run["base"], locale="de", type="tourism.Event", fields="recurrence_rule,status")[
        "items"
    ]
    assert sum(1 for event in events if event["recurrence_rule"]) >= 4
    assert any(event["status"] == "cancelled" for event in events)
    # The market-square screen exists and its feed has something to show.
    status, _headers, body = get(f"{first_run['base']}/api/v1/kiosks/markt/feed")
    assert status == 200, body[:300]
    feed = json.loads(body)
    assert feed["now"] and feed["upcoming"] and feed["highlights"], feed
    # The station's screen stands upright and keeps hours per weekday: idle at night, its content by
    # the time of day.
    status, _headers, body = get(f"{first_run['base']}/api/v1/kiosks/bahnhof/feed")
    assert status == 200, body[:300]
    station = json.loads(body)
    assert station["screen"]["orientation"] == "portrait"
    ranges = station["screen"]["active_hours"]["ranges"]
    assert {entry["content"] for entry in ranges} == {"events", "places", "all"}
    assert 7 in {entry["day"] for entry in ranges}  # public holidays keep their own hours


def test_demo_synonyms_widen_search(first_run):
    status, _headers, body = get(f"{first_run['base']}/api/v1/search?q=Museen&type=poi")
    assert status == 200
    titles = [item["title"] for item in json.loads(body)["items"]]
    assert "Museum Haldensleben" in titles, titles


def test_loading_twice_changes_nothing(first_run):
    assert "23 created" in first_run["first"] or " created, 0 already there" in first_run["first"]
    for line in first_run["second"].splitlines():
        if "already there" in line:
            assert ": 0 created," in line, line
    assert "Created admin user 'admin'" in first_run["first"]
    assert "exists (password unchanged)" in first_run["second"]


def test_admin_and_probes_answer(first_run):
    base = first_run["base"]
    assert get(f"{base}/admin/login/")[0] == 200
    status, _headers, body = get(f"{base}/readyz")
    assert status == 200 and json.loads(body)["status"] == "ok"


def test_demo_leaves_a_consistent_page_tree(first_run):
    # evil chars, bad step length, orphans, wrong depth, wrong child counts: none of them.
    assert "TREE [0, 0, 0, 0, 0]" in first_run["tree"]


def test_every_json_ld_item_of_the_demo_speaks_schema_org(first_run):
    """The knowledge graph takes only schema.org: every type, property and status of every item in the
    demo's bulk exports exists in the vocabulary; each item has a stable id, a licence and its language."""
    from tests.schema_org import unknown_terms

    for collection in ("pois", "events", "news"):
        status, _headers, body = get(f"{first_run['base']}/api/v1/export/{collection}.jsonld")
        assert status == 200, collection
        document = json.loads(body)
        assert len(document["@graph"]) >= 3, collection
        for item in document["@graph"]:
            assert item["@id"].startswith(f"{first_run['base']}/api/v1/{collection}/"), item["@id"]
            assert item["identifier"] and item["license"] and item["inLanguage"] and item["dateModified"]
        assert unknown_terms(document) == set(), collection
