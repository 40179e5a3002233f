"""Query shapes compiled once per process (cms.core.statements): the same rows as building the
queryset each time, with the values of each call bound, the clock included."""

from datetime import time, timedelta

import pytest
from django.db.models.expressions import RawSQL
from django.utils import timezone
from wagtail.models import Page, Site

from cms.core import statements
from cms.core.visibility import visible_pages
from tourism.models import PointOfInterest
from tourism.models.opening_hours import OpeningHoursRule

pytestmark = pytest.mark.django_db


class Builds:
    """A build function that counts its calls."""

    def __init__(self, make) -> None:
        self.make, self.calls = make, 0

    def __call__(self, **values):
        self.calls += 1
        return self.make(**values)


def site() -> Site:
    return Site.objects.get(is_default_site=True)


def test_a_shape_is_built_once_and_answers_each_calls_values(tree):
    first, second = tree.poi(title="Roland"), tree.poi(title="Rathaus")
    build = Builds(lambda pk, now: visible_pages(PointOfInterest.objects.filter(pk=pk), site(), now))
    key = object()
    assert [poi.title for poi in statements.rows(key, build, pk=first.pk, now=timezone.now())] == ["Roland"]
    assert [poi.title for poi in statements.rows(key, build, pk=second.pk, now=timezone.now())] == ["Rathaus"]
    assert statements.rows(key, build, pk=second.pk + 1000, now=timezone.now()) == []
    assert build.calls == 1


def test_the_clock_is_bound_so_the_visibility_rule_holds_on_every_call(tree):
    poi = tree.poi(title="Später")
    starts = timezone.now() + timedelta(hours=1)
    Page.objects.filter(pk=poi.pk).update(go_live_at=starts)
    build = Builds(lambda pk, now: visible_pages(PointOfInterest.objects.filter(pk=pk), site(), now))
    key = object()
    assert statements.rows(key, build, pk=poi.pk, now=starts - timedelta(minutes=1)) == []
    assert [page.pk for page in statements.rows(key, build, pk=poi.pk, now=starts)] == [poi.pk]
    assert build.calls == 1


def test_a_value_written_into_the_sql_text_is_built_afresh_each_time(tree):
    first, second = tree.poi(), tree.poi()
    build = Builds(
        lambda pk: PointOfInterest.objects.annotate(asked=RawSQL(str(pk), [])).filter(pk=pk).order_by("pk")
    )
    key = object()
    assert [(poi.pk, poi.asked) for poi in statements.rows(key, build, pk=first.pk)] == [(first.pk, first.pk)]
    assert [(poi.pk, poi.asked) for poi in statements.rows(key, build, pk=second.pk)] == [
        (second.pk, second.pk)
    ]
    assert build.calls == 3  # the stand-ins' build, then each call's own


def test_values_of_other_kinds_are_refused(tree):
    with pytest.raises(TypeError):
        statements.rows(object(), lambda slug: Page.objects.filter(slug=slug), slug="roland")


def test_child_rows_are_read_for_the_instance_asked_for(tree, django_assert_num_queries):
    places = [tree.poi(), tree.poi()]
    for index, place in enumerate(places):
        for hour in range(index + 1):
            OpeningHoursRule.objects.create(
                page=place, monday=True, opens=time(9 + hour), closes=time(10 + hour), sort_order=hour
            )
    key = object()
    for index, place in enumerate(places):
        poi = PointOfInterest.objects.get(pk=place.pk)
        with django_assert_num_queries(1):
            statements.prefetch_one(key, poi, ["opening_hours"])
        with django_assert_num_queries(0):
            rules = list(poi.opening_hours.all())
            assert poi.opening_hours.exists()
        assert [rule.opens.hour for rule in rules] == [9 + hour for hour in range(index + 1)]
        assert all(rule.page is poi for rule in rules)
        # asked further, the relation still means this place's rows
        assert list(poi.opening_hours.filter(monday=True).values_list("page_id", flat=True)) == [place.pk] * (
            index + 1
        )
