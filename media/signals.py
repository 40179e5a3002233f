"""Signal wiring only: the work happens in media.renditions."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import RolandImage
from .renditions import generate_preset_renditions


@receiver(post_save, sender=RolandImage)
def render_presets_after_save(sender, instance: RolandImage, **kwargs) -> None:
    transaction.on_commit(lambda: generate_preset_renditions(instance))
