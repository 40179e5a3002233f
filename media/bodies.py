"""Rich text and StreamField bodies for the API: internal links resolved to public URLs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.html import escape
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText, features
from wagtail.rich_text.rewriters import LinkRewriter

from cms.core.visibility import without_hidden_links

from .schemas import image_data

if TYPE_CHECKING:
    from cms.core.context import ApiContext


def public_html(html: str, ctx: ApiContext) -> str:
    """Editor HTML with page links pointing at the public website; links to hidden pages and documents
    lose their href (cms.core.visibility.without_hidden_links), their text stays."""

    def page_links(attrs_list: list[dict]) -> list[str]:
        tags = []
        for attrs in attrs_list:
            page = ctx.nested.page(int(attrs["id"])) if str(attrs.get("id", "")).isdigit() else None
            tags.append(f'<a href="{escape(ctx.public_url(page))}">' if page else "<a>")
        return tags

    document_rule = features.get_link_types().get("document")

    def document_links(attrs_list: list[dict]) -> list[str]:
        if document_rule is None:
            return ["<a>"] * len(attrs_list)
        tags = document_rule.expand_db_attributes_many(attrs_list)
        return [tag.replace('href="/', f'href="{ctx.request.build_absolute_uri("/")}') for tag in tags]

    rewriter = LinkRewriter(bulk_rules={"page": page_links, "document": document_links})
    return rewriter(without_hidden_links(html, ctx.nested))


def block_value(block: blocks.Block, value: Any, ctx: ApiContext) -> Any:
    if isinstance(block, blocks.RichTextBlock):
        return public_html(value.source if isinstance(value, RichText) else str(value), ctx)
    if isinstance(block, ImageChooserBlock):
        return image_data(value, ctx)
    if isinstance(block, blocks.PageChooserBlock):
        page = ctx.nested.visible(value)
        return {"id": page.pk, "title": page.title, "url": ctx.public_url(page)} if page else None
    if isinstance(block, blocks.StructBlock):
        return {name: block_value(child, value.get(name), ctx) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item, ctx) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value, ctx)
    return block.get_api_representation(value)


def learn_streams(streams, ctx: ApiContext) -> None:
    """Note the pages many bodies link or choose, so the first body's question decides them all."""
    for stream in streams:
        references = stream.stream_block.extract_references(stream)
        ctx.nested.learn(reference[:2] for reference in references if issubclass(reference[0], Page))


def stream_data(stream, ctx: ApiContext) -> list[dict]:
    """A StreamField value as [{type, value}] with every nested value in API form.

    The pages the body links or chooses are checked against the rule at once, not block by block.
    """
    references = stream.stream_block.extract_references(stream)
    ctx.nested.learn(reference[:2] for reference in references if issubclass(reference[0], Page))
    return [
        {"type": child.block_type, "value": block_value(child.block, child.value, ctx)} for child in stream
    ]
