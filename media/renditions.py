"""Rendition presets named in the API contract, all delivered as WebP.

Generated eagerly when an image is saved (publish-time work), so API reads only look them up.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from .models import RolandImage

PRESETS: dict[str, str] = {
    "thumbnail": "fill-320x320|format-webp|webpquality-80",
    "card": "fill-800x500|format-webp|webpquality-80",
    "hero": "fill-1920x800|format-webp|webpquality-82",
    "og": "fill-1200x630|format-webp|webpquality-82",
    "kiosk_landscape": "fill-1920x1080|format-webp|webpquality-82",
    "kiosk_portrait": "fill-1080x1920|format-webp|webpquality-82",
}


def generate_preset_renditions(image: RolandImage) -> dict[str, object]:
    """Create (or fetch) every preset rendition of an image; returns them by preset name."""
    renditions = image.get_renditions(*PRESETS.values())
    return {name: renditions[spec] for name, spec in PRESETS.items()}


def renditions_if_readable(image: RolandImage, specs: list[str]) -> dict[str, object] | None:
    """`image.get_renditions(*specs)`, or None when its original file cannot be read (lost from the
    storage, or the storage unreachable): readers then get the item without its picture, not a 500,
    and the log names the image and its file for the staff to restore."""
    try:
        return image.get_renditions(*specs)
    except SourceImageIOError as error:
        logger.error(
            "image %s: its original file %r cannot be read (%s); answered without the image",
            image.pk,
            image.file.name,
            error,
        )
        return None
