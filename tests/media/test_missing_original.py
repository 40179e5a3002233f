"""An image whose original file is gone (lost from the storage, a restore without media): readers get
the place without its picture, never a 500, and the log names the image and its file."""

from __future__ import annotations

import io
import logging

import pytest
from django.core.files.storage import default_storage

from media.models import RolandRendition
from tests.factories import ImageFactory, SiteTree
from tests.worlds import built_once, fresh

pytestmark = pytest.mark.django_db


def build() -> dict:
    tree = SiteTree()
    lost = ImageFactory(title="Verlorenes Bild")
    kept = ImageFactory(title="Marktplatz")
    return {
        "lost_poi": tree.poi(title="Kloster Hillersleben", image=lost),
        "kept_poi": tree.poi(title="Reitender Roland", image=kept, slug="roland"),
        "lost": lost,
        "kept": kept,
    }


world = built_once(build)


@pytest.fixture
def w(world):
    w = fresh(world)
    # The original and its renditions gone, as after a restore of the database without the media.
    RolandRendition.objects.filter(image=w["lost"]).delete()
    default_storage.delete(w["lost"].file.name)
    return w


def test_a_place_whose_picture_is_lost_answers_without_it(w, client, caplog):
    with caplog.at_level(logging.ERROR, logger="media.renditions"):
        response = client.get(f"/api/v1/pois/{w['lost_poi'].pk}")
    assert response.status_code == 200
    assert response.json()["image"] is None
    assert any(
        str(w["lost"].pk) in record.getMessage() and w["lost"].file.name in record.getMessage()
        for record in caplog.records
    )


def test_a_list_with_a_lost_picture_keeps_the_other_pictures(w, client):
    response = client.get("/api/v1/pois?limit=10")
    assert response.status_code == 200
    images = {item["title"]: item["image"] for item in response.json()["items"]}
    assert images["Kloster Hillersleben"] is None
    assert images["Reitender Roland"]["renditions"]["card"]["url"].endswith(".webp")


def lost_in_list(client, limit: int) -> dict | None:
    items = client.get(f"/api/v1/pois?limit={limit}").json()["items"]
    return next(item["image"] for item in items if item["title"] == "Kloster Hillersleben")


def test_the_picture_comes_back_once_its_file_is_restored(w, client):
    assert lost_in_list(client, 10) is None
    kept = default_storage.open(w["kept"].file.name).read()
    default_storage.save(w["lost"].file.name, io.BytesIO(kept))
    # Another list (the first one's answer is kept for its content version): the picture is back,
    # not remembered as "none" by the lists' image memory.
    image = lost_in_list(client, 9)
    assert image is not None and set(image["renditions"]) >= {"thumbnail", "card", "hero"}


def test_the_stock_image_api_answers_without_renditions(w, client):
    response = client.get(f"/api/wagtail/v2/images/{w['lost'].pk}/")
    assert response.status_code == 200
    assert response.json()["renditions"] == {}
