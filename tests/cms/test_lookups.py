"""`in_probe`: the same rows as `in`, also nested inside another subquery (aliases relabelled)."""

import pytest
from wagtail.models import Page

from tourism.models import Event, EventOccurrence

pytestmark = pytest.mark.django_db


def test_in_probe_selects_what_in_selects(tree):
    first = tree.event(title="Konzert", slug="konzert")
    tree.event(title="Lesung", slug="lesung")
    in_window = EventOccurrence.objects.filter(event=first).values("event_id")
    probed = Event.objects.filter(pk__in_probe=in_window)
    assert list(probed) == list(Event.objects.filter(pk__in=in_window)) == [first]
    # Nested one level deeper, as the events list does: the outer query still sees only the first.
    occurrences = EventOccurrence.objects.filter(event__in=probed.values("pk"))
    assert {occurrence.event_id for occurrence in occurrences} == {first.pk}
    # On a plain field too.
    pages = Page.objects.filter(id__in_probe=Page.objects.filter(slug="lesung").values("id"))
    assert [page.title for page in pages] == ["Lesung"]
