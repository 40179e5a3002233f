"""Background tasks of the media layer (django-tasks), run by the worker: `manage.py worker`."""

from django_tasks import task

from .files import drop_misplaced_renditions
from .models import RolandImage
from .renditions import generate_preset_renditions


@task(backend="worker")
def render_presets(image_ids: list[int]) -> int:
    """Every preset rendition of these images, in the folder each one's visibility asks for; for
    images saved in bulk (the demo load), whose renditions would hold the load up. Images deleted
    meanwhile are skipped; returns how many were rendered."""
    rendered = 0
    for image in RolandImage.objects.filter(pk__in=image_ids).order_by("pk"):
        drop_misplaced_renditions(image)
        generate_preset_renditions(image)
        rendered += 1
    return rendered
