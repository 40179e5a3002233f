"""Rate limits on a real Redis server: headers, 429, separate buckets, fail-open when Redis stops."""

import logging

import pytest
from django.test import override_settings

from sites.api_keys import issue_key
from sites.models import ApiClient
from tests.worlds import tree_per_module

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


def keyed_client(rate_limit: int) -> str:
    client = ApiClient(name="Eventportal", rate_limit=rate_limit)
    key = issue_key(client)
    client.save()
    return key


@override_settings(API_RATE_LIMIT_ANONYMOUS=3)
def test_anonymous_limit_headers_and_429(client, tree, redis_cache):
    remaining = []
    for _ in range(3):
        response = client.get("/api/v1/locales")
        assert response.status_code == 200
        assert response["RateLimit-Limit"] == "3"
        assert 1 <= int(response["RateLimit-Reset"]) <= 60
        remaining.append(int(response["RateLimit-Remaining"]))
    assert remaining == [2, 1, 0]

    over = client.get("/api/v1/pois")
    assert over.status_code == 429
    assert over["Content-Type"].startswith("application/problem+json")
    assert over.json()["status"] == 429
    assert 1 <= int(over["Retry-After"]) <= 60
    assert over["RateLimit-Remaining"] == "0"
    # Every API counts against the same budget, the stock one included.
    assert client.get("/api/wagtail/v2/pages/").status_code == 429
    # The website itself and the admin are not rate-limited by the API's budget.
    assert client.get("/healthz").status_code == 200

    # The counter lives in Redis, where every worker process sees it.
    keys = [key.decode() for key in redis_cache.client().keys("*roland:rate:ip:127.0.0.1:*")]
    assert len(keys) == 1


@override_settings(API_RATE_LIMIT_ANONYMOUS=2)
def test_keys_and_addresses_have_their_own_buckets(client, tree, redis_cache):
    key = keyed_client(rate_limit=5)
    for _ in range(2):
        assert client.get("/api/v1/locales").status_code == 200
    assert client.get("/api/v1/locales").status_code == 429
    # Another address still has its budget; so has a partner key on the exhausted address.
    assert client.get("/api/v1/locales", REMOTE_ADDR="192.0.2.7").status_code == 200
    keyed = client.get("/api/v1/locales", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert keyed.status_code == 200
    assert keyed["RateLimit-Limit"] == "5"
    assert keyed["RateLimit-Remaining"] == "4"


@override_settings(API_RATE_LIMIT_ANONYMOUS=2)
def test_forwarded_addresses_count_only_behind_a_configured_proxy(client, tree, redis_cache):
    for n in range(2):
        assert client.get("/api/v1/locales", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code == 200
    # Not configured: a client cannot escape its limit by inventing X-Forwarded-For.
    assert client.get("/api/v1/locales", HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429
    with override_settings(API_TRUSTED_PROXY_HEADER="X-Forwarded-For"):
        # Behind the proxy the last entry (the one the proxy appended) is the caller.
        forwarded = "203.0.113.1, 198.51.100.99"
        assert client.get("/api/v1/locales", HTTP_X_FORWARDED_FOR=forwarded).status_code == 200


@override_settings(API_RATE_LIMIT_ANONYMOUS=1)
def test_ipv6_callers_share_a_budget_per_64_network(client, tree, redis_cache):
    assert client.get("/api/v1/locales", REMOTE_ADDR="2001:db8:1:2::10").status_code == 200
    assert client.get("/api/v1/locales", REMOTE_ADDR="2001:db8:1:2::99").status_code == 429
    assert client.get("/api/v1/locales", REMOTE_ADDR="2001:db8:1:3::10").status_code == 200


@override_settings(API_RATE_LIMIT_ANONYMOUS=2)
def test_limits_fail_open_when_redis_stops(client, tree, redis_cache, caplog):
    poi = tree.poi(title="Roland-Statue", slug="roland")
    assert client.get("/api/v1/pois").status_code == 200
    redis_cache.stop()
    with caplog.at_level(logging.WARNING):
        answers = [client.get("/api/v1/pois") for _ in range(5)]
        detail = client.get(f"/api/v1/pois/{poi.pk}")
    # Over the limit of 2, yet served: nothing can count, so nothing is refused.
    assert [answer.status_code for answer in answers] == [200] * 5
    assert answers[-1].json()["items"][0]["title"] == "Roland-Statue"
    assert detail.status_code == 200
    assert all(answer.has_header("RateLimit-Limit") for answer in answers)
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "Redis cache unreachable" in messages
    assert "failing open" in messages

    # Redis is back: counting resumes on a fresh counter.
    redis_cache.start()
    statuses = [client.get("/api/v1/pois").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_a_count_is_one_round_trip_and_versions_need_no_cache(client, tree, redis_cache):
    """Counting takes one Redis round trip; the answer cache's versions come from the database, so a
    change shows in the next answer even when Redis has lost every key."""
    from django.core.cache import cache

    assert [cache.count("rate-probe", 60) for _ in range(2)] == [1, 2]
    tree.poi(title="Rathaus")
    assert client.get("/api/v1/pois")["X-Roland-Cache"] == "miss"
    assert client.get("/api/v1/pois")["X-Roland-Cache"] == "hit"
    redis_cache.client().flushall()
    tree.poi(title="Stadtbibliothek")
    response = client.get("/api/v1/pois")
    assert response["X-Roland-Cache"] == "miss"
    assert {item["title"] for item in response.json()["items"]} == {"Rathaus", "Stadtbibliothek"}


@override_settings(API_RATE_LIMIT_ANONYMOUS=3)
def test_cached_answers_count_against_the_limit(client, tree, redis_cache):
    """A hit is answered before the view runs, never before the count."""
    tree.poi(title="Rathaus")
    answers = [client.get("/api/v1/pois") for _ in range(3)]
    assert [answer["X-Roland-Cache"] for answer in answers] == ["miss", "hit", "hit"]
    assert [answer["RateLimit-Remaining"] for answer in answers] == ["2", "1", "0"]
    refused = client.get("/api/v1/pois")
    assert refused.status_code == 429 and not refused.has_header("X-Roland-Cache")


def test_counting_survives_a_server_that_forgot_the_script_or_an_expiry(redis_cache):
    """The count runs as a script sent by its digest: a restarted Redis has none, and is sent it
    again; a counter that somehow lost its expiry gets one, so its window still ends."""
    from django.core.cache import cache

    assert cache.count("rate-script", 60) == 1
    server = redis_cache.client()
    server.script_flush()
    assert cache.count("rate-script", 60) == 2
    (key,) = server.keys("*rate-script")
    server.persist(key)
    assert cache.count("rate-script", 60) == 3
    assert 0 < server.ttl(key) <= 60
