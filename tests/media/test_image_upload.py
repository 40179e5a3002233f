"""Uploading images in the admin: what editors must enter, and what is refused without a trace."""

import io
import os
import re
import time

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail.models import UploadedFile

from cms import publishing, scheduling
from media.forms import RolandImageFileField
from media.models import RolandImage, RolandRendition
from media.renditions import PRESETS
from tests.factories import ImageFactory, image_bytes

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def media_files() -> set[str]:
    found = set()
    for folder, _dirs, files in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(folder, name) for name in files)
    return found


def upload(client, content: bytes, name: str, **fields):
    data = {
        "title": "Rathaus",
        "alt_text": "Das Rathaus am Markt",
        "credit": "Stadt Haldensleben",
        "license": "CC-BY-4.0",
        "collection": 1,
        "file": SimpleUploadedFile(name, content),
    }
    data.update(fields)
    return client.post(reverse("wagtailimages:add"), data)


def test_a_valid_upload_is_stored_with_credit_and_all_webp_presets(
    admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, image_bytes(1600, 1000), "rathaus.jpg")
    assert response.status_code == 302
    image = RolandImage.objects.get()
    assert (image.alt_text, image.credit) == ("Das Rathaus am Markt", "Stadt Haldensleben")
    assert image.effective_license_url == "https://creativecommons.org/licenses/by/4.0/"
    renditions = RolandRendition.objects.filter(image=image)
    assert {r.filter_spec for r in renditions} == set(PRESETS.values())
    for rendition in renditions:
        with rendition.file.open() as handle:
            assert Image.open(handle).format == "WEBP"


def test_an_answer_before_the_worker_made_the_renditions_makes_them(
    client, tree, django_capture_on_commit_callbacks
):
    """A bulk load leaves the renditions to the worker; a reader that comes first still gets every preset."""
    with django_capture_on_commit_callbacks(execute=False), publishing.renditions_in_the_worker():
        image = ImageFactory()
        poi = tree.poi(title="Rathaus", slug="rathaus", image=image)
    assert not RolandRendition.objects.filter(image=image).exists()
    answer = client.get(f"/api/v1/pois/{poi.pk}").json()["image"]["renditions"]
    assert set(answer) == set(PRESETS)
    assert {r.filter_spec for r in RolandRendition.objects.filter(image=image)} == set(PRESETS.values())


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        # The admin speaks the editors' language (German by default).
        (b"%PDF-1.4 not an image", "flyer.pdf", "kein Bild"),
        (b"just text pretending", "photo.jpg", "kein Bild"),
        (SVG, "logo.svg", "Nicht unterstütztes Bildformat"),
    ],
)
def test_non_images_and_svg_are_refused_and_nothing_is_stored(admin_client, content, name, message):
    before = media_files()
    response = upload(admin_client, content, name)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert message in errors
    assert not RolandImage.objects.exists()
    assert media_files() == before


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=20_000)
def test_files_over_the_size_limit_are_refused(admin_client):
    noisy = Image.effect_noise((400, 400), 100).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, "PNG")
    assert len(buffer.getvalue()) > 20_000
    before = media_files()
    response = upload(admin_client, buffer.getvalue(), "big.png")
    (error,) = response.context["form"].errors["file"]
    # Sizes as Django writes them in German: decimal comma, a no-break space before the unit.
    assert re.fullmatch(r"Die Datei ist \d+,\d\xa0KB groß; erlaubt sind höchstens 19,5\xa0KB\.", error), error
    assert not RolandImage.objects.exists() and media_files() == before


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=10 * 1024 * 1024)
def test_the_size_limit_message_reads_as_editors_write_sizes():
    field = RolandImageFileField()
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        field.check_image_file_size(SimpleUploadedFile("hafen.jpg", b"\0" * int(14.2 * 1024 * 1024)))
    assert refused.value.messages == ["Die Datei ist 14,2\xa0MB groß; erlaubt sind höchstens 10\xa0MB."]
    with translation.override("de"):
        assert "Höchstens 10\xa0MB groß." in str(RolandImageFileField().help_text)


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000_000)
def test_images_with_too_many_pixels_are_refused(admin_client):
    response = upload(admin_client, image_bytes(1200, 1000, fmt="PNG"), "huge.png")
    assert response.context["form"].errors["file"] == [
        "Das Bild hat 1200000 Pixel; erlaubt sind höchstens 1000000."
    ]
    assert not RolandImage.objects.exists()


def truncated_jpeg() -> bytes:
    """A valid JPEG cut off after half its bytes, as a broken upload leaves it."""
    whole = image_bytes(1600, 1000)
    return whole[: len(whole) // 2]


def test_a_truncated_jpeg_is_a_german_form_error_and_nothing_is_stored(admin_client):
    before = media_files()
    response = upload(admin_client, truncated_jpeg(), "rathaus.jpg")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "unvollständig oder beschädigt" in errors
    assert not RolandImage.objects.exists()
    assert media_files() == before


def test_the_multiple_uploader_refuses_a_truncated_jpeg_in_german(admin_client):
    before = media_files()
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("rathaus.jpg", truncated_jpeg()), "collection": 1},
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "unvollständig oder beschädigt" in answer["error_message"]
    assert not RolandImage.objects.exists()
    assert media_files() == before


def test_the_multiple_uploader_still_takes_a_whole_image_for_its_edit_form(admin_client):
    """A whole file passes the file check; the required texts are asked for afterwards."""
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("rathaus.jpg", image_bytes()), "collection": 1},
    )
    assert response.status_code == 200
    assert response.json()["success"] is True


@pytest.mark.parametrize("missing", ["alt_text", "credit"])
def test_alt_text_and_credit_are_required(admin_client, missing):
    response = upload(admin_client, image_bytes(), "ok.jpg", **{missing: ""})
    assert response.status_code == 200
    assert missing in response.context["form"].errors
    assert not RolandImage.objects.exists()


def test_image_texts_fall_back_per_field_to_the_default_language(locales):
    image = ImageFactory(alt_text="Der Markt", caption="Blick vom Rathaus")
    image.localized_texts.create(locale=locales["en"], alt_text="The market square", caption="")
    assert image.texts_for("en") == ("The market square", "Blick vom Rathaus")
    assert image.texts_for("de") == ("Der Markt", "Blick vom Rathaus")


def test_files_of_multiple_uploads_never_finished_are_deleted_after_a_day(admin_client, settings):
    """The multiple uploader keeps a file until its form is finished (alt text, credit); one left
    for more than ABANDONED_UPLOAD_HOURS goes with its row, a recent one stays."""
    before = media_files()

    def upload_unfinished(name: str) -> UploadedFile:
        response = admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": SimpleUploadedFile(name, image_bytes()), "collection": 1},
        )
        assert response.json()["success"] is True
        return UploadedFile.objects.get(file__endswith=name)

    old, recent = upload_unfinished("alt.jpg"), upload_unfinished("neu.jpg")
    assert not RolandImage.objects.exists()
    old_path = old.file.path
    day_and_more = time.time() - (settings.ABANDONED_UPLOAD_HOURS + 1) * 3600
    os.utime(old_path, (day_and_more, day_and_more))

    job = next(job for job in scheduling.default_jobs() if job.name == "delete_abandoned_uploads")
    assert job.run() == {"deleted": 1}
    assert list(UploadedFile.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not os.path.exists(old_path)
    assert media_files() - before == {recent.file.path}
