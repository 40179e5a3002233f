"""Queries compiled once per shape (cms.core.compiled): the SQL sent is the ORM's, values bound right.

Runs on SQLite and PostgreSQL (their parameters differ: times and UUIDs as text on SQLite).
"""

from datetime import date, datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.models import Prefetch
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.core.compiled import CompiledQuery, ShapeError, prefetch_one
from cms.core.context import api_context
from cms.core.pagination import page_of
from cms.core.visibility import rule_shape, visible_pages
from search import api as search_api
from tests.factories import SiteTree
from tourism.items import events as event_items
from tourism.items import news as news_items
from tourism.items import pois as poi_items
from tourism.items.events import EventFilters, occurrence_page, occurrence_queryset, with_event_rows
from tourism.items.news import NewsFilters
from tourism.models import Event, OpeningHoursRule, PointOfInterest

pytestmark = pytest.mark.django_db


def orm_sql(build, shape, **values) -> tuple[str, list]:
    sql, params = build(shape, **values).query.sql_with_params()
    return sql, list(params)


def sent(run) -> list[tuple[str, list]]:
    """The statements `run()` sends, with their parameters."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, list(params)))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        run()
    return statements


def pages(shape, *, now, title, prefix, ids, since):
    """Every kind of value a shape takes: an exact string, a LIKE prefix, a time, a date, a list."""
    queryset = visible_pages(Page.objects.filter(title=title, path__startswith=prefix), shape, now)
    return queryset.filter(pk__in=ids, first_published_at__date__gte=since).order_by("pk")


def test_values_land_where_the_orm_puts_them(tree):
    query = CompiledQuery(pages)
    values = {
        "now": timezone.now(),
        "title": "Veranstaltungen",
        "prefix": tree.home.path,
        "ids": [tree.events.pk, tree.news.pk, tree.pois.pk],
        "since": date(2000, 1, 1),
    }
    site = tree.home.get_site()
    assert query.sql_with_params(site, **values) == orm_sql(pages, site, **values)
    assert [page.pk for page in query(site, **values)] == [tree.events.pk]
    other = {**values, "title": "Aktuelles", "prefix": "0001%_"}  # escaped as the ORM escapes it
    assert query.sql_with_params(site, **other) == orm_sql(pages, site, **other)
    assert query(site, **other) == []


def test_a_value_that_changes_the_sql_runs_through_the_orm(tree):
    """A LIMIT is written into the SQL: markers cannot stand in for it, the check sees it."""

    def first(shape, *, count):
        return Page.objects.order_by("pk")[:count]

    query = CompiledQuery(first)
    assert len(query(count=2)) == 2
    assert len(query(count=3)) == 3  # same shape, still right: the plan was not trusted
    assert not next(iter(query._plans.values())).trusted


def test_repeated_values_are_a_shape_of_their_own(tree):
    """`__in` drops repeats, so [a, a] has fewer parameters than two markers: checked, not trusted."""

    def by_ids(shape, *, ids):
        return Page.objects.filter(pk__in=ids).order_by("pk")

    query = CompiledQuery(by_ids)
    assert [page.pk for page in query(ids=[tree.news.pk, tree.events.pk])] == sorted(
        [tree.news.pk, tree.events.pk]
    )
    assert [page.pk for page in query(ids=[tree.news.pk, tree.news.pk])] == [tree.news.pk]
    assert [page.pk for page in query(ids=[tree.pois.pk, tree.events.pk])] == sorted(
        [tree.pois.pk, tree.events.pk]
    )


def test_no_marker_may_be_none_or_a_boolean(tree):
    query = CompiledQuery(lambda shape, *, live: Page.objects.filter(live=live))
    with pytest.raises(ShapeError):
        query(live=True)


@pytest.fixture
def calendar(tree):
    today = timezone.localdate()
    museum = tree.poi(title="Museum", slug="museum")
    for days in range(3):
        tree.event(
            title=f"Führung {days}",
            start_date=today + timedelta(days=days + 1),
            start_time=time(14),
            end_time=time(15),
            venue=museum if days else None,
        )
    hidden = tree.event(title="Entwurf", start_date=today + timedelta(days=2), live=False)
    for days in range(3):
        tree.news_article(title=f"Nachricht {days}", date=today - timedelta(days=days))
    return {"tree": tree, "museum": museum, "hidden": hidden}


def context(locale=None):
    request = RequestFactory().get("/api/v1/events", HTTP_HOST="localhost")
    return api_context(request, locale)


@pytest.mark.parametrize("locale", [None, "en"])
@pytest.mark.parametrize("limit", [1, 2, 100])
def test_the_events_list_sends_the_orm_s_statements(calendar, locale, limit):
    """The compiled list against `page_of` over `occurrence_queryset`, for the same moment."""
    moment = timezone.now()
    filters = EventFilters()
    with mock.patch("django.utils.timezone.now", return_value=moment):
        ctx = context(locale)
        compiled = sent(lambda: occurrence_page(ctx, filters, limit, 0))
        orm = sent(lambda: page_of(occurrence_queryset(ctx, filters), limit, 0, load=with_event_rows))
        compiled_again = sent(lambda: occurrence_page(ctx, filters, limit, 0))  # the cached plan
    assert compiled == orm == compiled_again
    plans = [
        *event_items._VISIBLE_PAGE._ids._plans.values(),
        *event_items._VISIBLE_PAGE._objects._plans.values(),
    ]
    plans += event_items._VENUES._plans.values()
    assert plans and all(plan.checked and plan.trusted for plan in plans)  # run from the cache
    count, page = occurrence_page(ctx, filters, limit, 0)
    assert count == 3 and len(page) == min(limit, 3)
    assert calendar["hidden"].pk not in {occurrence.event_id for occurrence in page}


def test_venues_and_feed_queries_are_the_orm_s(calendar):
    ctx = context()
    site = ctx.site
    now = timezone.now()
    shape = (site, rule_shape(site))
    venue = {"keys": [calendar["museum"].translation_key], "now": now, "locales": [ctx.locale.pk]}
    assert event_items._VENUES.sql_with_params(shape, **venue) == orm_sql(event_items._venues, shape, **venue)
    feed_shape = (site, rule_shape(site), True)
    feed = {"now": now, "locales": [ctx.locale.pk], "since": date(2026, 1, 1)}
    assert news_items._FEED.sql_with_params(feed_shape, **feed) == orm_sql(
        news_items._feed_query, feed_shape, **feed
    )
    index = {"now": now, "locales": [ctx.locale.pk]}
    assert news_items._INDEXES.sql_with_params(shape, **index) == orm_sql(
        news_items._index_query, shape, **index
    )
    assert [article.title for article in news_items.feed_articles(ctx, NewsFilters())] == [
        "Nachricht 0",
        "Nachricht 1",
        "Nachricht 2",
    ]


def test_a_new_restriction_is_a_new_shape(client, calendar):
    """A plan compiled before a restriction is never run after it: the rule's facts key the plan."""
    tree: SiteTree = calendar["tree"]
    assert len(client.get("/api/v1/events").json()["items"]) == 3
    assert len(client.get("/api/v1/news.rss").content.split(b"<item>")) == 4
    PageViewRestriction.objects.create(page=tree.events, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=tree.news, restriction_type="password", password="x")
    assert client.get("/api/v1/events").json()["items"] == []
    assert b"<item>" not in client.get("/api/v1/news.rss").content


@pytest.mark.parametrize("limit", [1, 100])
def test_the_pois_list_near_and_open_sends_the_orm_s_statements(calendar, limit):
    """The places near a point, open at a moment, by distance: compiled against `page_of` over the
    same definition, whose corners as the columns' decimals give the SQL of the float corners."""
    tree = calendar["tree"]
    for title in ("Café am Markt", "Café am Roland"):
        cafe = tree.poi(title=title, live=False)
        cafe.opening_hours = [OpeningHoursRule(saturday=True, opens=time(10), closes=time(17))]
        cafe.save_revision().publish()
    moment = timezone.now()
    saturday = datetime(2026, 12, 5, 11, tzinfo=ZoneInfo("Europe/Berlin"))
    filters = poi_items.PoiFilters(near="52.2893,11.4085", open_at=saturday, ordering="distance")
    with mock.patch("django.utils.timezone.now", return_value=moment):
        ctx = context()
        shape, values, _near, _schedules = poi_items._matching(ctx, filters)
        compiled = sent(lambda: poi_items._PLACES_PAGE(shape, limit, 0, **values))
        orm = sent(
            lambda: page_of(poi_items._places(shape, **values), limit, 0, load=poi_items.with_row_lists)
        )
    assert compiled == orm
    assert len(compiled) == 2  # the ids and the total, the places by id
    corners = poi_items._boxes(filters, _near)[0]
    as_floats = {**values, "boxes": list(corners)}
    assert orm_sql(poi_items._places, shape, **as_floats) == orm_sql(poi_items._places, shape, **values)
    plans = [*poi_items._PLACES_PAGE._ids._plans.values(), *poi_items._PLACES_PAGE._objects._plans.values()]
    assert plans and all(plan.trusted for plan in plans)


def test_the_search_hits_queries_are_the_orm_s(calendar):
    ctx = context()
    shape = (ctx.site, rule_shape(ctx.site))
    now = timezone.now()
    events = [page.pk for page in Page.objects.type(Event)]
    for query, build, values in (
        (search_api._EVENTS, search_api._events, {"ids": events, "now": now, "moment": ctx.now}),
        (search_api._DATES, search_api._dates, {"ids": [1, 2]}),
        (search_api._POIS, search_api._pois, {"ids": [calendar["museum"].pk], "now": now}),
        (search_api._NEWS, search_api._news, {"ids": events, "now": now}),
    ):
        assert query.sql_with_params(shape, **values) == orm_sql(build, shape, **values)
    items = search_api.event_items(events, ctx)
    assert sorted(items) == sorted(set(events) - {calendar["hidden"].pk})
    assert all(plan.trusted for plan in search_api._EVENTS._plans.values())


def test_a_definition_that_refuses_markers_runs_through_the_orm(tree):
    def by_digits(shape, *, digits):
        return Page.objects.filter(pk=int(digits))  # a marker string is no number

    query = CompiledQuery(by_digits)
    assert [page.pk for page in query(digits=str(tree.home.pk))] == [tree.home.pk]


class Builds:
    """A definition that counts its builds."""

    def __init__(self, make) -> None:
        self.make, self.calls = make, 0

    def __call__(self, shape, **values):
        self.calls += 1
        return self.make(shape, **values)


def test_the_clock_is_bound_so_the_visibility_rule_holds_on_every_run(tree):
    poi = tree.poi(title="Später")
    starts = timezone.now() + timedelta(hours=1)
    Page.objects.filter(pk=poi.pk).update(go_live_at=starts)
    build = Builds(lambda site, *, pk, now: visible_pages(PointOfInterest.objects.filter(pk=pk), site, now))
    query = CompiledQuery(build)
    site = tree.home.get_site()
    assert query(site, pk=poi.pk, now=starts - timedelta(minutes=1)) == []
    assert [page.pk for page in query(site, pk=poi.pk, now=starts)] == [poi.pk]
    assert [page.pk for page in query(site, pk=poi.pk, now=starts + timedelta(days=1))] == [poi.pk]
    assert build.calls == 2  # the markers' build and the first run's check


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
            prefetch_one(key, poi, ["opening_hours"])
        with django_assert_num_queries(0):
            rules = list(poi.opening_hours.all())
            assert poi.opening_hours.exists()
        assert [rule.opens.hour for rule in rules] == [9 + hour for hour in range(index + 1)]
        assert all(rule.page is poi for rule in rules)
        # asked further, the relation still means this place's rows
        assert list(poi.opening_hours.filter(monday=True).values_list("page_id", flat=True)) == [place.pk] * (
            index + 1
        )


def test_child_rows_of_a_prefetch_queryset_keep_its_filter(tree):
    poi = tree.poi()
    for hour, monday in ((9, True), (10, False)):
        OpeningHoursRule.objects.create(page=poi, monday=monday, opens=time(hour), closes=time(hour + 1))
    lookup = Prefetch("opening_hours", queryset=OpeningHoursRule.objects.filter(monday=True))
    for _run in range(2):  # the compiled shape's first run (checked) and a bound run
        fresh = PointOfInterest.objects.get(pk=poi.pk)
        prefetch_one(("filtered", object), fresh, [lookup])
        assert [rule.opens.hour for rule in fresh.opening_hours.all()] == [9]
