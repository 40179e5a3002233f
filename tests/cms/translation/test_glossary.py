"""The glossary as editors keep it (German admin), and how its terms are found and protected."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cms.translation import glossary
from cms.translation.models import GlossaryTerm

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_roland_translation_glossaryterm:add")


def test_editors_keep_the_glossary_in_the_german_admin(admin_client):
    home = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Glossar" in home
    form = admin_client.get(ADD).content.decode()
    assert "Nie übersetzen" in form and "Feste Übersetzungen" in form
    response = admin_client.post(
        ADD,
        {
            "term": "Wochenmarkt",
            "note": "Der Markt dienstags und freitags",
            "translations-TOTAL_FORMS": "2",
            "translations-INITIAL_FORMS": "0",
            "translations-MIN_NUM_FORMS": "0",
            "translations-MAX_NUM_FORMS": "1000",
            "translations-0-language": "en",
            "translations-0-text": "farmers' market",
            "translations-0-ORDER": "1",
            "translations-1-language": "en",
            "translations-1-text": "market",
            "translations-1-ORDER": "2",
            "translations-1-DELETE": "on",
        },
    )
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(term="Wochenmarkt")
    assert not term.keep
    assert [(row.language, row.text) for row in term.translations.all()] == [("en", "farmers' market")]
    assert glossary.entries_for("en") == [glossary.Entry("Wochenmarkt", "farmers' market", fixed=True)]
    assert glossary.entries_for("nl") == []  # no fixed Dutch translation, and not "never translate"


def test_a_term_is_entered_once(admin_client):
    GlossaryTerm.objects.create(term="Roland")
    response = admin_client.post(
        ADD,
        {"term": "Roland", "keep": "on", "translations-TOTAL_FORMS": "0", "translations-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "existiert bereits" in response.content.decode()
    assert GlossaryTerm.objects.filter(term="Roland").count() == 1


def test_terms_are_protected_as_whole_words_outside_tags_longest_first():
    entries = [
        glossary.Entry("Tor", "Tor", fixed=False),
        glossary.Entry("Bülstringer Tor", "Bülstringer Tor", fixed=False),
        glossary.Entry("R&D", "R&D", fixed=False),
    ]
    data = 'Am <a id="a1">Bülstringer Tor</a> kein Torbogen; Tor. R&amp;D <b title="Tor">x</b>'
    protected = glossary.protect(data, entries, "<k>", "</k>")
    assert protected == (
        'Am <a id="a1"><k>Bülstringer Tor</k></a> kein Torbogen; <k>Tor</k>. <k>R&amp;D</k> <b title="Tor">x</b>'
    )
    assert glossary.unprotect(protected, re.compile("<k>"), "</k>") == data
    assert [entry.term for entry in glossary.found_in([data], entries)] == ["Tor", "Bülstringer Tor", "R&D"]
    assert glossary.found_in(["Torbogen"], entries) == []


def test_the_demo_brings_a_glossary_and_loading_it_twice_changes_nothing(locales):
    from cms.demo.loader import DemoLoader

    loader = DemoLoader(progress=lambda line: None)
    loader.load_glossary()
    assert loader.report.created["glossary term"] == GlossaryTerm.objects.count() >= 5
    english = {entry.term: entry.target for entry in glossary.entries_for("en")}
    assert english["Kulturfabrik"] == "Kulturfabrik"
    assert english["Schloss Hundisburg"] == "Hundisburg Palace"
    again = DemoLoader(progress=lambda line: None)
    again.load_glossary()
    assert "glossary term" not in again.report.created
