"""The image form of the admin: Wagtail's, with a file field that refuses damaged image files."""

import re

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises while decoding a file whose header it read but whose data is broken or cut off
# (a truncated JPEG is an OSError; broken PNG chunks a SyntaxError; a GIF that ends early an EOFError).
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError)


def readable_size(size: int) -> str:
    """A size as editors read it: "10 MB", not Django's "10,0 MB"; "14,2 MB" stays."""
    return re.sub(r"[.,]0(?=\s)", "", str(filesizeformat(size)))


class RolandImageFileField(WagtailImageField):
    """Wagtail's image file field; a file that cannot be decoded to its end is a form error.

    Wagtail's pixel check decodes the image and lets decoding errors through (a 500 in the admin,
    for the single upload and the multiple uploader alike); here they are the editor's to fix.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.max_upload_size is not None:
            # The limit in the too-big message ("… erlaubt sind höchstens 10 MB", locale/de) and
            # the help text, as a round figure.
            self.max_upload_size_text = readable_size(self.max_upload_size)
            self.help_text = _(
                "Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."
            ) % {
                "supported_formats": self.supported_formats_text,
                "max_upload_size": self.max_upload_size_text,
            }
        self.error_messages["damaged_image"] = _(
            "The image file is incomplete or damaged (perhaps the upload was cut off). "
            "Please upload it again."
        )

    def check_image_pixel_size(self, f) -> None:
        try:
            super().check_image_pixel_size(f)
        except DECODING_ERRORS as error:
            raise ValidationError(self.error_messages["damaged_image"], code="damaged_image") from error


class RolandImageForm(BaseImageForm):
    """Every image form of the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): add, edit, multiple upload."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, RolandImageFileField):
            # Wagtail builds this field itself (wagtail.images.forms.formfield_for_dbfield); the same
            # field, with its label, widget and requirement, of the stricter class.
            self.fields["file"] = RolandImageFileField(
                label=field.label, required=field.required, widget=field.widget
            )
