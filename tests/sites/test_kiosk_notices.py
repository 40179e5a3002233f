"""Urgent notices on kiosk screens (*Hinweis an Bildschirme*): what the kiosk team and the screens rely on.

Validation in German on the field; targeting all / selected / within a radius; the feed carries
active and upcoming notices (within its look-ahead), never ended ones; the all clear (*Entwarnung*)
ends a notice everywhere and is logged; every save or all clear changes the feed's ETag while an
unchanged feed answers cheap 304s; a screen confirms a notice when its player fetches it, once.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from sites.kiosks import build_feed
from sites.models import KIOSK_GROUP, KioskNotice, KioskNoticeConfirmation, KioskScreen
from sites.notice_admin import ALL_CLEAR_ACTION
from sites.notices import all_clear, notices_for
from tests.factories import SiteTree
from tests.worlds import built_once, fresh

BERLIN = ZoneInfo("Europe/Berlin")
pytestmark = pytest.mark.django_db
MARKET = ("52.289300", "11.408500")
STATION = ("52.292000", "11.418000")  # about 0.7 km from the market
HUNDISBURG = ("52.236000", "11.346000")  # about 7 km away


def build_screens() -> dict:
    tree = SiteTree()
    market = tree.poi(title="Marktplatz", slug="markt", latitude=MARKET[0], longitude=MARKET[1])
    screens = {
        "markt": KioskScreen.objects.create(
            name="Markt", slug="markt", venue=market, radius_km=3, languages=["de", "en"]
        ),
        "bahnhof": KioskScreen.objects.create(
            name="Bahnhof", slug="bahnhof", latitude=STATION[0], longitude=STATION[1], languages=["de"]
        ),
        "schloss": KioskScreen.objects.create(
            name="Schloss", slug="schloss", latitude=HUNDISBURG[0], longitude=HUNDISBURG[1], languages=["de"]
        ),
    }
    return {"tree": tree, "screens": screens}


_screens = built_once(build_screens)


@pytest.fixture
def world(_screens, db) -> dict:
    return fresh(_screens)


@pytest.fixture
def screens(world) -> dict[str, KioskScreen]:
    return world["screens"]


def notice(start: datetime, end: datetime, **fields) -> KioskNotice:
    fields.setdefault("texts", {"de": "Hochwasser an der Ohre", "en": "Flooding along the Ohre"})
    screens = fields.pop("screens", None)
    made = KioskNotice.objects.create(
        title=fields.pop("title", "Hochwasser"), starts_at=start, ends_at=end, **fields
    )
    if screens:
        made.screens.set(screens)
    return made


def feed_at(screen: KioskScreen, now: datetime) -> dict:
    return build_feed(screen, RequestFactory().get(f"/api/v1/kiosks/{screen.slug}/feed"), now)


def ids(items: list) -> list[int]:
    return [item["id"] if isinstance(item, dict) else item.pk for item in items]


# --- Validation ----------------------------------------------------------------------------------


def test_the_end_is_required_and_after_the_start_with_german_messages_on_the_field():
    start = timezone.now()
    with translation.override("de"):
        with pytest.raises(ValidationError) as missing:
            KioskNotice(title="x", texts={"de": "x"}, starts_at=start).full_clean()
        assert missing.value.message_dict["ends_at"] == [
            "Geben Sie das Ende an: jeder Hinweis endet von selbst."
        ]
        with pytest.raises(ValidationError) as before:
            KioskNotice(title="x", texts={"de": "x"}, starts_at=start, ends_at=start).full_clean()
        assert before.value.message_dict["ends_at"] == ["Das Ende muss nach dem Beginn liegen."]
        with pytest.raises(ValidationError) as radius:
            KioskNotice(
                title="x",
                texts={"de": "x"},
                starts_at=start,
                ends_at=start + timedelta(hours=1),
                target="radius",
            ).full_clean()
        assert radius.value.message_dict["latitude"] == [
            "Geben Sie den Punkt an, von dem aus der Umkreis gilt."
        ]
        assert radius.value.message_dict["radius_km"] == ["Geben Sie den Umkreis an."]


def test_the_admin_form_checks_texts_and_screens_and_writes_nothing_half_way(admin_client, screens):
    start = timezone.localtime().replace(second=0, microsecond=0)
    form = {
        "title": "Sperrung",
        "text_de": "",
        "text_en": "Closed",
        "severity": "warning",
        "target": "selected",
        "starts_at": start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
    }
    response = admin_client.post("/admin/kiosk-notices/new/", form)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["text_de"] == ["Geben Sie den Text in der Standardsprache ein."]
    assert errors["screens"] == ["Wählen Sie mindestens einen Bildschirm."]
    assert errors["ends_at"] == ["Das Ende muss nach dem Beginn liegen."]
    assert not KioskNotice.objects.exists()

    form.update(
        text_de="Markt gesperrt",
        screens=[screens["bahnhof"].pk],
        ends_at=(start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
    )
    response = admin_client.post("/admin/kiosk-notices/new/", form)
    assert response.status_code == 302, response.context["form"].errors
    saved = KioskNotice.objects.get()
    assert saved.texts == {"de": "Markt gesperrt", "en": "Closed"}
    assert saved.created_by.username == "editor" and saved.created_at
    assert list(saved.screens.all()) == [screens["bahnhof"]]
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(saved.pk)).exists()
    edit = admin_client.get(f"/admin/kiosk-notices/edit/{saved.pk}/")
    assert edit.status_code == 200
    page = edit.content.decode()
    assert "Markt gesperrt" in page and "Entwarnung" in page and "0 von 1 Bildschirm" in page


def test_the_kiosk_group_may_write_and_end_notices(client, django_user_model, screens):
    group = Group.objects.get(name=KIOSK_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_kiosknotice", "change_kiosknotice", "view_kioskscreen"} <= codenames
    assert "delete_kiosknotice" not in codenames  # the history stays
    member = django_user_model.objects.create_user("kiosk", "kiosk@example.org", "pw")
    member.groups.add(group)
    client.force_login(member)
    assert client.get("/admin/kiosk-notices/").status_code == 200
    assert client.get("/admin/kiosk-notices/new/").status_code == 200
    now = timezone.now()
    flood = notice(now, now + timedelta(hours=1))
    assert client.post(f"/admin/kiosk-notices/all-clear/{flood.pk}/").status_code == 302
    assert KioskNotice.objects.get(pk=flood.pk).ended_by == member
    assert client.get("/admin/kiosks/").status_code == 200  # the screens, to see them
    # and to look after their settings (issue 17), but adding and removing screens stays with admins
    assert client.get(f"/admin/kiosks/edit/{screens['markt'].pk}/").status_code == 200
    assert client.get("/admin/kiosks/new/").status_code in (302, 403)
    assert client.get(f"/admin/kiosks/delete/{screens['markt'].pk}/").status_code in (302, 403)


# --- Targeting and the feed ---------------------------------------------------------------------------


def test_targeting_all_selected_and_radius(screens):
    now = timezone.now()
    everywhere = notice(now, now + timedelta(hours=1), title="alle")
    station = notice(
        now, now + timedelta(hours=1), title="bahnhof", target="selected", screens=[screens["bahnhof"]]
    )
    nearby = notice(
        now,
        now + timedelta(hours=1),
        title="umkreis",
        target="radius",
        latitude=MARKET[0],
        longitude=MARKET[1],
        radius_km=2,
    )
    until = now + timedelta(days=1)
    assert ids(notices_for(screens["markt"], now, until)) == [everywhere.pk, nearby.pk]
    assert ids(notices_for(screens["bahnhof"], now, until)) == [everywhere.pk, station.pk, nearby.pk]
    assert ids(notices_for(screens["schloss"], now, until)) == [everywhere.pk]


def test_feed_has_active_and_upcoming_notices_in_every_language_and_not_ended_ones(screens):
    now = datetime.combine(timezone.localdate() + timedelta(days=1), time(9), tzinfo=BERLIN)
    active = notice(now - timedelta(hours=1), now + timedelta(hours=1), severity="danger")
    upcoming = notice(now + timedelta(days=2), now + timedelta(days=2, hours=3), texts={"de": "Nur deutsch"})
    notice(now - timedelta(hours=2), now - timedelta(minutes=1), title="vorbei")
    notice(now + timedelta(days=9), now + timedelta(days=10), title="zu weit voraus")
    cleared = notice(now - timedelta(hours=1), now + timedelta(hours=5), title="entwarnt")
    all_clear(cleared, None, now - timedelta(minutes=5))

    feed = feed_at(screens["markt"], now)
    assert ids(feed["notices"]) == [active.pk, upcoming.pk]
    first, second = feed["notices"]
    assert first["severity"] == "danger"
    assert first["texts"] == {
        "de": {"text": "Hochwasser an der Ohre"},
        "en": {"text": "Flooding along the Ohre"},
    }
    assert second["texts"]["en"] == {"text": "Nur deutsch"}  # the default language stands in
    assert second["start"] == upcoming.starts_at and second["end"] == upcoming.ends_at
    # The answer is not kept past the moment the active notice ends.
    assert feed["valid_until"] <= active.ends_at


def test_all_clear_ends_a_notice_on_every_screen_and_is_logged(admin_client, screens):
    now = timezone.now()
    flood = notice(now - timedelta(minutes=10), now + timedelta(hours=6), severity="danger")
    assert admin_client.get(f"/admin/kiosk-notices/all-clear/{flood.pk}/").status_code == 200
    response = admin_client.post(f"/admin/kiosk-notices/all-clear/{flood.pk}/")
    assert response.status_code == 302
    flood.refresh_from_db()
    assert flood.ended_at is not None and flood.ended_by.username == "editor"
    assert flood.ends_at == now + timedelta(hours=6)  # the planned end stays on record
    for screen in screens.values():
        assert feed_at(screen, timezone.now())["notices"] == []
    entry = ModelLogEntry.objects.get(action=ALL_CLEAR_ACTION)
    assert entry.object_id == str(flood.pk) and entry.user.username == "editor"
    again = admin_client.post(f"/admin/kiosk-notices/all-clear/{flood.pk}/", follow=True)
    assert "bereits beendet" in again.content.decode()


# --- ETag, 304 and confirmations ----------------------------------------------------------------


FEED = "/api/v1/kiosks/markt/feed"
PLAYER = {"HTTP_X_KIOSK_SCREEN": "markt"}


def test_etag_changes_when_a_notice_is_saved_or_ended_and_304s_are_cheap(
    client, screens, django_assert_max_num_queries
):
    first = client.get(FEED, **PLAYER)
    etag = first["ETag"]
    with django_assert_max_num_queries(0):
        unchanged = client.get(FEED, HTTP_IF_NONE_MATCH=etag, **PLAYER)
    assert unchanged.status_code == 304 and len(unchanged.content) == 0  # from the answer cache: no SQL
    assert unchanged["ETag"] == etag

    now = timezone.now()
    flood = notice(now, now + timedelta(hours=1))
    saved = client.get(FEED, HTTP_IF_NONE_MATCH=etag, **PLAYER)
    assert saved.status_code == 200 and saved["ETag"] != etag
    assert ids(saved.json()["notices"]) == [flood.pk]

    flood.texts = {"de": "Pegel sinkt", "en": "Level falling"}
    flood.save()
    edited = client.get(FEED, HTTP_IF_NONE_MATCH=saved["ETag"], **PLAYER)
    assert edited.status_code == 200 and edited.json()["notices"][0]["texts"]["de"]["text"] == "Pegel sinkt"

    all_clear(flood, None, timezone.now())
    ended = client.get(FEED, HTTP_IF_NONE_MATCH=edited["ETag"], **PLAYER)
    assert ended.status_code == 200 and ended.json()["notices"] == []
    with django_assert_max_num_queries(0):
        assert client.get(FEED, HTTP_IF_NONE_MATCH=ended["ETag"], **PLAYER).status_code == 304


def test_a_screen_confirms_a_notice_when_its_player_fetches_it_and_only_the_first_time(client, screens):
    now = timezone.now()
    flood = notice(now, now + timedelta(hours=1))
    later = notice(now + timedelta(days=1), now + timedelta(days=1, hours=1), title="morgen")

    # The admin's preview and other readers of the feed do not count; their answer is not kept for the
    # player, whose request must reach the server to be recorded.
    preview = client.get(FEED)
    assert "no-cache" in preview["Cache-Control"]
    assert not KioskNoticeConfirmation.objects.exists()

    client.get(FEED, **PLAYER)
    first = {
        row.notice_id: row.confirmed_at
        for row in KioskNoticeConfirmation.objects.filter(screen=screens["markt"])
    }
    assert set(first) == {flood.pk, later.pk}  # in the feed ahead of its start, so received

    fetched = client.get(FEED, **PLAYER)
    assert fetched["X-Roland-Cache"] == "hit"  # confirmed: answers are kept again
    assert "no-cache" not in fetched["Cache-Control"]
    client.get("/api/v1/kiosks/bahnhof/feed", HTTP_X_KIOSK_SCREEN="markt")  # not its own slug: ignored
    again = {row.notice_id: row.confirmed_at for row in KioskNoticeConfirmation.objects.all()}
    assert again == first
