"""Images in /api/v1/: texts in the reader's language, credit, licence and every preset rendition."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Prefetch

from cms.core import versions
from cms.core.schema import Schema
from cms.core.visibility import visible_image

from .models import ImageText, RolandImage, RolandRendition
from .renditions import PRESETS, renditions_if_readable

if TYPE_CHECKING:
    from cms.core.context import ApiContext


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


def _lookup(prefix: str, name: str) -> str:
    return f"{prefix}__{name}" if prefix else name


def image_prefetches(prefix: str, ctx: ApiContext | None = None) -> list[Prefetch]:
    """Prefetches that let `image_data` run without queries, for an image FK at `prefix`.

    With `ctx`, only the texts of the answer's language are read (none for the default language,
    whose texts are the image's own fields) and of its fallback chain; without it, every language's,
    as kiosks show several.
    """
    prefetches = [
        Prefetch(
            _lookup(prefix, "renditions"),
            queryset=RolandRendition.objects.filter(filter_spec__in=PRESETS.values()),
            to_attr="preset_renditions",
        )
    ]
    if ctx is None:
        texts = ImageText.objects.select_related("locale")
    elif ctx.code != settings.LANGUAGE_CODE:
        texts = ImageText.objects.filter(locale_id__in=ctx.choice.preference_ids).select_related("locale")
    else:
        return prefetches
    return [*prefetches, Prefetch(_lookup(prefix, "localized_texts"), queryset=texts)]


def image_data(image: RolandImage | None, ctx: ApiContext) -> dict | None:
    """The API shape of an image, or None when there is none or it sits in a restricted collection."""
    image = visible_image(image, ctx.site)
    return _image_answer(image, ctx) if image is not None else None


def _image_answer(image: RolandImage, ctx: ApiContext) -> dict | None:
    """None when a rendition is missing and cannot be made: the original file is unreadable."""
    by_spec = {r.filter_spec: r for r in getattr(image, "preset_renditions", [])}
    missing = [spec for spec in PRESETS.values() if spec not in by_spec]
    if missing:  # older images: render once now, stored for the next reader
        made = renditions_if_readable(image, missing)
        if made is None:
            return None
        by_spec.update(made)
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


# Image answers of the current content version, kept by each process by (image, language, origin):
# lists show the same images again and again, and building one (six renditions and their URLs,
# texts) cost more than the rest of its item. Emptied when full or when the content changes.
IMAGE_MEMORY = 4096


def preload_images(ctx: ApiContext, image_ids: Iterable[int | None]) -> None:
    """Make the images of a list's items ready for `item_image`, reading only those this process
    has not built for the current content (one query and its prefetches for all of them).

    The answers are shared by later requests: readers never change them.
    """
    memory = versions.remembered("image-answers", versions.current(versions.CONTENT), dict, shared=False)
    entries = {pk: memory.get((pk, ctx.code, ctx.origin)) for pk in image_ids if pk is not None}
    missing = [pk for pk, entry in entries.items() if entry is None]
    if missing:
        if len(memory) + len(missing) > IMAGE_MEMORY:
            memory.clear()
        images = RolandImage.objects.filter(pk__in=missing).prefetch_related(*image_prefetches("", ctx))
        built = {image.pk: (image.collection_id, _image_answer(image, ctx)) for image in images}
        for pk in missing:
            entries[pk] = built.get(pk, (None, None))  # (None, None): deleted meanwhile
            if pk not in built or built[pk][1] is not None:  # an unreadable file is tried again
                memory[(pk, ctx.code, ctx.origin)] = entries[pk]
    hidden = ctx.hidden_collections
    for pk, (collection_id, answer) in entries.items():
        ctx.images[pk] = None if collection_id in hidden else answer


def item_image(page, ctx: ApiContext) -> dict | None:
    """A list item's image: preloaded for the whole list (`preload_images`), else built from the
    page's image (a detail, whose queryset prefetches what `image_data` reads)."""
    if page.image_id is None:
        return None
    if page.image_id in ctx.images:
        return ctx.images[page.image_id]
    return image_data(page.image, ctx)
