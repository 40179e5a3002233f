"""Image fields for Wagtail's stock v2 API that obey the visibility rule."""

from wagtail.images.api.fields import ImageRenditionField

from cms.core.visibility import find_site, visible_image


class VisibleImageRenditionField(ImageRenditionField):
    """A preset rendition of an image field; null when the image sits in a restricted collection,
    since the rendition's URL names the file and its alt text is the image's."""

    def get_attribute(self, instance):
        return visible_image(super().get_attribute(instance), find_site(self.context["request"]))
