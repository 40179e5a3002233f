"""Images in /api/v1/: texts in the reader's language, credit, licence and every preset rendition."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch

from cms.api.schema import Schema

from .models import ImageText, RolandImage, RolandRendition
from .renditions import PRESETS

if TYPE_CHECKING:
    from cms.api.context import ApiContext


class RenditionOut(Schema):
    url: str
    width: int
    height: int


class FocalPoint(Schema):
    x: int
    y: int
    width: int
    height: int


class ImageOut(Schema):
    id: int
    alt: str
    caption: str
    credit: str
    license: str
    license_url: str
    width: int
    height: int
    focal_point: FocalPoint | None
    renditions: dict[str, RenditionOut]


def image_prefetches(prefix: str, ctx: ApiContext | None = None) -> list[Prefetch]:
    """Prefetches that let `image_data` run without queries, for an image FK at `prefix`.

    With `ctx`, only the texts of the answer's language are read (none for the default language,
    whose texts are the image's own fields); without it, every language's, as kiosks show several.
    """
    prefetches = [
        Prefetch(
            f"{prefix}__renditions",
            queryset=RolandRendition.objects.filter(filter_spec__in=PRESETS.values()),
            to_attr="preset_renditions",
        )
    ]
    if ctx is None:
        texts = ImageText.objects.select_related("locale")
    elif ctx.code != settings.LANGUAGE_CODE:
        texts = ImageText.objects.filter(locale=ctx.locale).select_related("locale")
    else:
        return prefetches
    return [*prefetches, Prefetch(f"{prefix}__localized_texts", queryset=texts)]


def image_data(image: RolandImage | None, ctx: ApiContext) -> dict | None:
    """The API shape of an image, or None when there is none or it sits in a restricted collection."""
    if image is None or image.collection_id in ctx.hidden_collections:
        return None
    by_spec = {r.filter_spec: r for r in getattr(image, "preset_renditions", [])}
    missing = [spec for spec in PRESETS.values() if spec not in by_spec]
    if missing:  # older images: render once now, stored for the next reader
        by_spec.update(image.get_renditions(*missing))
    alt, caption = image.texts_for(ctx.code)
    focal = None
    if image.focal_point_x is not None:
        focal = {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }
    return {
        "id": image.pk,
        "alt": alt,
        "caption": caption,
        "credit": image.credit,
        "license": image.license,
        "license_url": image.effective_license_url,
        "width": image.width,
        "height": image.height,
        "focal_point": focal,
        "renditions": {
            name: {
                "url": ctx.absolute_url(by_spec[spec].url),
                "width": by_spec[spec].width,
                "height": by_spec[spec].height,
            }
            for name, spec in PRESETS.items()
        },
    }
