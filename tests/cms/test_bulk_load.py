"""A bulk load (the demo) leaves renditions to the worker and Wagtail's index rows to its end."""

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, ReferenceIndex

from cms import publishing
from cms.demo.bulk import index_updates_at_the_end
from home.models import StandardPage
from media.models import RolandRendition
from media.renditions import PRESETS
from media.tasks import render_presets
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_images_saved_in_a_bulk_load_get_their_presets_from_one_worker_task(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), publishing.renditions_in_the_worker():
        images = [ImageFactory(), ImageFactory()]
    assert not RolandRendition.objects.exists()  # nothing rendered while loading
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "media.tasks.render_presets"
    assert render_presets.call(*queued.args_kwargs["args"]) == 2
    for image in images:
        assert {r.filter_spec for r in image.renditions.all()} == set(PRESETS.values())


def test_outside_a_bulk_load_an_image_is_rendered_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    assert {r.filter_spec for r in image.renditions.all()} == set(PRESETS.values())
    assert not DBTaskResult.objects.exists()


def test_reference_and_admin_search_rows_are_written_once_at_the_end_from_the_final_state():
    picture = ImageFactory()
    home = Page.get_first_root_node()
    with index_updates_at_the_end():
        page = home.add_child(instance=StandardPage(title="Entwurf", slug="bulk", teaser="t", image=picture))
        assert not ReferenceIndex.get_references_to(picture).exists()  # nothing yet while loading
        page.title = "Stadtführung am Markt"
        page.save()
    assert [ref.object_id for ref in ReferenceIndex.get_references_to(picture)] == [str(page.pk)]
    found = StandardPage.objects.search("Stadtführung")
    assert [p.pk for p in found] == [page.pk]
    assert not list(StandardPage.objects.search("Entwurf"))
