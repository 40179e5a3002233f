"""manage.py bench_soak_publish: the soak's editor publishes what a client then reads, and leaves no page."""

import json
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from tourism.models import Event

pytestmark = pytest.mark.django_db


def test_each_title_is_published_and_the_event_is_gone_at_the_end(
    tree, client, run_tasks, monkeypatch, django_capture_on_commit_callbacks
):
    out = StringIO()
    seen: list[str] = []

    def event_id() -> int:
        return json.loads(out.getvalue().splitlines()[0])["event_id"]

    def titles():
        for title in ("Soak: erster Stand", "Soak: zweiter Stand"):
            yield title + "\n"
            # Read back between two lines, as a client of the running server would.
            seen.append(client.get(f"/api/v1/events/{event_id()}").json()["title"])

    monkeypatch.setattr(sys, "stdin", titles())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("bench_soak_publish", stdout=out)

    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [a.get("title") for a in answers[1:]] == ["Soak: erster Stand", "Soak: zweiter Stand"]
    assert all(a["publish_ms"] > 0 for a in answers[1:])
    # The first read sees the first title: each line is a publish, not a draft saved for later.
    assert seen == ["Soak: erster Stand", "Soak: zweiter Stand"]
    assert not Event.objects.filter(slug="bench-soak").exists()
    assert client.get(f"/api/v1/events/{event_id()}").status_code == 404
