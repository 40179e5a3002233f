"""The office's dashboard: this week's events, cancelled ones, pages going live or expiring soon,
places without opening hours — each row a link to its edit page, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.factories import SiteTree
from tests.worlds import built_once, fresh
from tourism.dashboard import OFFICE_PANELS
from tourism.models import EventStatus, OpeningHoursRule

pytestmark = pytest.mark.django_db


def local_today():
    return timezone.localdate()


def schedule(page: Page, go_live_at) -> None:
    """What "Publish" with a go-live date ahead does: the revision is approved for that time."""
    page.go_live_at = go_live_at
    page.save_revision().publish()


def add_items(tree: SiteTree, tag: str) -> dict:
    """One of each kind the dashboard lists, and one of each it must leave out."""
    today = local_today()
    now = timezone.now()
    items = {
        "soon": tree.event(title=f"Adventsmarkt {tag}", start_date=today + timedelta(days=2)),
        "later": tree.event(title=f"Osterfeuer {tag}", start_date=today + timedelta(days=40)),
        "cancelled": tree.event(
            title=f"Konzert {tag}", start_date=today + timedelta(days=20), status=EventStatus.CANCELLED
        ),
        "cancelled_past": tree.event(
            title=f"Lesung {tag}", start_date=today - timedelta(days=20), status=EventStatus.CANCELLED
        ),
        "draft_soon": tree.event(title=f"Entwurf {tag}", start_date=today + timedelta(days=1), live=False),
        "bare": tree.poi(title=f"Kulturfabrik {tag}"),
        "noted": tree.poi(title=f"Roland {tag}", opening_hours_note="Frei zugänglich"),
        "hours": tree.poi(title=f"Museum {tag}"),
        "expiring": tree.news_article(title=f"Baustelle {tag}"),
        "expiring_later": tree.news_article(title=f"Sperrung {tag}"),
        "scheduled": tree.news_article(title=f"Neujahrsempfang {tag}", live=False),
    }
    OpeningHoursRule.objects.create(
        page=items["hours"], monday=True, opens="10:00", closes="17:00", sort_order=0
    )
    for page in (items["bare"], items["noted"], items["hours"]):
        page.save_revision().publish()
    Page.objects.filter(pk=items["expiring"].pk).update(expire_at=now + timedelta(days=5))
    Page.objects.filter(pk=items["expiring_later"].pk).update(expire_at=now + timedelta(days=30))
    schedule(items["scheduled"], now + timedelta(days=3))
    return items


def build() -> dict:
    tree = SiteTree()
    return {"tree": tree, "items": add_items(tree, "A")}


world = built_once(build)


@pytest.fixture
def w(world):
    return fresh(world)


def render(request) -> dict[str, str]:
    context = {"request": request}
    return {panel.name: panel().render_html(context) for panel in OFFICE_PANELS}


@pytest.fixture
def request_(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    return request


def edit_link(page) -> str:
    return f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"'


def test_each_panel_lists_what_needs_looking_at_with_a_link_to_its_edit_page(w, request_):
    items = w["items"]
    html = render(request_)
    listed = {
        "office_upcoming_events": ["soon"],
        "office_cancelled_events": ["cancelled"],
        "office_scheduled_pages": ["scheduled", "expiring"],
        "office_places_without_hours": ["bare"],
    }
    for name, keys in listed.items():
        for key in keys:
            assert items[key].title in html[name], (name, key)
            assert edit_link(items[key]) in html[name], (name, key)
        for key in set(items) - set(keys):
            assert items[key].title not in html[name], (name, key)


def test_the_panels_speak_german_on_the_admin_start_page(w, client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(admin_user)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    for heading in (
        "Veranstaltungen in den nächsten sieben Tagen",
        "Abgesagte anstehende Veranstaltungen",
        "In den nächsten 14 Tagen veröffentlicht oder abgelaufen",
        "Orte ohne Öffnungszeiten",
    ):
        assert heading in page
    assert "geht online" in page and "läuft ab" in page


def test_the_queries_do_not_grow_with_the_number_of_items(w, request_):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            render(request_)
        return len(captured)

    few = queries()
    for n in range(9):
        add_items(w["tree"], f"B{n}")
    assert queries() == few
    html = render(request_)  # ten of each now: eight rows and how many in all
    for name in ("office_upcoming_events", "office_cancelled_events", "office_places_without_hours"):
        assert "und 2 weitere (10 insgesamt)" in html[name], name
    assert "und 12 weitere (20 insgesamt)" in html["office_scheduled_pages"]
