"""Scheduled go-live and expiry without cron: the service (cms.scheduling), the worker's scheduler,
and the processes `make run` starts doing it by themselves.

In-process, pages are scheduled as the admin's "Publish" button does it with a future go-live date;
"time passes" by moving the stored dates into the past, never by sleeping. End to end, real
processes on SQLite in a temporary folder (as in test_first_run.py): the dev server and two workers
with a 1 s publishing interval, a stand-in webhook receiver, and polling with a deadline.
"""

import json
import logging
import os
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import closing
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, page_unpublished

from cms.models import ScheduledJob
from cms.scheduling import Job, ScheduledPublishing, Scheduler, publish_scheduled
from sites.models import WebhookDelivery
from tests.processes import free_port, manage, migrated_sqlite
from tourism.models import EventOccurrence, PointOfInterest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.processes


def schedule(page: Page, go_live_at) -> Revision:
    """What the admin does on "Publish" with a go-live date ahead: Wagtail approves the revision for
    that time instead of publishing it."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    revision.refresh_from_db()
    page.refresh_from_db()
    return revision


def reach_go_live(revision: Revision, ago: timedelta = timedelta(minutes=1)) -> None:
    """The clock passes the go-live time: wherever Wagtail keeps it, it now lies in the past."""
    past = timezone.now() - ago
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    Page.objects.filter(pk=revision.object_id).update(go_live_at=past)


def reach_expiry(page: Page) -> None:
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))


def forget(signals: dict[str, list[int]]) -> None:
    for heard in signals.values():
        heard.clear()


def actions(page: Page) -> list[str]:
    return list(PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True))


@pytest.fixture
def signals():
    """The page ids Wagtail's publish and unpublish signals announce, in order, from when the test
    forgets what came before (scheduling a page that was never live sends `page_published` too)."""
    heard: dict[str, list[int]] = {"published": [], "unpublished": []}

    def published(sender, instance, **kwargs):
        heard["published"].append(instance.pk)

    def unpublished(sender, instance, **kwargs):
        heard["unpublished"].append(instance.pk)

    page_published.connect(published, dispatch_uid="test_scheduled_published")
    page_unpublished.connect(unpublished, dispatch_uid="test_scheduled_unpublished")
    yield heard
    page_published.disconnect(dispatch_uid="test_scheduled_published")
    page_unpublished.disconnect(dispatch_uid="test_scheduled_unpublished")


# --- the service -----------------------------------------------------------------------------


def test_a_due_go_live_date_publishes_the_approved_revision_through_wagtail(tree, client, signals):
    poi = tree.poi(live=False, title="Sonderausstellung Grimm", slug="grimm")
    revision = schedule(poi, timezone.now() + timedelta(hours=2))
    assert not poi.live and revision.approved_go_live_at is not None  # scheduled, not published
    forget(signals)

    assert publish_scheduled() == ScheduledPublishing()  # not due yet
    assert client.get(f"/api/v1/pois/{poi.pk}").status_code == 404

    reach_go_live(revision)
    result = publish_scheduled()

    assert (result.published, result.unpublished, result.failed) == (1, 0, 0)
    poi.refresh_from_db()
    assert poi.live and poi.live_revision_id == revision.pk and not poi.expired
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    assert signals["published"] == [poi.pk]
    assert actions(poi)[-1] == "wagtail.publish.scheduled"
    assert client.get(f"/api/v1/pois/{poi.pk}").status_code == 200
    assert publish_scheduled() == ScheduledPublishing()  # nothing left to do


def test_a_live_page_with_a_scheduled_change_keeps_its_live_version_until_the_change_is_due(tree, signals):
    news = tree.news_article(title="Wochenmarkt am Samstag")
    news.title = "Wochenmarkt fällt aus"
    revision = schedule(news, timezone.now() + timedelta(hours=1))
    assert news.live and Page.objects.get(pk=news.pk).title == "Wochenmarkt am Samstag"
    forget(signals)

    reach_go_live(revision)
    assert publish_scheduled().published == 1
    assert Page.objects.get(pk=news.pk).title == "Wochenmarkt fällt aus"
    assert signals["published"] == [news.pk]


def test_expired_pages_go_offline_and_are_marked_expired(tree, client, signals):
    later = timezone.now() + timedelta(hours=1)
    gone = tree.news_article(title="Baustelle Hagenstraße", expire_at=later)
    stays = tree.news_article(title="Neues WLAN am Markt", expire_at=later)
    reach_expiry(gone)
    forget(signals)

    result = publish_scheduled()

    assert (result.published, result.unpublished, result.failed) == (0, 1, 0)
    gone.refresh_from_db()
    stays.refresh_from_db()
    assert not gone.live and gone.expired
    assert stays.live and not stays.expired
    assert signals["unpublished"] == [gone.pk]
    assert actions(gone)[-1] == "wagtail.unpublish.scheduled"
    assert client.get(f"/api/v1/news/{gone.pk}").status_code == 404
    assert client.get(f"/api/v1/news/{stays.pk}").status_code == 200


def test_a_revision_due_and_expired_while_no_worker_ran_ends_offline(tree, signals):
    poi = tree.poi(live=False, title="Adventsmarkt-Bühne")
    poi.expire_at = timezone.now() + timedelta(hours=3)
    revision = schedule(poi, timezone.now() + timedelta(hours=2))
    reach_go_live(revision, ago=timedelta(hours=2))
    revision.content["expire_at"] = (timezone.now() - timedelta(hours=1)).isoformat()
    revision.save(update_fields=["content"])
    forget(signals)

    result = publish_scheduled()

    assert (result.published, result.unpublished) == (1, 1)
    poi.refresh_from_db()
    assert not poi.live and poi.expired
    assert signals == {"published": [poi.pk], "unpublished": [poi.pk]}


def test_a_page_that_fails_to_publish_does_not_hold_up_the_others(tree, caplog, signals):
    broken = tree.poi(live=False, title="Kaputte Seite")
    broken_revision = schedule(broken, timezone.now() + timedelta(hours=1))
    fine = tree.poi(live=False, title="Museum Haldensleben")
    fine_revision = schedule(fine, timezone.now() + timedelta(hours=1))
    # A value the page no longer accepts (saved before a rule tightened, or by an import).
    broken_revision.content["latitude"] = "nördlich vom Markt"
    broken_revision.save(update_fields=["content"])
    reach_go_live(broken_revision, ago=timedelta(minutes=2))  # its turn comes first
    reach_go_live(fine_revision, ago=timedelta(minutes=1))
    forget(signals)

    with caplog.at_level(logging.ERROR, logger="cms.scheduling"):
        result = publish_scheduled()

    assert (result.published, result.failed) == (1, 1)
    assert PointOfInterest.objects.get(pk=fine.pk).live
    assert signals["published"] == [fine.pk]
    broken_revision.refresh_from_db()
    assert not PointOfInterest.objects.get(pk=broken.pk).live
    assert broken_revision.approved_go_live_at is not None  # rolled back: tried again next run
    [record] = [r for r in caplog.records if r.name == "cms.scheduling"]
    assert f"tourism.pointofinterest {broken.pk} «Kaputte Seite»" in record.getMessage()
    assert record.exc_info is not None


def test_a_run_that_overlaps_another_publishes_nothing_twice(tree, signals):
    revisions = []
    for n in range(3):
        page = tree.poi(live=False, title=f"Ort {n}")
        revisions.append(schedule(page, timezone.now() + timedelta(hours=1)))
    for n, revision in enumerate(revisions):
        reach_go_live(revision, ago=timedelta(minutes=10 - n))  # published in this order
    second: list[ScheduledPublishing] = []
    forget(signals)

    def second_run(sender, instance, **kwargs):
        # Another worker's run while the first is inside its first page: the first run's list
        # of due revisions is stale from now on.
        if not second:
            second.append(ScheduledPublishing())
            second[0] = publish_scheduled()

    page_published.connect(second_run, dispatch_uid="test_scheduled_second_run")
    try:
        first = publish_scheduled()
    finally:
        page_published.disconnect(dispatch_uid="test_scheduled_second_run")

    assert (first.published, first.skipped) == (1, 2)
    assert (second[0].published, second[0].skipped) == (2, 0)
    page_ids = [int(revision.object_id) for revision in revisions]
    assert sorted(signals["published"]) == sorted(page_ids)
    for page_id in page_ids:
        assert actions(Page.objects.get(pk=page_id)).count("wagtail.publish.scheduled") == 1


# --- the scheduler ---------------------------------------------------------------------------


def test_of_two_workers_at_the_same_tick_only_one_runs_it(tree, settings, signals):
    settings.SCHEDULED_PUBLISHING_SECONDS = 60
    settings.IMPORT_CHECK_SECONDS = 60
    poi = tree.poi(live=False, title="Schloss Hundisburg")
    reach_go_live(schedule(poi, timezone.now() + timedelta(hours=1)))
    forget(signals)
    now = timezone.now()

    everything = [
        "publish_scheduled",
        "extend_occurrences",
        "keep_change_feed",
        "watch_kiosks",
        "delete_submission_contacts",
        "delete_abandoned_uploads",
        "delete_abandoned_drafts",
        "import_sources",
    ]
    assert Scheduler("worker-a").run_pending(now) == everything
    assert Scheduler("worker-b").run_pending(now) == []
    assert Scheduler("worker-b").run_pending(now + timedelta(seconds=59)) == []
    minutely = ["publish_scheduled", "watch_kiosks", "import_sources"]
    assert Scheduler("worker-b").run_pending(now + timedelta(seconds=60)) == minutely
    assert Scheduler("worker-a").run_pending(now + timedelta(days=1)) == everything

    assert signals["published"] == [poi.pk]
    marker = ScheduledJob.objects.get(name="publish_scheduled")
    assert (marker.worker_id, marker.succeeded) == ("worker-a", True)
    assert marker.outcome == "0 published, 0 unpublished, 0 failed, 0 skipped"


def test_a_failing_job_is_logged_and_neither_stops_the_others_nor_its_next_tick(db, caplog):
    def unreachable():
        raise ConnectionError("Suchdienst nicht erreichbar")

    done = []
    jobs = [
        Job("broken", timedelta(minutes=1), unreachable),
        Job("fine", timedelta(minutes=1), lambda: done.append(1) or "ok"),
    ]
    scheduler = Scheduler("worker-a", jobs)
    now = timezone.now()

    with caplog.at_level(logging.ERROR, logger="cms.scheduling"):
        assert scheduler.run_pending(now) == ["broken", "fine"]
        assert scheduler.run_pending(now + timedelta(seconds=30)) == []
        assert scheduler.run_pending(now + timedelta(minutes=1)) == ["broken", "fine"]

    assert done == [1, 1]
    broken = ScheduledJob.objects.get(name="broken")
    assert broken.succeeded is False and broken.outcome == "ConnectionError: Suchdienst nicht erreichbar"
    assert ScheduledJob.objects.get(name="fine").succeeded is True
    assert [r.getMessage() for r in caplog.records] == ["Scheduled job broken failed"] * 2


def test_the_daily_job_moves_the_occurrence_horizon_on(tree):
    start = timezone.localdate() + timedelta(days=1)
    with override_settings(ROLAND_OCCURRENCE_HORIZON_DAYS=28):
        event = tree.event(start_date=start, recurrence_rule="FREQ=WEEKLY")
    assert EventOccurrence.objects.filter(event=event).count() == 4

    with override_settings(ROLAND_OCCURRENCE_HORIZON_DAYS=56):  # four weeks later
        assert "extend_occurrences" in Scheduler("worker-a").run_pending()
    assert EventOccurrence.objects.filter(event=event).count() == 8
    marker = ScheduledJob.objects.get(name="extend_occurrences")
    assert marker.succeeded and marker.outcome == "{'events': 1, 'occurrences': 8}"


def test_the_default_jobs_follow_the_settings(settings):
    settings.SCHEDULED_PUBLISHING_SECONDS = 7
    jobs = {job.name: job.every for job in Scheduler("worker-a").jobs}
    assert jobs == {
        "publish_scheduled": timedelta(seconds=7),
        "extend_occurrences": timedelta(days=1),
        "keep_change_feed": timedelta(days=1),
        "watch_kiosks": timedelta(minutes=1),
        "delete_submission_contacts": timedelta(days=1),
        "delete_abandoned_uploads": timedelta(hours=1),
        "delete_abandoned_drafts": timedelta(hours=1),
        "import_sources": timedelta(seconds=settings.IMPORT_CHECK_SECONDS),
    }


# --- end to end: the dev server and the workers, as `make run` starts them --------------------


class Receiver:
    """A website's webhook endpoint on 127.0.0.1: keeps every JSON body it is sent."""

    def __init__(self) -> None:
        self.bodies: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                receiver.bodies.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def events(self, object_id: int) -> list[str]:
        return [body["event"] for body in self.bodies if body["id"] == object_id]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Processes:
    """`runserver --noreload` and two `manage.py worker` on one SQLite file in a temporary folder."""

    def __init__(self, var: Path, receiver: Receiver) -> None:
        self.var = var
        self.receiver = receiver
        self.scheduled: dict = {}
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("DATABASE_URL", "SEARCH_URL", "REDIS_URL", "DJANGO_"))
            },
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "ROLAND_VAR_DIR": str(var),
            "PYTHONUNBUFFERED": "1",
            "SCHEDULED_PUBLISHING_SECONDS": "1",  # test-only: a tick a second
            "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",  # the receiver is on 127.0.0.1
            "API_RATE_LIMIT_ANONYMOUS": "100000",  # the test polls faster than any visitor
        }
        self.workers: dict[str, subprocess.Popen] = {}
        self.started: list[subprocess.Popen] = []

    def manage(self, *args: str) -> str:
        return manage(self.env, *args, timeout=300)

    def start(self, *args: str, log: str) -> subprocess.Popen:
        with (self.var / log).open("ab") as output:
            process = subprocess.Popen(
                [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, stdout=output, stderr=output
            )
        self.started.append(process)
        return process

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0  # not listening yet

    def found(self, query: str) -> list[int]:
        """Ids that /api/v1/search answers for a query (none while the server does not answer)."""
        try:
            with urllib.request.urlopen(f"{self.base}/api/v1/search?q={query}", timeout=10) as response:
                return [item["id"] for item in json.load(response)["items"]]
        except OSError:
            return []

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.var.glob("*.log"))
        )

    def query(self, sql: str, *params) -> list[tuple]:
        """Read the processes' database (read-only) for what the API does not show."""
        with closing(sqlite3.connect(f"file:{self.var / 'roland.sqlite3'}?mode=ro", uri=True)) as db:
            return db.execute(sql, params).fetchall()

    def wait_for(self, what: str, check, seconds: float = 60):
        """Poll until `check()` is truthy; fail (with the processes' logs) after `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if value := check():
                return value
            time.sleep(0.2)
        pytest.fail(f"Gave up waiting for {what} after {seconds:.0f} s\n{self.logs()}", pytrace=False)

    def stop(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    receiver = Receiver()
    processes = Processes(tmp_path_factory.mktemp("scheduled"), receiver)
    try:
        migrated_sqlite(processes.var / "roland.sqlite3", processes.env)
        processes.start("runserver", "--noreload", f"127.0.0.1:{processes.port}", log="server.log")
        for name in ("a", "b"):
            processes.workers[name] = processes.start(
                "worker", "--worker-id", f"e2e-{name}", log=f"worker-{name}.log"
            )
        built = processes.manage(
            "shell",
            "-c",
            f"from tests.cms.scheduled_world import build; build({receiver.url!r}, go_live_in=3)",
        )
        processes.scheduled = json.loads(built.strip().splitlines()[-1])
        yield processes
    finally:
        processes.stop()
        receiver.close()


@pytest.mark.smoke
def test_the_running_workers_publish_and_unpublish_on_time_and_the_website_hears_of_it(running):
    poi = running.scheduled["id"]
    assert running.scheduled == {"id": poi, "live": False, "approved": True}  # scheduled, not published
    editor = running.start(
        "shell",
        "-c",
        f"from tests.cms.scheduled_world import expire_once_live; expire_once_live({poi}, expire_in=2)",
        log="editor.log",
    )

    running.wait_for("the place to go live", lambda: running.status(f"/api/v1/pois/{poi}") == 200)
    running.wait_for("the published webhook", lambda: "published" in running.receiver.events(poi))
    running.wait_for("the place in search", lambda: poi in running.found("Sonderausstellung"))
    assert editor.wait(timeout=60) == 0, running.logs()
    running.wait_for("the place to go offline", lambda: running.status(f"/api/v1/pois/{poi}") == 404)
    running.wait_for("the unpublished webhook", lambda: "unpublished" in running.receiver.events(poi))
    running.wait_for("the place out of search", lambda: poi not in running.found("Sonderausstellung"))

    log = PageLogEntry._meta.db_table
    actions = [a for (a,) in running.query(f"SELECT action FROM {log} WHERE page_id = ?", poi)]
    sent = WebhookDelivery._meta.db_table
    deliveries = [
        e for (e,) in running.query(f"SELECT event FROM {sent} WHERE object_id = ? ORDER BY id", poi)
    ]
    [(live, expired)] = running.query(f"SELECT live, expired FROM {Page._meta.db_table} WHERE id = ?", poi)
    # Two workers, a tick a second each: still the go-live and the expiry were done once, sent once.
    assert actions.count("wagtail.publish.scheduled") == 1, actions
    assert actions.count("wagtail.unpublish.scheduled") == 1, actions
    assert (live, expired) == (0, 1)
    # published: the go-live, then the editor's publish with the expiry date; unpublished: the expiry.
    assert deliveries == ["published", "published", "unpublished"]
    running.wait_for("all three deliveries", lambda: len(running.receiver.events(poi)) >= 3)
    assert sorted(running.receiver.events(poi)) == ["published", "published", "unpublished"]


@pytest.mark.smoke
def test_the_workers_stop_cleanly_on_sigterm(running):
    for name, worker in running.workers.items():
        assert worker.poll() is None, f"worker {name} died early\n{running.logs()}"
        worker.terminate()
    for name, worker in running.workers.items():
        assert worker.wait(timeout=20) == 0
        log = (running.var / f"worker-{name}.log").read_text()
        assert f"Worker e2e-{name} stopped" in log
        assert "Traceback" not in log, log[-3000:]
