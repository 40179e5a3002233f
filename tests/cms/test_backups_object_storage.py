"""A backup of a site whose media are on object storage lists the bucket's objects; a restore names
the ones that are gone or changed.

The bucket is served by moto's S3 server, a stand-in for the object storage, started by the test on
127.0.0.1.
"""

from __future__ import annotations

import json

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer

from cms.backups import backup, missing_objects, verify
from tests.processes import free_port

BUCKET = "roland-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_endpoint
    settings.AWS_S3_REGION_NAME = "eu-central-1"
    settings.AWS_ACCESS_KEY_ID = "stand-in"
    settings.AWS_SECRET_ACCESS_KEY = "stand-in"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "media.storage.MediaStorage"}}
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-central-1",
        aws_access_key_id="stand-in",
        aws_secret_access_key="stand-in",
    )
    client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_the_backup_lists_every_object_and_the_restore_check_names_the_missing(db, bucket, tmp_path):
    contents = {
        "original_images/rathaus.jpg": b"\xff\xd8 Rathaus",
        "documents/protokoll.pdf": b"%PDF-1.4 intern",
        "images/rathaus.width-400.jpg": b"\xff\xd8 klein",
    }
    _kept, gone, changed = (default_storage.save(name, ContentFile(body)) for name, body in contents.items())

    manifest = backup(tmp_path / "backup")

    assert manifest["media"] == {
        "storage": "s3",
        "bucket": BUCKET,
        "objects": 3,
        "list": "media-objects.json",
    }
    listed = json.loads((tmp_path / "backup" / "media-objects.json").read_text())
    assert {item["key"]: item["size"] for item in listed} == {
        name: len(body) for name, body in contents.items()
    }
    assert not (tmp_path / "backup" / "media").exists()  # the bucket is not copied
    assert verify(tmp_path / "backup") == manifest  # the listing is checksummed like any file

    bucket.delete_object(Bucket=BUCKET, Key=gone)
    bucket.put_object(Bucket=BUCKET, Key=changed, Body=b"\xff\xd8 anders")
    assert sorted(missing_objects(tmp_path / "backup", manifest)) == sorted([gone, changed])
