"""Occurrences are written when an event is published and disappear when it is unpublished."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tests.worlds import tree_per_module
from tourism.models import EventExcludedDate, EventExtraDate, EventOccurrence
from tourism.services.occurrences import extend_all, refresh_occurrences

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def starts(event):
    return [
        occ.start.astimezone(BERLIN) for occ in EventOccurrence.objects.filter(event=event).order_by("start")
    ]


def test_publishing_a_recurring_event_writes_each_occurrence(tree):
    today = timezone.localdate()
    event = tree.event(start_date=today + timedelta(days=1), recurrence_rule="FREQ=WEEKLY;COUNT=5")
    assert len(starts(event)) == 5
    first = EventOccurrence.objects.filter(event=event).earliest("start")
    assert first.start == datetime.combine(today + timedelta(days=1), time(14), tzinfo=BERLIN)
    assert first.end - first.start == timedelta(minutes=90)


def test_exdate_and_rdate_rows_shape_the_occurrences(tree):
    start = timezone.localdate() + timedelta(days=2)
    event = tree.event(start_date=start, recurrence_rule="FREQ=DAILY;COUNT=4", live=False)
    event.excluded_dates = [EventExcludedDate(date=start + timedelta(days=1))]
    event.extra_dates = [EventExtraDate(date=start + timedelta(days=10), time=time(9, 30))]
    event.save_revision().publish()
    days = [(s.date() - start).days for s in starts(event)]
    assert days == [0, 2, 3, 10]
    assert starts(event)[-1].time() == time(9, 30)


def test_weekly_occurrences_keep_local_time_across_dst(tree):
    with override_settings(ROLAND_OCCURRENCE_HORIZON_DAYS=800):
        event = tree.event(start_date=date(2027, 3, 20), start_time=time(19), end_time=time(21), live=False)
        event.recurrence_rule = "FREQ=WEEKLY;COUNT=3"
        event.save_revision().publish()
    assert [(s.day, s.hour) for s in starts(event)] == [(20, 19), (27, 19), (3, 19)]


def test_unpublish_removes_and_republish_restores_occurrences(tree):
    event = tree.event(
        start_date=timezone.localdate() + timedelta(days=3), recurrence_rule="FREQ=WEEKLY;COUNT=3"
    )
    assert EventOccurrence.objects.filter(event=event).count() == 3
    event.unpublish()
    assert not EventOccurrence.objects.filter(event=event).exists()
    event.save_revision().publish()
    assert EventOccurrence.objects.filter(event=event).count() == 3


def test_deleting_an_event_deletes_its_occurrences(tree):
    event = tree.event(start_date=timezone.localdate() + timedelta(days=3))
    assert EventOccurrence.objects.filter(event_id=event.pk).count() == 1
    event.delete()
    assert not EventOccurrence.objects.filter(event_id=event.pk).exists()


def test_draft_changes_do_not_touch_occurrences_until_published(tree):
    start = timezone.localdate() + timedelta(days=3)
    event = tree.event(start_date=start)
    event.start_date = start + timedelta(days=7)
    event.save_revision()  # a draft
    assert starts(event)[0].date() == start
    event.get_latest_revision().publish()
    assert starts(event)[0].date() == start + timedelta(days=7)


def test_occurrence_rows_are_kept_stable_when_dates_do_not_change(tree):
    event = tree.event(
        start_date=timezone.localdate() + timedelta(days=1), recurrence_rule="FREQ=WEEKLY;COUNT=4"
    )
    before = set(EventOccurrence.objects.filter(event=event).values_list("pk", flat=True))
    event.title = "Neue Stadtführung"
    event.save_revision().publish()
    assert set(EventOccurrence.objects.filter(event=event).values_list("pk", flat=True)) == before


def test_horizon_bounds_open_ended_rules_and_the_task_moves_it(tree):
    today = timezone.localdate()
    with override_settings(ROLAND_OCCURRENCE_HORIZON_DAYS=30):
        event = tree.event(
            start_date=today, start_time=time(23, 59), end_time=None, recurrence_rule="FREQ=DAILY"
        )
        count = EventOccurrence.objects.filter(event=event).count()
        assert 30 <= count <= 31
        later = timezone.now() + timedelta(days=10)
        assert extend_all(now=later) == (1, EventOccurrence.objects.filter(event=event).count(), [event.pk])
        assert EventOccurrence.objects.filter(event=event).latest("start").start > timezone.now() + timedelta(
            days=39
        )


def test_past_occurrences_older_than_a_year_are_not_stored(tree):
    event = tree.event(
        start_date=timezone.localdate() - timedelta(days=800), recurrence_rule="FREQ=MONTHLY;COUNT=12"
    )
    assert not EventOccurrence.objects.filter(event=event).exists()
    assert refresh_occurrences(event) == 0


def test_extend_occurrences_command_reports_progress(tree, capsys, run_tasks):
    tree.event(start_date=timezone.localdate() + timedelta(days=1), recurrence_rule="FREQ=WEEKLY;COUNT=2")
    call_command("extend_occurrences")
    assert "Refreshed 1 events, 2 occurrences" in capsys.readouterr().out
    EventOccurrence.objects.all().delete()
    call_command("extend_occurrences", "--enqueue")  # queues the django-tasks task for the worker
    assert "Enqueued task" in capsys.readouterr().out
    run_tasks()
    assert EventOccurrence.objects.count() == 2
