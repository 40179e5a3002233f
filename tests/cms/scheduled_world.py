"""Content for the scheduled-publishing run with real processes (test_scheduled.py), written inside
`manage.py shell` into the processes' SQLite file, as an editor would in the admin.
"""

import json
import time
from datetime import timedelta

from django.utils import timezone

from sites.models import WebhookSubscription
from tests.factories import SiteTree
from tourism.models import PointOfInterest


def build(receiver_url: str, go_live_in: float) -> None:
    """The site, a subscribed website, and a place whose go-live date lies `go_live_in` seconds ahead."""
    tree = SiteTree()
    WebhookSubscription.objects.create(
        name="Stadtwebsite", url=receiver_url, secret="e2e-secret-0123456789-abcdefghij"
    )
    poi = tree.poi(live=False, title="Sonderausstellung Grimm", slug="grimm")
    poi.go_live_at = timezone.now() + timedelta(seconds=go_live_in)
    revision = poi.save_revision()
    revision.publish()  # the admin's "Publish" with a future go-live date: approved, not live
    poi.refresh_from_db()
    revision.refresh_from_db()
    print(json.dumps({"id": poi.pk, "live": poi.live, "approved": revision.approved_go_live_at is not None}))


def expire_once_live(poi_id: int, expire_in: float, within: float = 60) -> None:
    """Once the worker has put the place live, the editor gives it an expiry date `expire_in` seconds
    ahead and publishes. (Started early, so its start-up overlaps the wait for the go-live.)"""
    deadline = time.monotonic() + within
    while not PointOfInterest.objects.filter(pk=poi_id, live=True).exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"place {poi_id} did not go live within {within:.0f} s")
        time.sleep(0.2)
    poi = PointOfInterest.objects.get(pk=poi_id)
    poi.expire_at = timezone.now() + timedelta(seconds=expire_in)
    poi.save_revision().publish()
    print(json.dumps({"expire_at": poi.expire_at.isoformat()}))
