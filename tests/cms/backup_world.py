"""The content a backup must carry, built in the site's own database: `python -m tests.cms.backup_world`.

Started by tests/cms/test_backups.py in a process of its own (the site's DATABASE_URL and media
folder), so what it builds is committed, as an editor's work is, before `manage.py backup` runs.
Prints one JSON line: the URLs whose answers a restored copy must repeat byte for byte.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta


def build() -> dict:
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction, Locale

    from cms.demo.translation import translate_with_strings
    from tests.factories import ImageFactory, SiteTree, image_bytes

    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    for index in (tree.home, tree.pois, tree.events, tree.news):
        translate_with_strings(index, english, {})
    picture = ImageFactory(title="Rathaus", file=ContentFile(image_bytes(), name="rathaus.jpg"))
    poi = tree.poi(title="Rathaus", slug="rathaus", image=picture)
    poi_en, _ = translate_with_strings(poi, english, {"Rathaus": "Town hall"})
    event = tree.event(title="Rolandfest", slug="rolandfest", start_date=timezone.localdate() + timedelta(3))
    event_en, _ = translate_with_strings(event, english, {"Rolandfest": "Roland festival"})
    news = tree.news_article(title="Neues WLAN am Markt", slug="wlan")
    secret = Collection.get_first_root_node().add_child(name="Stadtrat intern")
    CollectionViewRestriction.objects.create(
        collection=secret, restriction_type="password", password="geheim"
    )
    private = Document.objects.create(
        title="Protokoll", collection=secret, file=ContentFile(b"%PDF-1.4 intern", name="protokoll.pdf")
    )
    public = Document.objects.create(title="Stadtplan", file=ContentFile(b"%PDF-1.4 Plan", name="plan.pdf"))
    urls = [
        "/api/v1/pois",
        "/api/v1/pois?locale=en",
        f"/api/v1/pois/{poi.pk}",
        f"/api/v1/pois/{poi_en.pk}",
        "/api/v1/events?locale=en",
        f"/api/v1/events/{event.pk}",
        f"/api/v1/events/{event_en.pk}",
        "/api/v1/events.ics",
        "/api/v1/news",
        f"/api/v1/news/{news.pk}",
        "/api/v1/news.rss",
        "/api/v1/navigation",
        "/api/v1/locales",
        "/api/wagtail/v2/pages/?locale=en",
        f"/api/wagtail/v2/images/{picture.pk}/",
        "/api/wagtail/v2/documents/",
        private.url,
        public.url,
    ]
    return {"urls": urls, "image": picture.pk, "private_document": private.url}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from cms.startup import pause_collector

    pause_collector()  # as manage.py does: until the apps are ready (cms.startup)
    import django

    django.setup()
    print(json.dumps(build()))
