"""Files of restricted collections reach only those allowed: at their media URL, through Wagtail's
document view, on object storage (signed URLs) and in API answers (no file name, no URL).

One world for the module: a password-restricted collection with a document and an image, a public
document and image, and a live place whose body links both documents and embeds the hidden image.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.rich_text import RichText

import cms.urls
from media.models import RolandImage, RolandRendition
from media.storage import MediaStorage
from tests.factories import ImageFactory, SiteTree, image_bytes
from tests.processes import manage
from tests.worlds import built_once

pytestmark = pytest.mark.django_db

SECRET_PDF = b"%PDF-1.4 Protokoll der nichtoeffentlichen Sitzung"
PASSWORD = "geheim"
V2 = "/api/wagtail/v2"


@dataclass
class World:
    restriction: CollectionViewRestriction
    private_document: Document
    public_document: Document
    private_image: RolandImage
    public_image: RolandImage
    poi: Page


def build_world() -> World:
    tree = SiteTree()
    secret = Collection.get_first_root_node().add_child(name="Stadtrat intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=secret, restriction_type="password", password=PASSWORD
    )
    private_document = Document.objects.create(
        title="Protokoll", collection=secret, file=ContentFile(SECRET_PDF, name="protokoll-intern.pdf")
    )
    public_document = Document.objects.create(
        title="Stadtplan", file=ContentFile(b"%PDF-1.4 Stadtplan", name="stadtplan.pdf")
    )
    private_image = ImageFactory(
        title="Baustelle", collection=secret, file=ContentFile(image_bytes(), name="baustelle-intern.jpg")
    )
    public_image = ImageFactory(title="Markt", file=ContentFile(image_bytes(), name="markt.jpg"))
    paragraph = (
        f'<p>Siehe das <a linktype="document" id="{private_document.pk}">Protokoll</a> und den '
        f'<a linktype="document" id="{public_document.pk}">Stadtplan</a>.</p>'
        f'<embed embedtype="image" id="{private_image.pk}" format="fullwidth" alt="Baustelle"/>'
    )
    poi = tree.poi(title="Rathaus", slug="rathaus", body=[("paragraph", RichText(paragraph))])
    return World(restriction, private_document, public_document, private_image, public_image, poi)


# The world, built once (renditions included) in a transaction rolled back after the module.
world = built_once(build_world)


@pytest.fixture
def visitor() -> Client:
    """An anonymous client of its own (the `admin_client` fixture logs in the `client` one)."""
    return Client()


@pytest.fixture(params=["production", "dev"])
def environment(request):
    """The URLs as each environment builds them: tests run without DEBUG, `make run` with it."""
    debug = request.param == "dev"
    with override_settings(DEBUG=debug):
        importlib.reload(cms.urls)
        clear_url_caches()
        yield request.param
    importlib.reload(cms.urls)
    clear_url_caches()


def media_url(name: str) -> str:
    return settings.MEDIA_URL + name


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def enter_password(client, restriction: CollectionViewRestriction, return_url: str) -> None:
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    response = client.post(url, {"password": PASSWORD, "return_url": return_url})
    assert response.status_code == 302


def renditions_of(image: RolandImage) -> list[str]:
    return list(RolandRendition.objects.filter(image=image).values_list("file", flat=True))


# --- documents -----------------------------------------------------------------------------------


def test_no_document_is_served_at_its_media_url(visitor, admin_client, world, environment):
    """Documents only through the document view, whose restriction check a media URL would skip."""
    for document in (world.private_document, world.public_document):
        assert default_storage.exists(document.file.name)
        assert visitor.get(media_url(document.file.name)).status_code == 404
        assert admin_client.get(media_url(document.file.name)).status_code == 404


def test_a_private_document_is_served_only_after_its_password(client, world):
    url = world.private_document.url
    assert url == f"/documents/{world.private_document.pk}/protokoll-intern.pdf"
    refused = client.get(url)
    assert SECRET_PDF not in content(refused)
    assert "Content-Disposition" not in refused
    enter_password(client, world.restriction, url)
    allowed = client.get(url)
    assert allowed.status_code == 200
    assert content(allowed) == SECRET_PDF


def test_a_public_document_is_downloadable_through_the_document_view(client, world):
    response = client.get(world.public_document.url)
    assert response.status_code == 200
    assert content(response) == b"%PDF-1.4 Stadtplan"


# --- images --------------------------------------------------------------------------------------


def test_an_image_of_a_restricted_collection_reaches_only_those_allowed(
    visitor, admin_client, world, environment
):
    names = [world.private_image.file.name, *renditions_of(world.private_image)]
    assert len(names) > 6  # the original and its preset renditions
    for name in names:
        assert default_storage.exists(name)
        assert visitor.get(media_url(name)).status_code == 404, name
        assert admin_client.get(media_url(name)).status_code == 200, name  # the admin shows it
    enter_password(visitor, world.restriction, "/")
    for name in names:
        response = visitor.get(media_url(name))
        assert response.status_code == 200, name
        assert "private" in response["Cache-Control"]


def test_a_public_images_files_are_served_to_anyone(client, world, environment):
    for name in [world.public_image.file.name, *renditions_of(world.public_image)]:
        response = client.get(media_url(name))
        assert response.status_code == 200, name
        assert content(response) == default_storage.open(name).read()


def test_renditions_of_restricted_images_are_stored_apart_and_move_with_the_restriction(
    world, django_capture_on_commit_callbacks
):
    """Object storage hands out `images/` unsigned: a restricted image's renditions never stay there."""
    assert all(name.startswith("private_images/") for name in renditions_of(world.private_image))
    with django_capture_on_commit_callbacks(execute=True):
        archive = Collection.get_first_root_node().add_child(name="Archiv")
        image = ImageFactory(title="Schloss", collection=archive)
    public = renditions_of(image)
    assert public and all(name.startswith("images/") for name in public)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = CollectionViewRestriction.objects.create(collection=archive, restriction_type="login")
    assert renditions_of(image) == []
    assert not any(default_storage.exists(name) for name in public)
    assert image.get_rendition("fill-100x100|format-webp").file.name.startswith("private_images/")

    with django_capture_on_commit_callbacks(execute=True):
        image.collection = Collection.get_first_root_node()
        image.save()  # moved out of the restricted collection: presets again, in images/
    moved = renditions_of(image)
    assert moved and all(name.startswith("images/") for name in moved)

    with django_capture_on_commit_callbacks(execute=True):
        image.collection = archive
        image.save()
        restriction.delete()  # public again: nothing needed moving back
    assert renditions_of(image) and all(name.startswith("images/") for name in renditions_of(image))


# --- API answers ---------------------------------------------------------------------------------


def hidden_traces(world: World, body: str) -> list[str]:
    pattern = re.compile(rf"protokoll-intern|baustelle-intern|/documents/{world.private_document.pk}/")
    return pattern.findall(body)


def test_api_answers_never_link_a_private_document_or_image(client, world):
    v1 = client.get(f"/api/v1/pois/{world.poi.pk}")
    assert v1.status_code == 200
    assert hidden_traces(world, v1.content.decode()) == []
    paragraph = v1.json()["body"][0]["value"]
    assert "Protokoll" in paragraph  # the link text stays, the link goes
    # Its own serve URL: the stored name differs when another module stored a stadtplan.pdf first.
    assert world.public_document.url in paragraph
    for path, params in (
        (f"{V2}/pages/{world.poi.pk}/", {}),
        (f"{V2}/pages/{world.poi.pk}/", {"rich_text_format": "html"}),
        (f"{V2}/documents/", {"fields": "*"}),
        (f"{V2}/images/", {"fields": "*"}),
    ):
        response = client.get(path, params)
        assert response.status_code == 200
        assert hidden_traces(world, response.content.decode()) == [], path
    listed = client.get(f"{V2}/documents/").json()["items"]
    assert [item["id"] for item in listed] == [world.public_document.pk]


# --- object storage ------------------------------------------------------------------------------

S3 = {
    "bucket_name": "roland-media",
    "region_name": "eu-central-1",
    "access_key": "AKIAEXAMPLEEXAMPLE00",
    "secret_key": "example-secret-key-not-a-real-one-0000000",
    "querystring_expire": 900,
}


def signed(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_object_storage_signs_every_file_but_public_renditions():
    storage = MediaStorage(**S3)
    for name in (
        "documents/protokoll-intern.pdf",
        "original_images/markt.jpg",
        "private_images/baustelle-intern.fill-320x320.webp",
        "avatar_images/editor.png",
    ):
        query = signed(storage.url(name))
        assert "X-Amz-Signature" in query, name
        assert query["X-Amz-Expires"] == ["900"], name
    public = storage.url("images/markt.fill-320x320.webp")
    assert public == "https://roland-media.s3.amazonaws.com/images/markt.fill-320x320.webp"


def test_a_custom_domain_never_carries_a_private_file_unsigned():
    storage = MediaStorage(**S3, custom_domain="media.haldensleben.example")
    assert storage.url("images/markt.webp") == "https://media.haldensleben.example/images/markt.webp"
    private = storage.url("documents/protokoll-intern.pdf")
    assert "media.haldensleben.example" not in private
    assert "X-Amz-Signature" in signed(private)


def test_on_object_storage_the_document_view_redirects_to_a_signed_url_after_the_check(client, world):
    storages = {**settings.STORAGES, "default": {"BACKEND": "media.storage.MediaStorage", "OPTIONS": S3}}
    with override_settings(STORAGES=storages, WAGTAILDOCS_SERVE_METHOD="redirect"):
        url = world.private_document.url
        refused = client.get(url)
        assert refused.status_code == 200 and "Location" not in refused  # the password form
        enter_password(client, world.restriction, url)
        allowed = client.get(url)
        assert allowed.status_code == 302
        location = allowed["Location"]
        assert urlsplit(location).path == "/documents/protokoll-intern.pdf"
        assert signed(location)["X-Amz-Expires"] == ["900"] and "X-Amz-Signature" in signed(location)


def test_production_settings_with_a_bucket_keep_it_private():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MEDIA_")},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-for-the-media-check-0123456789",
        "ALLOWED_HOSTS": "cms.haldensleben.example",
        "DATABASE_URL": "sqlite:////tmp/roland-media-check.sqlite3",
        "MEDIA_S3_BUCKET": "roland-media",
        "MEDIA_S3_REGION": "eu-central-1",
        "MEDIA_S3_ACCESS_KEY_ID": S3["access_key"],
        "MEDIA_S3_SECRET_ACCESS_KEY": S3["secret_key"],
    }
    script = (
        "from django.conf import settings\n"
        "from django.core.files.storage import default_storage as s\n"
        "print(settings.WAGTAILDOCS_SERVE_METHOD, settings.AWS_DEFAULT_ACL)\n"
        "print(s.url('documents/protokoll-intern.pdf'))\n"
        "print(s.url('images/markt.webp'))\n"
    )
    output = manage(env, "shell", "-c", script, timeout=120)
    method, document, rendition = output.strip().splitlines()[-3:]
    assert method == "redirect None"
    assert signed(document)["X-Amz-Expires"] == ["900"] and "X-Amz-Signature" in signed(document)
    assert "X-Amz-Signature" not in signed(rendition)
