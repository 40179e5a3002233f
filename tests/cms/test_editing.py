"""Issue 17, item 1, over HTTP: an autosave that read the page before a publish committed cannot
undo the publish (cms.editing).

Two clients of one editor post to the page's edit view at once, the autosave first: it is held
just before its first write until the publish has answered. Without cms.editing the autosave has
read the page as a draft by then, and writes it back so (live off, its draft the latest revision).
With it, its first write is the claim of the page, so it reads the page only after the publish and
Wagtail refuses it ("invalid_revision"). Also the create view: an autosave creating the page and
the publish of the same form, both to the create view, end in a message, not a 500.

A module of its own: its test commits for real (transactional), in two threads; one test for both
views, as a transactional test leaves an empty database behind.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import SiteTree
from tourism.models import NewsArticle

# Committed for real: one test, as after it the database is emptied (the migrated root page too).
pytestmark = pytest.mark.django_db(transaction=True)

PATIENCE = 30  # seconds a held request waits for the other before giving up (never reached)


def news_form(title: str, slug: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-12-03",
            "teaser": "Kurz gemeldet.",
            "body": streamfield([]),
            "related_links": inline_formset([]),
            "comments": inline_formset([]),
            "categories": [],
            "tags": "",
            **extra,
        }
    )


def signed_in_client() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username="redaktion"))
    return client


class HeldAtFirstWrite:
    """Runs a request in a thread of its own, held just before its first INSERT or UPDATE until
    `release()`; `reached` is set when it got there (or finished without writing)."""

    def __init__(self, request) -> None:
        self.reached = threading.Event()
        self.released = threading.Event()
        self.response = None
        self.failure: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(request,))

    def _hold(self, execute, sql, params, many, context):
        if not self.released.is_set() and sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            self.reached.set()
            self.released.wait(PATIENCE)
        return execute(sql, params, many, context)

    def _run(self, request) -> None:
        try:
            with connection.execute_wrapper(self._hold):
                self.response = request()
        except BaseException as error:
            self.failure = error
        finally:
            self.reached.set()
            connection.close()

    def start(self) -> None:
        self.thread.start()
        assert self.reached.wait(PATIENCE)

    def release(self):
        self.released.set()
        self.thread.join(PATIENCE)
        assert self.failure is None, self.failure
        return self.response


def page_tree_as_migrated() -> None:
    """Wagtail's root page and default site come from its migrations: a transactional test that ran
    before in this process (flushing every table) took them away; put them back as those do."""
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


def test_an_autosave_and_a_publish_of_the_same_page_are_taken_in_turn(locales):
    get_user_model().objects.create_superuser("redaktion", "redaktion@example.org", "pw")
    page_tree_as_migrated()
    news = SiteTree().news
    an_autosave_read_before_the_publish_does_not_turn_the_page_back_into_a_draft(news)
    an_autosave_creating_the_page_and_the_publish_of_the_same_form_end_without_a_500(news)


def an_autosave_read_before_the_publish_does_not_turn_the_page_back_into_a_draft(news) -> None:
    article = NewsArticle(title="Stadtfest", slug="stadtfest", teaser="Kurz gemeldet.")
    news.add_child(instance=article)
    draft = article.save_revision(user=get_user_model().objects.get(username="redaktion"))  # its autosave
    Page.objects.filter(pk=article.pk).update(live=False)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    autosaving, publishing = signed_in_client(), signed_in_client()
    autosave = HeldAtFirstWrite(
        lambda: autosaving.post(
            url,
            news_form("Stadtfest am Markt", "stadtfest", overwrite_revision_id=str(draft.pk)),
            headers={"accept": "application/json"},
        )
    )
    autosave.start()
    published = publishing.post(url, news_form("Stadtfest", "stadtfest", **{"action-publish": "1"}))
    autosave_answer = autosave.release()

    assert published.status_code == 302
    article = NewsArticle.objects.get(pk=article.pk)
    assert (article.live, article.has_unpublished_changes) == (True, False)
    assert article.latest_revision_id == article.live_revision_id
    assert article.title == "Stadtfest"
    assert autosave_answer.status_code == 400
    assert autosave_answer.json()["error_code"] == "invalid_revision"


def an_autosave_creating_the_page_and_the_publish_of_the_same_form_end_without_a_500(news) -> None:
    url = reverse("wagtailadmin_pages:add", args=("tourism", "newsarticle", news.pk))
    autosaving, publishing = signed_in_client(), signed_in_client()
    autosave = HeldAtFirstWrite(
        lambda: autosaving.post(
            url, news_form("Weihnachtsmarkt", "weihnachtsmarkt"), headers={"accept": "application/json"}
        )
    )
    autosave.start()
    published = publishing.post(
        url, news_form("Weihnachtsmarkt", "weihnachtsmarkt", **{"action-publish": "1"})
    )
    autosave_answer = autosave.release()

    # Taken in turn: one of them creates the page, the other meets its slug in the form's check.
    assert published.status_code in (200, 302)
    assert autosave_answer.status_code in (200, 400)
    assert NewsArticle.objects.filter(slug="weihnachtsmarkt").count() == 1
    if published.status_code == 200:
        assert "bereits verwendet" in published.content.decode()
