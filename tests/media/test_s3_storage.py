"""Media on S3-compatible object storage (MEDIA_S3_*), end to end against a stand-in S3 server.

The stand-in is moto's server mode (`moto.server.ThreadedMotoServer`, PyPI `moto[s3]`), started by
this module on 127.0.0.1 on a free port: a stand-in, not a real object store. Like S3 it keeps
objects with their content types and ACLs, refuses anonymous reads unless an ACL or the bucket
policy grants them, and honours a bucket policy; unlike S3 it does not verify signatures. The bucket
gets the policy the README asks for (anonymous reads of `images/` only). So these tests check what
Roland controls: what is stored where, with which content type and ACL, which URLs are handed out
(signed or not, and to whom), that those URLs fetch the right bytes while unsigned ones of private
objects are refused, and that deleting content deletes its objects.

One world for the module, uploaded into the stand-in bucket: a public image and document, and an
image and document in a password-restricted collection.
"""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from media.models import RolandImage, RolandRendition
from media.renditions import PRESETS
from tests.factories import ImageFactory, SiteTree, image_bytes
from tests.processes import manage
from tests.worlds import built_once

pytestmark = pytest.mark.django_db

BUCKET = "roland-media"
REGION = "eu-central-1"
ACCESS_KEY = "AKIASTANDINSTANDIN00"
SECRET_KEY = "stand-in-secret-key-not-a-real-one-00000"
PASSWORD = "geheim"
SECRET_PDF = b"%PDF-1.4 Protokoll der nichtoeffentlichen Sitzung"
PUBLIC_PDF = b"%PDF-1.4 Stadtplan"
V2 = "/api/wagtail/v2"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"

# No proxy from the environment: every request of these tests goes to 127.0.0.1.
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Bucket:
    endpoint: str
    client: object

    def stored(self, prefix: str = "") -> set[str]:
        listed = self.client.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
        return {item["Key"] for item in listed.get("Contents", [])}

    def head(self, key: str) -> dict:
        return self.client.head_object(Bucket=BUCKET, Key=key)


@pytest.fixture(scope="module")
def object_storage():
    """The stand-in S3 server with an empty bucket, and the settings of a MEDIA_S3_BUCKET deployment
    (media.storage.MediaStorage, documents served by a redirect after the check) for the module."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    # README, "The public API": grant anonymous reads of the public renditions' folder only.
    public_renditions = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
    }
    client.put_bucket_policy(
        Bucket=BUCKET, Policy=json.dumps({"Version": "2012-10-17", "Statement": [public_renditions]})
    )
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": endpoint,
        "region_name": REGION,
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "querystring_expire": 900,
    }
    storages = {**settings.STORAGES, "default": {"BACKEND": "media.storage.MediaStorage", "OPTIONS": options}}
    overridden = override_settings(STORAGES=storages, WAGTAILDOCS_SERVE_METHOD="redirect")
    overridden.enable()
    try:
        yield Bucket(endpoint, client)
    finally:
        overridden.disable()
        server.stop()


@dataclass
class World:
    restriction: CollectionViewRestriction
    public_image: RolandImage
    private_image: RolandImage
    public_document: Document
    private_document: Document


def build_world(object_storage: Bucket) -> World:
    SiteTree()
    secret = Collection.get_first_root_node().add_child(name="Stadtrat intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=secret, restriction_type="password", password=PASSWORD
    )
    # Saved images get their preset renditions once committed (cms.publishing.image_saved).
    public_image = ImageFactory(title="Markt", file=ContentFile(image_bytes(), name="markt.jpg"))
    private_image = ImageFactory(
        title="Baustelle", collection=secret, file=ContentFile(image_bytes(), name="baustelle-intern.jpg")
    )
    public_document = Document.objects.create(
        title="Stadtplan", file=ContentFile(PUBLIC_PDF, name="stadtplan.pdf")
    )
    private_document = Document.objects.create(
        title="Protokoll", collection=secret, file=ContentFile(SECRET_PDF, name="protokoll-intern.pdf")
    )
    return World(restriction, public_image, private_image, public_document, private_document)


world = built_once(build_world, needs=("object_storage",))


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with _direct.open(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers.get("Content-Type", ""), refused.read()


def unsigned(url: str) -> str:
    """The same object's address without the signature: what someone who guesses a name could try."""
    return url.split("?", 1)[0]


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def renditions_of(image: RolandImage) -> list[str]:
    return sorted(RolandRendition.objects.filter(image=image).values_list("file", flat=True))


def enter_password(client: Client, restriction: CollectionViewRestriction, return_url: str) -> None:
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    response = client.post(url, {"password": PASSWORD, "return_url": return_url})
    assert response.status_code == 302


def test_uploads_and_renditions_are_stored_in_the_bucket_with_their_types_and_no_public_acl(
    world, object_storage
):
    public, private = renditions_of(world.public_image), renditions_of(world.private_image)
    assert len(public) == len(PRESETS) and all(name.startswith("images/") for name in public)
    assert len(private) == len(PRESETS) and all(name.startswith("private_images/") for name in private)
    stored = object_storage.stored()
    expected = {
        world.public_image.file.name,
        world.private_image.file.name,
        world.public_document.file.name,
        world.private_document.file.name,
        *public,
        *private,
    }
    assert expected <= stored
    assert object_storage.head(public[0])["ContentType"] == "image/webp"
    assert object_storage.head(world.public_image.file.name)["ContentType"] == "image/jpeg"
    assert object_storage.head(world.private_document.file.name)["ContentType"] == "application/pdf"
    for key in expected:
        grants = object_storage.client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
        assert not [grant for grant in grants if grant["Grantee"].get("URI") == ALL_USERS], key


def test_the_api_links_public_renditions_unsigned_and_they_serve_the_picture(client, world, object_storage):
    detail = client.get(f"{V2}/images/{world.public_image.pk}/")
    assert detail.status_code == 200
    renditions = detail.json()["renditions"]
    assert set(renditions) == set(PRESETS)
    card = renditions["card"]
    assert card["url"].startswith(f"{object_storage.endpoint}/{BUCKET}/images/")
    assert "X-Amz-Signature" not in query(card["url"])
    status, content_type, body = fetch(card["url"])
    assert (status, content_type) == (200, "image/webp")
    assert body[8:12] == b"WEBP"
    # The original is private: only a signed URL of it ever leaves Roland.
    original = world.public_image.file.url
    assert query(original)["X-Amz-Expires"] == ["900"] and "X-Amz-Signature" in query(original)
    assert fetch(original)[:1] == (200,) and fetch(original)[2] == image_bytes()
    assert fetch(unsigned(original))[0] == 403


def test_an_image_of_a_restricted_collection_is_never_listed_and_its_files_are_signed(client, world):
    listed = client.get(f"{V2}/images/?limit=100").json()["items"]
    assert [item["id"] for item in listed] == [world.public_image.pk]
    assert client.get(f"{V2}/images/{world.private_image.pk}/").status_code == 404
    for name in [*renditions_of(world.private_image), world.private_image.file.name]:
        url = RolandRendition._meta.get_field("file").storage.url(name)
        assert "X-Amz-Signature" in query(url), name
        assert fetch(url)[0] == 200, name
        assert fetch(unsigned(url))[0] == 403, name


def test_a_private_document_is_reached_only_through_a_signed_url_after_its_password(client, world):
    url = world.private_document.url
    refused = client.get(url)
    assert refused.status_code == 200 and "Location" not in refused  # the password form
    assert SECRET_PDF not in refused.content
    enter_password(client, world.restriction, url)
    allowed = client.get(url)
    assert allowed.status_code == 302
    location = allowed["Location"]
    assert urlsplit(location).path == f"/{BUCKET}/documents/protokoll-intern.pdf"
    assert query(location)["X-Amz-Expires"] == ["900"] and "X-Amz-Signature" in query(location)
    assert fetch(location) == (200, "application/pdf", SECRET_PDF)
    assert fetch(unsigned(location))[0] == 403


def test_a_public_document_redirects_to_a_signed_url_too(client, world):
    response = client.get(world.public_document.url)
    assert response.status_code == 302
    assert "X-Amz-Signature" in query(response["Location"])
    assert fetch(response["Location"])[2] == PUBLIC_PDF


def test_deleting_an_image_or_a_document_deletes_its_objects(
    world, object_storage, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(title="Abriss", file=ContentFile(image_bytes(), name="abriss.jpg"))
        document = Document.objects.create(title="Alt", file=ContentFile(b"%PDF-1.4 alt", name="alt.pdf"))
    keys = {image.file.name, document.file.name, *renditions_of(image)}
    assert len(keys) == 2 + len(PRESETS)
    assert keys <= object_storage.stored()
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        document.delete()
    assert not keys & object_storage.stored()
    # The world's objects stay.
    assert world.public_image.file.name in object_storage.stored()


def test_production_settings_reach_the_bucket_from_the_media_s3_variables(object_storage):
    """The MEDIA_S3_* variables alone (as in deploy/.env.example) wire the storage up: a process under
    production settings stores into the stand-in bucket and hands out the same kinds of URLs."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("MEDIA_", "AWS_"))},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-key-for-the-s3-check-0123456789",
        "ALLOWED_HOSTS": "cms.haldensleben.example",
        "DATABASE_URL": "sqlite:////tmp/roland-s3-check.sqlite3",
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": object_storage.endpoint,
        "MEDIA_S3_REGION": REGION,
        "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
        "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        "MEDIA_S3_SIGNED_URL_SECONDS": "600",
    }
    script = (
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage as s\n"
        "print(s.url(s.save('images/probe.fill-10x10.webp', ContentFile(b'RIFF0000WEBPVP8 '))))\n"
        "print(s.url(s.save('documents/probe.pdf', ContentFile(b'%PDF-1.4 probe'))))\n"
    )
    output = manage(env, "shell", "-c", script, timeout=120)
    image_url, document_url = output.strip().splitlines()[-2:]
    assert "X-Amz-Signature" not in query(image_url)
    assert fetch(image_url)[:2] == (200, "image/webp")
    assert query(document_url)["X-Amz-Expires"] == ["600"]
    assert fetch(document_url) == (200, "application/pdf", b"%PDF-1.4 probe")
    assert fetch(unsigned(document_url))[0] == 403
    for key in ("images/probe.fill-10x10.webp", "documents/probe.pdf"):
        object_storage.client.delete_object(Bucket=BUCKET, Key=key)
