"""Wagtail's stock read API (v2) at /api/wagtail/v2/, held to the same visibility rule as /api/v1/.

The querysets keep hidden pages, images and documents out of the lists and details. What a page
nests goes through the rule in the serializer every page (and every page nested in one) is built
with: a foreign key to a hidden page, image or document is null, a child row that exists to point
at a hidden object (a gallery image, a related link) is left out, a StreamField chooser of one is
null, and a rich text link to one keeps its text but loses its target. A field that would read a
page, image or document around that rule stops the request with a configuration error.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import Model, prefetch_related_objects
from django.http import Http404, HttpResponse
from rest_framework.serializers import ListSerializer
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.v2.filters import FieldsFilter
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
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.models import CollectionMember, Page
from wagtail.rich_text import RichText

from cms.core.params import MAX_OFFSET, as_id, as_number, check_text, within_years
from cms.core.problems import ApiProblem, bad_param, problem_response
from cms.core.visibility import NestedVisibility, find_site, site_facts, visible_pages, without_hidden_links
from media.api import RolandImagesAPIViewSet
from media.fields import VisibleImageRenditionField
from search.engine import engine_call
from search.errors import SearchUnavailable, unavailable_problem
from search.services import uses_engine

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


# --- Query parameters and errors ------------------------------------------------------------------
# Stock v2 reads its parameters with int() (which takes "٣", "1_0" and 20 digits that overflow the
# database) and hands text to the search backend as it came. Here they meet /api/v1/'s rules first,
# and every error is problem+json naming the parameter, with stock v2's own `message` kept beside.

V2_ID_PARAMS = ("id", "child_of", "descendant_of", "ancestor_of", "translation_of")
SEARCH_OPERATORS = ("and", "or")
# Wagtail's own messages that do not start with the parameter they are about.
MESSAGE_PARAMS = (
    ("parent page", "child_of"),
    ("ancestor page", "descendant_of"),
    ("descendant page", "ancestor_of"),
    ("translation_of page", "translation_of"),
    ("cannot order by", "order"),
    ("random ordering", "order"),
    ("unknown fields", "fields"),
    ("'", "fields"),  # "'x' does not support nested fields"
    ("filtering by tag with a search", "search"),
    ("cannot filter by", "search"),
)


def check_v2_query(request) -> None:
    """Refuse NUL bytes, oversized values, ids and counts that are not ASCII digits in range, and
    search operators stock v2 would pass to the backend unchecked."""
    for key, values in request.GET.lists():
        check_text(key, values)
    get = request.GET.get
    for name, most in (("offset", MAX_OFFSET), ("limit", settings.WAGTAILAPI_LIMIT_MAX)):
        if name in request.GET and ((count := as_id(get(name))) is None or count > most):
            raise bad_param(name, f"expected a whole number from 0 to {most}")
    for name in V2_ID_PARAMS:
        if (
            name in request.GET
            and as_id(get(name)) is None
            and not (name == "child_of" and get(name) == "root")
        ):
            raise bad_param(name, "expected a numeric id")
    if get("search_operator") not in (None, *SEARCH_OPERATORS):
        raise bad_param("search_operator", f"one of {', '.join(SEARCH_OPERATORS)}")


def check_field_filter(name: str, field, raw: str) -> None:
    """A value for a field filter (`?venue=12`, `?latitude=52.28`) that its field can compare."""
    if isinstance(field, TaggableManager):
        return
    if field.is_relation or isinstance(field, models.AutoField | models.IntegerField):
        if as_id(raw) is None:
            raise bad_param(name, "expected a numeric id or a whole number")
    elif isinstance(field, models.DecimalField | models.FloatField):
        if as_number(raw) is None:
            raise bad_param(name, "expected a finite number, e.g. 52.2893")
    elif isinstance(field, models.DateField | models.TimeField):  # DateTimeField included
        try:
            value = field.to_python(raw)
        except ValidationError:
            raise bad_param(name, "not a date, time or ISO 8601 datetime") from None
        if isinstance(value, date):
            within_years(name, value)
    elif isinstance(field, models.BooleanField):
        try:
            parse_boolean(raw)
        except ValueError:
            raise bad_param(name, "expected true or false") from None


class StrictFieldsFilter(FieldsFilter):
    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, raw in request.GET.items():
            if name in fields:
                check_field_filter(name, queryset.model._meta.get_field(name), raw)
        return super().filter_queryset(request, queryset, view)


def strict_filters(backends: list) -> list:
    return [StrictFieldsFilter if backend is FieldsFilter else backend for backend in backends]


def message_params(message: str, request) -> list[str]:
    """The parameters one of Wagtail's own messages is about, for the problem's `errors`."""
    if message.startswith("query parameter is not an operation or a recognised field: "):
        return message.split(": ", 1)[1].split(", ")
    for start, param in MESSAGE_PARAMS:
        if message.startswith(start):
            return [param]
    return [key for key in request.GET if message.startswith(key)][:1]


def v2_problem(status: int, message: str, errors: list[dict], headers: dict | None = None) -> HttpResponse:
    """problem+json with stock v2's `message` (what its clients read) beside the standard members."""
    return problem_response(status, message, errors, headers, extra={"message": message})


class StrictV2Mixin:
    """Stock v2 held to the input rules of /api/v1/, its errors as problem+json, its search 503
    while the engine is down (as /api/v1/search)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_v2_query(request)

    def paginate_queryset(self, queryset):
        if "search" not in self.request.GET or not uses_engine():
            return super().paginate_queryset(queryset)
        # The count and the page are the engine's queries: run them here, where a failure is the
        # engine's (a list, which the serializers take as they take the slice).
        return engine_call(lambda: list(super(StrictV2Mixin, self).paginate_queryset(queryset)))

    def handle_exception(self, exc):
        if isinstance(exc, SearchUnavailable):
            exc = unavailable_problem(exc)
        if isinstance(exc, ApiProblem):
            return v2_problem(exc.status, exc.detail, exc.errors, exc.headers)
        if isinstance(exc, BadRequestError):
            message = str(exc)
            params = message_params(message, self.request)
            return v2_problem(400, message, [{"param": param, "message": message} for param in params])
        if isinstance(exc, Http404):
            return v2_problem(404, str(exc), [])
        return super().handle_exception(exc)


# --- Endpoints -------------------------------------------------------------------------------------


class VisiblePagesAPIViewSet(StrictV2Mixin, PagesAPIViewSet):
    base_serializer_class = VisiblePageSerializer
    filter_backends = strict_filters(PagesAPIViewSet.filter_backends)

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


class VisibleDocumentsAPIViewSet(StrictV2Mixin, DocumentsAPIViewSet):
    filter_backends = strict_filters(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        # Stock v2 shows a restricted collection's documents to whoever passed the restriction (an
        # editor logged in to the admin); the public API shows them to nobody.
        hidden = site_facts(find_site(self.request)).hidden_collections
        return super().get_queryset().exclude(collection__in=hidden)


class VisibleImagesAPIViewSet(StrictV2Mixin, RolandImagesAPIViewSet):
    filter_backends = strict_filters(RolandImagesAPIViewSet.filter_backends)


wagtail_v2 = WagtailAPIRouter("wagtailapi")
wagtail_v2.register_endpoint("pages", VisiblePagesAPIViewSet)
wagtail_v2.register_endpoint("images", VisibleImagesAPIViewSet)
wagtail_v2.register_endpoint("documents", VisibleDocumentsAPIViewSet)
