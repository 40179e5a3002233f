"""Guessing passwords is stopped: the admin sign-in and the password forms lock after repeated failures.

Limits (cms.settings.base): 5 failures of one account from one address, 20 from one address, 30 of
one account from anywhere; 15 minutes after the last failure. The password forms of restricted pages
and collections count per address. Counted in the database: no cache takes part.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission
from django.db.models import F
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from tests.factories import SiteTree
from tests.worlds import built_once

LOGIN = "/admin/login/"
PASSWORD = "richtig-und-lang-genug"
LOCKED_DE = "Zu viele fehlgeschlagene Anmeldeversuche"


@dataclass
class World:
    editor_name: str
    page: Page
    page_restriction: PageViewRestriction
    collection_restriction: CollectionViewRestriction


def build_world() -> World:
    from django.contrib.auth import get_user_model

    User = get_user_model()
    User.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    editor = User.objects.create_user("redakteur", "redakteur@example.org", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    tree = SiteTree()
    page = tree.poi(title="Ratskeller", slug="ratskeller")
    page_restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="sesam"
    )
    archive = Collection.get_first_root_node().add_child(name="Archiv")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=archive, restriction_type="password", password="sesam"
    )
    return World(editor.username, page, page_restriction, collection_restriction)


world = built_once(build_world)


def from_address(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def sign_in(client: Client, username: str, password: str, **extra):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def attacker(world, db) -> Client:
    return from_address("198.51.100.7")


# --- the admin sign-in ------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_from_that_address(attacker, world):
    statuses = [sign_in(attacker, world.editor_name, f"falsch-{n}").status_code for n in range(4)]
    assert statuses == [200] * 4
    fifth = sign_in(attacker, world.editor_name, "falsch-5")
    assert fifth.status_code == 429
    page = fifth.content.decode()
    # On the sign-in screen itself, in German, in the form's error list.
    assert LOCKED_DE in page and "15 Minuten" in page and 'name="password"' in page
    assert fifth["Retry-After"] == "900"

    # Locked: even the right password is refused.
    right = sign_in(attacker, world.editor_name, PASSWORD)
    assert right.status_code == 429 and not signed_in(attacker)
    # The same account from another address, and another account from this one, still sign in.
    elsewhere = from_address("203.0.113.9")
    assert sign_in(elsewhere, world.editor_name, PASSWORD).status_code == 302 and signed_in(elsewhere)
    assert sign_in(attacker, "chefin", PASSWORD).status_code == 302 and signed_in(attacker)


def test_twenty_failures_lock_the_address_for_every_account(attacker, world):
    statuses = [sign_in(attacker, f"name-{n}", "falsch").status_code for n in range(20)]
    assert statuses == [200] * 19 + [429]
    assert sign_in(attacker, "chefin", PASSWORD).status_code == 429 and not signed_in(attacker)
    assert sign_in(from_address("203.0.113.9"), "chefin", PASSWORD).status_code == 302


def test_thirty_failures_from_many_addresses_lock_the_account(world, db):
    statuses = [
        sign_in(from_address(f"198.51.100.{n}"), world.editor_name, "falsch").status_code for n in range(30)
    ]
    assert statuses == [200] * 29 + [429]
    fresh_address = from_address("203.0.113.9")
    assert sign_in(fresh_address, world.editor_name, PASSWORD).status_code == 429
    assert not signed_in(fresh_address)


def test_ipv6_attackers_count_per_64_network(world, db):
    statuses = [
        sign_in(from_address(f"2001:db8:1:2::{n + 1}"), world.editor_name, "falsch").status_code
        for n in range(5)
    ]
    assert statuses == [200] * 4 + [429]
    assert sign_in(from_address("2001:db8:1:3::1"), world.editor_name, PASSWORD).status_code == 302


def test_forged_forwarded_for_headers_do_not_escape_the_count(attacker, world):
    for n in range(5):
        sign_in(attacker, world.editor_name, "falsch", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert (
        sign_in(attacker, world.editor_name, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429
    )


@override_settings(API_TRUSTED_PROXY_HEADER="X-Forwarded-For")
def test_behind_the_trusted_proxy_the_forwarded_address_counts(world, db):
    proxy = from_address("10.0.0.2")
    for _ in range(5):
        sign_in(proxy, world.editor_name, "falsch", HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.7")
    locked = sign_in(proxy, world.editor_name, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert locked.status_code == 429
    # Another caller behind the same proxy is not affected.
    assert sign_in(proxy, world.editor_name, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


def test_the_lockout_ends_fifteen_minutes_after_the_last_failure(attacker, world):
    for _ in range(5):
        sign_in(attacker, world.editor_name, "falsch")
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 429  # and counts once more
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=15, seconds=1))
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 302 and signed_in(attacker)


# --- the password forms of restricted pages and collections -------------------------------------------


def page_form(world: World, prefix: str = "") -> str:
    return f"{prefix}/_util/authenticate_with_password/{world.page_restriction.pk}/{world.page.pk}/"


def enter(client: Client, url: str, password: str, **extra):
    return client.post(url, {"password": password, "return_url": "/"}, **extra)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_five_wrong_page_passwords_lock_that_page_for_that_address(attacker, world, prefix):
    url = page_form(world, prefix)
    assert [enter(attacker, url, f"falsch-{n}").status_code for n in range(4)] == [200] * 4
    fifth = enter(attacker, url, "falsch-5")
    assert fifth.status_code == 429
    assert fifth["Retry-After"] == "900"
    # The right password now changes nothing: the page stays closed to this address.
    assert enter(attacker, url, "sesam").status_code == 429
    assert world.page_restriction.pk not in attacker.session.get("passed_page_view_restrictions", [])
    # Another visitor is not locked out by the attacker.
    assert enter(from_address("203.0.113.9"), url, "sesam").status_code == 302


def test_a_page_password_lockout_is_the_same_in_every_language(attacker, world):
    for _ in range(5):
        enter(attacker, page_form(world), "falsch")
    assert enter(attacker, page_form(world, "/en"), "sesam").status_code == 429


def test_many_visitors_cannot_lock_a_page_for_everyone(world, db):
    for n in range(35):
        enter(from_address(f"198.51.100.{n}"), page_form(world), "falsch")
    assert enter(from_address("203.0.113.9"), page_form(world), "sesam").status_code == 302


def test_five_wrong_collection_passwords_lock_its_documents_for_that_address(attacker, world):
    url = reverse("wagtaildocs_authenticate_with_password", args=[world.collection_restriction.pk])
    assert [enter(attacker, url, "falsch").status_code for _ in range(5)] == [200] * 4 + [429]
    assert enter(attacker, url, "sesam").status_code == 429
    assert enter(from_address("203.0.113.9"), url, "sesam").status_code == 302


# --- lifting a lockout in the admin ----------------------------------------------------------------


REPORT = "/admin/lockouts/"


def signed_in_as(username: str) -> Client:
    from django.contrib.auth import get_user_model

    client = Client(REMOTE_ADDR="192.0.2.200")
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_an_admin_sees_the_lockout_and_lifts_it(attacker, world):
    for _ in range(5):
        sign_in(attacker, world.editor_name, "falsch")
    for _ in range(5):
        enter(attacker, page_form(world), "falsch")
    admin = signed_in_as("chefin")
    dashboard = admin.get("/admin/").content.decode()
    assert REPORT in dashboard  # in the Reports menu

    report = admin.get(REPORT)
    assert report.status_code == 200
    text = report.content.decode()
    assert "Anmeldesperren" in text and "Entsperren" in text
    assert world.editor_name in text and "198.51.100.7" in text
    assert "Passwort der Seite „Ratskeller“" in text

    lifted = admin.post(
        REPORT,
        {"kind": "account_address", "username": world.editor_name, "ip_address": "198.51.100.7"},
        follow=True,
    )
    assert "Die Sperre wurde aufgehoben." in lifted.content.decode()
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 302 and signed_in(attacker)
    # The page form's lockout is a separate one, still in force until lifted too.
    assert enter(attacker, page_form(world), "sesam").status_code == 429
    assert "Passwort der Seite „Ratskeller“" in admin.get(REPORT).content.decode()


def test_lifting_an_address_lockout_lets_every_account_in_again(attacker, world):
    for n in range(20):
        sign_in(attacker, f"name-{n}", "falsch")
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 429
    admin = signed_in_as("chefin")
    admin.post(REPORT, {"kind": "address", "ip_address": "198.51.100.7"})
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 302


def test_only_those_with_the_permission_may_unlock(attacker, world):
    for _ in range(5):
        sign_in(attacker, world.editor_name, "falsch")
    other = from_address("203.0.113.9")
    sign_in(other, world.editor_name, PASSWORD)
    assert signed_in(other)
    assert REPORT not in other.get("/admin/").content.decode()
    assert other.get(REPORT).status_code in (302, 403)
    refused = other.post(
        REPORT, {"kind": "account_address", "username": world.editor_name, "ip_address": "198.51.100.7"}
    )
    assert refused.status_code in (302, 403)
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 429

    # Granted through a Wagtail group (the group editor lists the permission), the editor may.
    group = Group.objects.create(name="Sperren aufheben")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt")
    )
    group.user_set.add(int(other.session["_auth_user_id"]))
    assert other.get(REPORT).status_code == 200
    other.post(
        REPORT, {"kind": "account_address", "username": world.editor_name, "ip_address": "198.51.100.7"}
    )
    assert sign_in(attacker, world.editor_name, PASSWORD).status_code == 302


def test_the_group_editor_offers_the_unlock_permission(world, db):
    admin = signed_in_as("chefin")
    group = Group.objects.create(name="Stadtarchiv")
    page = admin.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()
    permission = Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt")
    assert f'value="{permission.pk}"' in page
