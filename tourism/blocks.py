"""StreamField blocks for body text: a small set editors use on every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        required=False, max_length=400, label=_("caption"), help_text=_("Overrides the image caption.")
    )

    class Meta:
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")


class InfoBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=_("title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))

    class Meta:
        icon = "info-circle"
        label = _("Info box")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=_("title"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("external URL"))

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        result = super().clean(value)
        if bool(result.get("page")) == bool(result.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter a URL, not both."))}
            )
        return result


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(max_length=255, form_classname="title", label=_("Heading"))
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = ImageBlock()
    quote = QuoteBlock()
    info_box = InfoBoxBlock()
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), icon="link")

    class Meta:
        required = False
