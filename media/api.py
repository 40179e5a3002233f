"""Images in Wagtail's stock v2 API, with the credit fields and preset renditions."""

from rest_framework.fields import Field
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.core.visibility import find_site, site_facts

from .renditions import PRESETS, renditions_if_readable


class PresetRenditionsField(Field):
    """Every preset rendition as {name: {url, width, height}}; empty when the original is unreadable."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, image):
        renditions = renditions_if_readable(image, list(PRESETS.values()))
        if renditions is None:
            return {}
        return {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in PRESETS.items()
        }


class RolandImageSerializer(ImageSerializer):
    renditions = PresetRenditionsField()


class RolandImagesAPIViewSet(ImagesAPIViewSet):
    base_serializer_class = RolandImageSerializer
    body_fields = [
        *ImagesAPIViewSet.body_fields,
        "alt_text",
        "caption",
        "credit",
        "license",
        "license_url",
        "renditions",
    ]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, "alt_text", "credit"]
    nested_default_fields = [*ImagesAPIViewSet.nested_default_fields, "alt_text", "credit"]

    def get_queryset(self):
        # Stock v2 shows a restricted collection's images to whoever passed the restriction (an editor
        # logged in to the admin); the public API shows them to nobody.
        hidden = site_facts(find_site(self.request)).hidden_collections
        return super().get_queryset().exclude(collection__in=hidden)
