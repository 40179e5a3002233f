import mimetypes

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Formats the renditions and uploads use that Python 3.11's built-in table lacks: it learns them from
# /etc/mime.types, which slim container images (the official python one included) do not have. Without
# these, /media/ served WebP renditions as application/octet-stream — with nosniff, browsers then
# refuse them — and object storage stored them with that content type.
MEDIA_TYPES = {".webp": "image/webp", ".avif": "image/avif", ".heic": "image/heic", ".heif": "image/heif"}


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = _("Media")

    def ready(self) -> None:
        for extension, media_type in MEDIA_TYPES.items():
            mimetypes.add_type(media_type, extension)
