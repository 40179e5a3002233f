"""The benchmark refuses to time a scenario whose answer is short, empty or an error."""

import json
from datetime import date

import pytest

from bench.answers import Claim, ShortAnswer, check_answer, open_at_moment

JSON = "application/json"


def items(n: int) -> bytes:
    return json.dumps({"count": n, "items": [{"id": i} for i in range(n)]}).encode()


def test_a_short_list_stops_the_run():
    with pytest.raises(ShortAnswer, match="pois_near_open/roland: 3 entries"):
        check_answer("pois_near_open/roland", 200, JSON, items(3), Claim(20))


def test_an_empty_list_stops_the_run():
    with pytest.raises(ShortAnswer, match="0 entries"):
        check_answer("pois_near_open/roland", 200, JSON, items(0), Claim(20))


def test_an_error_stops_the_run():
    with pytest.raises(ShortAnswer, match="HTTP 404"):
        check_answer("poi_detail/roland", 404, "application/problem+json", b"{}", Claim(1))


def test_full_answers_give_their_count():
    assert check_answer("events_week/roland", 200, JSON, items(20), Claim(20)) == 20
    assert check_answer("poi_detail/stock", 200, JSON, b'{"id": 7, "title": "x"}', Claim(1)) == 1
    rss = b"<rss><channel>" + b"<item><title>x</title></item>" * 50 + b"</channel></rss>"
    assert check_answer("news_rss/roland", 200, "application/rss+xml; charset=utf-8", rss, Claim(50)) == 50
    feed = json.dumps({"now": [{"id": 1}], "next": [], "upcoming": [{"id": 2}], "highlights": []}).encode()
    assert check_answer("kiosk_feed/roland", 200, JSON, feed, Claim(1)) == 2


def test_a_kiosk_feed_with_nothing_on_stops_the_run():
    feed = json.dumps({"now": [], "next": [], "upcoming": [], "highlights": [{"id": 3}]}).encode()
    with pytest.raises(ShortAnswer):
        check_answer("kiosk_feed/roland", 200, JSON, feed, Claim(1))


@pytest.mark.parametrize("today", [date(2026, 12, 2), date(2027, 3, 1), date(2027, 7, 1), date(2027, 7, 2)])
def test_open_at_is_a_summer_saturday_morning_ahead(today):
    moment = open_at_moment(today)
    assert moment.weekday() == 5 and moment.hour == 11 and moment.month == 7
    assert moment.date() >= today
