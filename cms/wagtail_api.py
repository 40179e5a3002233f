"""Wagtail's stock read API (v2) at /api/wagtail/v2/, held to the same visibility rule as /api/v1/.

The querysets keep hidden pages, images and documents out of the lists and details. What a page
nests goes through the rule in the serializer every page (and every page nested in one) is built
with: a foreign key to a hidden page, image or document is null, a child row that exists to point
at a hidden object (a gallery image, a related link) is left out, a StreamField chooser of one is
null, and a rich text link to one keeps its text but loses its target. A field that would read a
page, image or document around that rule stops the request with a configuration error.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import Model, prefetch_related_objects
from rest_framework.serializers import ListSerializer
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    BaseSerializer,
    ChildRelationField,
    PageAliasOfField,
    PageSerializer,
    RelatedField,
    RichTextFieldSerializer,
    StreamField,
)
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import CollectionMember, Page
from wagtail.rich_text import RichText

from cms.core.visibility import NestedVisibility, find_site, site_facts, visible_pages, without_hidden_links
from media.api import RolandImagesAPIViewSet
from media.fields import VisibleImageRenditionField

NESTED = "roland_nested_visibility"  # the serializer context's key for the answer's rule


def nested_rule(context: dict) -> NestedVisibility:
    """The rule of one answer: its serializers (the page's, its nested ones) share one context."""
    rule = context.get(NESTED)
    if rule is None:
        rule = context[NESTED] = NestedVisibility(find_site(context["request"]))
    return rule


def is_guarded(model) -> bool:
    """Pages, images and documents: what the visibility rule may hide."""
    return isinstance(model, type) and issubclass(model, Page | CollectionMember)


def guarded_foreign_keys(model: type[Model]) -> list:
    return [f for f in model._meta.concrete_fields if f.is_relation and is_guarded(f.related_model)]


# --- Fields ----------------------------------------------------------------------------------------


class VisibleRelatedField(RelatedField):
    """A foreign key to a page, image or document: null when the rule hides the object."""

    def get_attribute(self, instance):
        return nested_rule(self.context).visible(super().get_attribute(instance))


class VisibleAliasOfField(PageAliasOfField):
    def get_attribute(self, instance):
        return nested_rule(self.context).visible(super().get_attribute(instance))


class VisibleChildRelationField(ChildRelationField):
    """Child rows without those whose required page, image or document is hidden: a gallery image or
    a related link exists only to show it."""

    def to_representation(self, value):
        serializer = self.serializer_class(context=self.context)
        rule = nested_rule(self.context)
        return [serializer.to_representation(row) for row in value.all() if admits_row(row, rule)]


def admits_row(row: Model, rule: NestedVisibility) -> bool:
    return all(
        rule.visible(getattr(row, key.name)) is not None
        for key in guarded_foreign_keys(type(row))
        if not key.null
    )


class VisibleStreamField(StreamField):
    def to_representation(self, value):
        return super().to_representation(visible_stream(value, nested_rule(self.context)))


class VisibleRichTextField(RichTextFieldSerializer):
    def to_representation(self, value):
        return super().to_representation(without_hidden_links(str(value), nested_rule(self.context)))


GUARDED_FIELDS = (
    VisibleRelatedField,
    VisibleAliasOfField,
    VisibleChildRelationField,
    VisibleImageRenditionField,
)


def visible_stream(value: StreamValue, rule: NestedVisibility) -> StreamValue:
    """A copy of a StreamField value with hidden chooser values as None and rich text links to hidden
    objects without their target; Wagtail's own API representation then renders it as usual."""
    rule.learn(reference[:2] for reference in value.stream_block.extract_references(value))
    return _visible_value(value.stream_block, value, rule)


def _visible_value(block: blocks.Block, value, rule: NestedVisibility):
    if isinstance(block, blocks.ChooserBlock):  # pages, images, documents, snippets
        return rule.visible(value)
    if isinstance(block, blocks.RichTextBlock):
        return RichText(without_hidden_links(value.source, rule)) if isinstance(value, RichText) else value
    if isinstance(block, blocks.StructBlock):
        children = [
            (name, _visible_value(child, value.get(name), rule)) for name, child in block.child_blocks.items()
        ]
        return block._to_struct_value(children)
    if isinstance(block, blocks.ListBlock):
        return ListValue(block, values=[_visible_value(block.child_block, item, rule) for item in value])
    if isinstance(block, blocks.StreamBlock):
        return StreamValue(
            block,
            [(child.block_type, _visible_value(child.block, child.value, rule), child.id) for child in value],
        )
    return value


# --- Serializers -----------------------------------------------------------------------------------


class VisibleNestingMixin:
    """Every relation, StreamField and rich text field a serializer builds goes through the rule."""

    serializer_related_field = VisibleRelatedField
    serializer_field_mapping = {
        **BaseSerializer.serializer_field_mapping,
        wagtail_fields.StreamField: VisibleStreamField,
        wagtail_fields.RichTextField: VisibleRichTextField,
    }

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        if issubclass(field_class, ChildRelationField):
            rows = with_visible_nesting(field_kwargs["serializer_class"])
            return VisibleChildRelationField, {"serializer_class": rows}
        return field_class, field_kwargs

    def get_fields(self):
        fields = super().get_fields()
        model = self.Meta.model
        for name, field in fields.items():
            if not isinstance(field, GUARDED_FIELDS) and reads_guarded(model, field.source):
                raise ImproperlyConfigured(
                    f"{model.__name__}.{name} shows a page, image or document without the visibility "
                    "rule: give it a field from cms.wagtail_api.GUARDED_FIELDS."
                )
        return fields


def reads_guarded(model: type[Model], source: str | None) -> bool:
    """Whether a field's source is a relation to pages, images or documents."""
    if not source or source == "*":
        return False
    try:
        model_field = model._meta.get_field(source.split(".")[0])
    except FieldDoesNotExist:
        return False
    return model_field.is_relation and is_guarded(model_field.related_model)


def with_visible_nesting(serializer_class: type) -> type:
    """The serializer of a child row (built by Wagtail on its BaseSerializer) with the rule mixed in."""
    if issubclass(serializer_class, VisibleNestingMixin):
        return serializer_class
    return type(serializer_class.__name__, (VisibleNestingMixin, serializer_class), {})


class VisiblePageSerializer(VisibleNestingMixin, PageSerializer):
    alias_of = VisibleAliasOfField(read_only=True)


def prepare_nested(serializer) -> None:
    """Load what the answer's pages nest and note it for the rule, for all of them at once.

    Stock v2 read each venue, image and child row item by item, and the rule, asked item by item,
    would add a query per item; prefetched and noted, a list costs the same number of queries
    whatever its length (what nested pages nest in turn is still read per item).
    """
    many = isinstance(serializer, ListSerializer)
    item = serializer.child if many else serializer
    if many:  # the page of the listing, as a queryset slice: loaded here, once, for the prefetches
        serializer.instance = instances = list(serializer.instance)
    else:
        instances = [serializer.instance]
    if not instances or instances[0] is None:
        return
    model = item.Meta.model
    fields = item.fields
    lookups = []
    for field in fields.values():
        if isinstance(field, VisibleRelatedField):
            lookups.append(field.source)
        elif isinstance(field, VisibleChildRelationField):
            rows = model._meta.get_field(field.source).related_model
            lookups += [field.source, *(f"{field.source}__{key.name}" for key in guarded_foreign_keys(rows))]
    prefetch_related_objects(instances, *lookups)
    rule = nested_rule(item.context)
    for instance in instances:
        for field in fields.values():
            if isinstance(field, VisibleRelatedField):
                rule.learn([getattr(instance, field.source)])
            elif isinstance(field, VisibleChildRelationField):
                for row in getattr(instance, field.source).all():
                    rule.learn(getattr(row, key.name) for key in guarded_foreign_keys(type(row)))
            elif isinstance(field, VisibleStreamField | VisibleRichTextField):
                value = getattr(instance, field.source)
                references = model._meta.get_field(field.source).extract_references(value)
                rule.learn(reference[:2] for reference in references)


# --- Endpoints -------------------------------------------------------------------------------------


class VisiblePagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = VisiblePageSerializer

    def get_base_queryset(self):
        # Wagtail's own rule (live, public, in site) plus ours: go-live and expiry dates, cached facts.
        base = super().get_base_queryset()
        visible = visible_pages(base, find_site(self.request))
        if "search" in self.request.GET:
            # Search backends filter on indexed fields only (no alias_of, go_live_at, expire_at):
            # the same rule, expressed through the indexed id.
            return base.filter(id__in=visible.values("pk"))
        return visible

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        prepare_nested(serializer)
        return serializer


class VisibleDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        # Stock v2 shows a restricted collection's documents to whoever passed the restriction (an
        # editor logged in to the admin); the public API shows them to nobody.
        hidden = site_facts(find_site(self.request)).hidden_collections
        return super().get_queryset().exclude(collection__in=hidden)


wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", VisiblePagesAPIViewSet)
wagtail_v2.register_endpoint("images", RolandImagesAPIViewSet)
wagtail_v2.register_endpoint("documents", VisibleDocumentsAPIViewSet)
