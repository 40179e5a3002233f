"""A second process that changes content while a served Roland answers: `python -m tests.cms.process_world`.

Started by tests/cms/test_processes.py with the server's DATABASE_URL. It reads one JSON command a
line on stdin and answers one JSON line on stdout, so a test can make changes from outside the
server's processes, as an editor's shell, a management command or the task worker would.
"""

from __future__ import annotations

import json
import os
import sys
import traceback


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from cms.startup import pause_collector

    pause_collector()  # as manage.py does: until the apps are ready (cms.startup)
    import django

    django.setup()


def build(tag: str) -> dict:
    """A site with one live item per change a test makes, each named after `tag`."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Site

    from sites.api_keys import issue_key
    from sites.models import ApiClient, KioskScreen, SiteSettings
    from tests.factories import ImageFactory, SiteTree
    from tourism.models import PointOfInterest

    if not PointOfInterest.objects.exists():
        SiteTree()
        SiteSettings.objects.update_or_create(
            site=Site.objects.get(is_default_site=True), defaults={"cors_allowed_origins": ""}
        )
        Group.objects.get_or_create(name="Redaktion")
    collection = Collection.get_first_root_node().add_child(name=f"Fotos {tag}")
    image = ImageFactory(title=f"Bild {tag}", alt_text=f"Alttext {tag}", collection=collection)
    tree = _tree()
    restricted = tree.poi(title=f"Schloss {tag}", slug=f"schloss-{tag}")
    unpublished = tree.poi(title=f"Museum {tag}", slug=f"museum-{tag}")
    pictured = tree.poi(title=f"Rathaus {tag}", slug=f"rathaus-{tag}", image=image)
    client = ApiClient(name=f"Partner {tag}", rate_limit=100_000)
    key = issue_key(client)
    client.save()
    screen = KioskScreen.objects.create(
        name=f"Markt {tag}",
        slug=f"markt-{tag}",
        latitude=pictured.latitude,
        longitude=pictured.longitude,
        radius_km=5,
        languages=["de"],
    )
    return {
        "restricted": restricted.pk,
        "unpublished": unpublished.pk,
        "pictured": pictured.pk,
        "image": image.pk,
        "collection": collection.pk,
        "key": key,
        "client": client.pk,
        "kiosk": screen.slug,
    }


def _tree():
    """A SiteTree for the site built before (its pages are looked up, not created again)."""
    from tests.factories import SiteTree
    from tourism.models import PointOfInterestIndexPage

    tree = SiteTree.__new__(SiteTree)
    tree.pois = PointOfInterestIndexPage.objects.get(slug="orte")
    return tree


def change(world: dict, origin: str) -> dict:
    """Every change at once, each in its own transaction, as separate editors would make them."""
    from django.db import transaction
    from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

    from sites.models import ApiClient, KioskScreen, SiteSettings

    with transaction.atomic():
        page = Page.objects.get(pk=world["restricted"])
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with transaction.atomic():
        Page.objects.get(pk=world["unpublished"]).specific.unpublish()
    with transaction.atomic():
        collection = Collection.objects.get(pk=world["collection"])
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    with transaction.atomic():
        settings = SiteSettings.objects.get(site=Site.objects.get(is_default_site=True))
        settings.cors_allowed_origins = "\n".join([*settings.cors_origins, origin])
        settings.save()
    with transaction.atomic():
        client = ApiClient.objects.get(pk=world["client"])
        client.is_active = False
        client.save()
    with transaction.atomic():
        screen = KioskScreen.objects.get(slug=world["kiosk"])
        screen.is_active = False
        screen.save()
    return {"changed": True}


def main() -> None:
    _setup()
    for line in sys.stdin:
        command = json.loads(line)
        try:
            if command["do"] == "build":
                answer = build(command["tag"])
            elif command["do"] == "change":
                answer = change(command["world"], command["origin"])
            else:
                answer = {"error": f"unknown command {command['do']}"}
        except Exception:
            answer = {"error": traceback.format_exc()}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
