"""The image model: every image carries alt text, credit and licence, with texts per language."""

import os

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    WagtailImageFieldFile,
    get_rendition_storage,
    get_rendition_upload_to,
)
from wagtail.models import Locale

from cms.core.i18n import fallback_codes
from cms.core.visibility import hidden_collection_ids

from .folders import PRIVATE_RENDITIONS_FOLDER, PUBLIC_RENDITIONS_FOLDER


class License(models.TextChoices):
    CC0 = "CC0-1.0", "CC0 1.0 (Public Domain Dedication)"
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_ND = "CC-BY-ND-4.0", "CC BY-ND 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved (used with permission)")


LICENSE_URLS = {
    License.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    License.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    License.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    License.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
    License.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
}


class RolandImage(AbstractImage):
    """An image shared by every language version of the pages that use it."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=400,
        help_text=_(
            "Describes the image for people who cannot see it, in the default language. "
            "Translations go under 'Image texts'."
        ),
    )
    caption = models.CharField(_("caption"), max_length=400, blank=True)
    credit = models.CharField(
        _("credit"), max_length=255, help_text=_("Photographer or source, shown with the image.")
    )
    license = models.CharField(
        _("licence"), max_length=32, choices=License.choices, default=License.ALL_RIGHTS_RESERVED
    )
    license_url = models.URLField(
        _("licence URL"),
        blank=True,
        help_text=_("Left empty, the standard URL of a Creative Commons licence is used."),
    )

    admin_form_fields = (
        *(field for field in Image.admin_form_fields if field != "description"),
        "alt_text",
        "caption",
        "credit",
        "license",
        "license_url",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title

    @property
    def effective_license_url(self) -> str:
        return self.license_url or LICENSE_URLS.get(self.license, "")

    def texts_for(self, language_code: str) -> tuple[str, str]:
        """(alt, caption) in a language, falling back per field along the language's chain
        (cms.core.i18n.fallback_codes), which ends in the default language (the image's own fields).

        Uses prefetched ``localized_texts`` when present, so lists stay at a fixed query count.
        """
        if language_code == settings.LANGUAGE_CODE:
            return self.alt_text, self.caption
        by_code = {text.locale.language_code: text for text in self.localized_texts.all()}
        alt = caption = ""
        for code in (language_code, *fallback_codes(language_code)):
            text = by_code.get(code)
            if code == settings.LANGUAGE_CODE:
                alt, caption = alt or self.alt_text, caption or self.caption
            elif text is not None:
                alt, caption = alt or text.alt_text, caption or text.caption
            if alt and caption:
                break
        return alt or self.alt_text, caption or self.caption


class ImageText(models.Model):
    """Alt text and caption of an image in a further language."""

    image = models.ForeignKey(
        RolandImage, on_delete=models.CASCADE, related_name="localized_texts", verbose_name=_("image")
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, verbose_name=_("language"))
    alt_text = models.CharField(_("alt text"), max_length=400)
    caption = models.CharField(_("caption"), max_length=400, blank=True)

    class Meta:
        verbose_name = _("image text")
        verbose_name_plural = _("image texts")
        constraints = [
            models.UniqueConstraint(fields=["image", "locale"], name="unique_image_text_per_locale")
        ]

    def __str__(self) -> str:
        return f"{self.image} ({self.locale.language_code})"


def renditions_folder(image: RolandImage) -> str:
    """The folder for an image's renditions: a private one while its collection is restricted, so
    object storage never hands them out unsigned (media.folders)."""
    if image.collection_id in hidden_collection_ids():
        return PRIVATE_RENDITIONS_FOLDER
    return PUBLIC_RENDITIONS_FOLDER


class HeaderSizeFieldFile(WagtailImageFieldFile):
    """A rendition's width and height read from its file's header (Pillow reads no pixels).

    Wagtail asks Willow, which decodes the whole picture, and it asks twice for every rendition saved
    (the model's width and height fields, when the file is set and again when it is stored): a sixth
    of the CPU of a rendition (bench: 60 ms an image of six WebP presets). A file Pillow cannot read
    is measured as Wagtail measures it.
    """

    def get_image_dimensions(self) -> tuple[int, int]:
        close = self.closed
        try:
            self.open()
            with PillowImage.open(self) as image:
                return image.size
        except UnidentifiedImageError:
            pass
        finally:
            if close:
                self.close()
            else:
                self.seek(0)
        return super().get_image_dimensions()


class RenditionImageField(WagtailImageField):
    """Wagtail's rendition file field, measuring with HeaderSizeFieldFile; the same column, so
    migrations see Wagtail's field (no migration, no table rebuilt)."""

    attr_class = HeaderSizeFieldFile

    def deconstruct(self) -> tuple:
        name, _path, args, kwargs = super().deconstruct()
        return name, "wagtail.images.models.WagtailImageField", args, kwargs


class RolandRendition(AbstractRendition):
    image = models.ForeignKey(RolandImage, on_delete=models.CASCADE, related_name="renditions")
    file = RenditionImageField(
        upload_to=get_rendition_upload_to,
        storage=get_rendition_storage,
        width_field="width",
        height_field="height",
    )

    def get_upload_to(self, filename: str) -> str:
        return os.path.join(renditions_folder(self.image), self.file.field.storage.get_valid_name(filename))

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
