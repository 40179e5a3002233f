"""A partner's replica stays equal to the live API: one bulk export, then the change feed, through a
random sequence of 200 edits (the README's sync loop, run against the test client).

The edits are what editors do to items and what items show of each other: publish new places,
events and news, edit titles, unpublish, publish again, delete, restrict and lift, translate and
withdraw a translation, link news to a place, move an event to another venue. Every 10 edits the
replica follows the feed; at the end (and at each sync) it must equal a fresh export of everything.
The sequence comes from a seed (ROLAND_REPLICA_SEED, else fixed), printed when it fails, so a
failure can be replayed.
"""

from __future__ import annotations

import json
import os
import random

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from cms.demo.translation import translate_with_strings
from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.models import Event, NewsArticle, NewsArticleRelatedPage, PointOfInterest

pytestmark = pytest.mark.django_db

SEED = int(os.environ.get("ROLAND_REPLICA_SEED", "20261203"))
EDITS = 200
SYNC_EVERY = int(os.environ.get("ROLAND_REPLICA_SYNC_EVERY", "10"))
COLLECTIONS = ("pois", "events", "news")


def build_world() -> SiteTree:
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    translate_with_strings(tree.home, english, {})
    for index, slug in ((tree.pois, "places"), (tree.events, "events"), (tree.news, "news")):
        translate_with_strings(index, english, {index.slug: slug})
    for number in range(3):
        tree.poi(title=f"Ort {number}", slug=f"ort-{number}")
    return tree


world = built_once(build_world)


def export_all(client) -> dict[tuple[str, int], dict]:
    replica = {}
    for collection in COLLECTIONS:
        response = client.get(f"/api/v1/export/{collection}.ndjson")
        assert response.status_code == 200
        lines = b"".join(response.streaming_content).decode().splitlines()
        for line in lines[1:]:  # the first line describes the dataset
            item = json.loads(line)
            replica[(item["type"], item["id"])] = item
    return replica


def cursor_now(client) -> str:
    answer = client.get("/api/v1/changes", {"limit": 1000}).json()
    while answer["has_more"]:
        answer = client.get("/api/v1/changes", {"since": answer["next_cursor"], "limit": 1000}).json()
    return answer["next_cursor"]


def follow(client, replica: dict, cursor: str) -> str:
    """The README's loop: upserts fetch the detail, deletes drop the item."""
    while True:
        answer = client.get("/api/v1/changes", {"since": cursor, "limit": 1000}).json()
        for item in answer["items"]:
            key = (item["type"], item["id"])
            if item["action"] == "delete":
                replica.pop(key, None)
                continue
            detail = client.get(item["api_url"].removeprefix("http://testserver"))
            if detail.status_code == 200:  # a 404: gone again since, its delete follows
                replica[key] = detail.json()
        cursor = answer["next_cursor"]
        if not answer["has_more"]:
            return cursor


class Editor:
    """Random edits an office makes, each committed as it would be in the admin."""

    def __init__(self, tree: SiteTree, rng: random.Random, on_commit) -> None:
        self.tree, self.rng, self.on_commit = tree, rng, on_commit
        self.english = Locale.objects.get(language_code="en")
        self.counter = 0
        self.log: list[str] = []

    def pages(self, model, **filters) -> list:
        return list(model.objects.filter(**filters).order_by("pk"))

    def pick(self, model, **filters):
        found = self.pages(model, **filters)
        return self.rng.choice(found) if found else None

    def name(self) -> str:
        self.counter += 1
        return f"n{self.counter}"

    # --- the edits ---
    def new_poi(self):
        self.tree.poi(title=f"Ort {self.name()}", slug=f"ort-{self.counter}")

    def new_event(self):
        venue = self.pick(PointOfInterest, live=True, locale__language_code="de")
        self.tree.event(title=f"Fest {self.name()}", slug=f"fest-{self.counter}", venue=venue)

    def new_news(self):
        article = self.tree.news_article(title=f"Meldung {self.name()}", slug=f"meldung-{self.counter}")
        target = self.pick(PointOfInterest, locale__language_code="de")
        if target is not None:
            article.related_links = [NewsArticleRelatedPage(target=target)]
            article.save_revision().publish()

    def edit_title(self):
        page = self.pick(Page, depth__gte=4)
        if page is not None and page.live:
            page = page.specific
            page.title = f"{page.title.split(' ·')[0]} · {self.name()}"
            page.save_revision().publish()

    def unpublish(self):
        page = self.pick(Page, depth__gte=4, live=True)
        if page is not None:
            page.specific.unpublish()

    def publish_again(self):
        page = self.pick(Page, depth__gte=4, live=False)
        if page is not None:
            page.specific.save_revision().publish()

    def delete(self):
        page = self.pick(Page, depth__gte=4)
        if page is not None:
            page.specific.delete()

    def restrict(self):
        page = self.pick(Page, depth__gte=4, view_restrictions__isnull=True)
        if page is not None:
            PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")

    def lift(self):
        restriction = PageViewRestriction.objects.order_by("pk").first()
        if restriction is not None:
            restriction.delete()

    def translate(self):
        page = self.pick(Page, depth__gte=4, locale__language_code="de", live=True)
        if page is not None:
            title = page.title
            translate_with_strings(page.specific, self.english, {title: f"{title} (en)"})

    def withdraw_translation(self):
        page = self.pick(Page, depth__gte=4, locale__language_code="en", live=True)
        if page is not None:
            page.specific.unpublish()

    def move_event(self):
        event = self.pick(Event, locale__language_code="de", live=True)
        venue = self.pick(PointOfInterest, locale__language_code="de", live=True)
        if event is not None:
            event.venue = venue if event.venue_id != getattr(venue, "pk", None) else None
            event.save_revision().publish()

    def link_news(self):
        article = self.pick(NewsArticle, locale__language_code="de", live=True)
        target = self.pick(PointOfInterest, locale__language_code="de")
        if article is not None and target is not None:
            article.related_links = [NewsArticleRelatedPage(target=target)]
            article.save_revision().publish()

    EDITS = {
        "new_poi": 3,
        "new_event": 3,
        "new_news": 2,
        "edit_title": 5,
        "unpublish": 2,
        "publish_again": 2,
        "delete": 1,
        "restrict": 1,
        "lift": 1,
        "translate": 3,
        "withdraw_translation": 1,
        "move_event": 2,
        "link_news": 2,
    }

    def step(self) -> None:
        name = self.rng.choices(list(self.EDITS), weights=list(self.EDITS.values()))[0]
        self.log.append(name)
        with self.on_commit(execute=True):
            getattr(self, name)()


def test_a_replica_from_one_export_and_the_change_feed_equals_the_live_api(
    client, world, django_capture_on_commit_callbacks
):
    cursor = cursor_now(client)  # noted before the full read, as the README says
    replica = export_all(client)
    editor = Editor(fresh(world), random.Random(SEED), django_capture_on_commit_callbacks)
    for number in range(1, EDITS + 1):
        editor.step()
        if number % SYNC_EVERY == 0:
            cursor = follow(client, replica, cursor)
            live = export_all(client)
            assert replica.keys() == live.keys(), f"seed {SEED}, after {editor.log}"
            differing = {
                key: sorted(field for field in live[key] if replica[key].get(field) != live[key][field])
                for key in live
                if replica[key] != live[key]
            }
            assert not differing, f"seed {SEED}: {differing} differ after {editor.log[-10:]}"
    assert len(replica) > 20  # the sequence did build something
    assert {"delete", "translate", "move_event", "restrict"} <= set(editor.log)
