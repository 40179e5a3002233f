"""GET /api/v1/export/{collection}.{format}: every public item of a content type, as its detail.

A partner's first full sync (then the change feed, cms.api.changes). Each item is built by the same
builders as its detail (tourism.items), a chunk of ids at a time with the detail's prefetching, so
the queries grow with the number of chunks and the worker holds one chunk, however many items there
are. The ETag is known before the first byte: it rests on what the answer is made of (the content
and visibility versions, the site, the host, the query, the licence) and on the clock's window
(EXPORT_REFRESH_SECONDS: open-now and upcoming events change with time alone). The server-side
answer cache never keeps a stream (cms.core.http_cache.store skips them).
"""

import hashlib
import json
import re
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Literal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from ninja import Path, Query, Router
from ninja.responses import NinjaJSONEncoder
from pydantic import Field

from cms.core import registry, versions
from cms.core.context import ApiContext, api_context, visible
from cms.core.i18n import known_locale
from cms.core.params import strict_query
from cms.core.problems import PROBLEM_RESPONSES, not_found
from cms.core.schema import Schema
from cms.core.visibility import find_site, site_facts
from sites.services import DatasetLicence, dataset_licence
from tourism.items import events, news, pois
from tourism.models import Event, NewsArticle, PointOfInterest

router = Router(tags=["Sync"])

JSONLD = "application/ld+json"
NDJSON = "application/x-ndjson"
MEDIA_TYPES = {"jsonld": JSONLD, "ndjson": NDJSON}
GZIP = re.compile(r"\bgzip\b")
Format = Literal["jsonld", "ndjson"]
Collection = Literal[tuple(content_type.collection for content_type in registry.types())]


class Exporter:
    """How a content type's details are built: its detail schema, prefetching and batch builder."""

    def __init__(self, schema: type[Schema], prefetch: Callable, build: Callable[[list, ApiContext], list]):
        self.schema, self.prefetch, self.build = schema, prefetch, build


# Page model → its detail's pieces (the models' types and collections come from the registry).
EXPORTERS: dict[type[Model], Exporter] = {
    PointOfInterest: Exporter(pois.PoiDetail, pois.detail_queryset, pois.poi_details),
    Event: Exporter(events.EventDetail, events.detail_queryset, events.event_details),
    NewsArticle: Exporter(news.NewsDetail, news.detail_queryset, news.news_details),
}


class ExportParams(Schema):
    locale: str | None = Field(
        None, max_length=10, description="Only items in this language, e.g. de; without it every language."
    )


class ExportPath(Schema):
    collection: Collection = Field(description="The content type's collection, as in its list's path.")
    format: Format = Field(
        description="`ndjson`: one detail (JSON) per line after a first line describing the dataset; "
        "`jsonld`: one schema.org document whose `@graph` holds each item's JSON-LD."
    )


def _content_type(collection: str) -> registry.ContentType:
    found = next((ct for ct in registry.types() if ct.collection == collection), None)
    if found is None or found.model not in EXPORTERS:
        raise not_found(f"No export of '{collection[:40]}'.")
    return found


def _moment(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=0).isoformat()


class Export:
    """One export as asked: what it holds, its validators and its bytes."""

    def __init__(self, request: HttpRequest, content_type: registry.ContentType, fmt: str, codes: list[str]):
        self.request, self.content_type, self.format, self.codes = request, content_type, fmt, codes
        self.exporter = EXPORTERS[content_type.model]
        self.site = find_site(request)
        self.licence: DatasetLicence = dataset_licence(self.site)
        self.gzip = bool(GZIP.search(request.headers.get("Accept-Encoding", "")))
        content, visibility = versions.current_many(versions.CONTENT, versions.VISIBILITY)
        refresh = max(1, settings.EXPORT_REFRESH_SECONDS)
        window = int(time.time()) // refresh * refresh
        # Counters are at least the clock in microseconds when bumped: the later one is the last change.
        self.last_modified = max(max(content, visibility) // 1_000_000, window)
        raw = "|".join(
            [
                str(self.site.pk),
                f"{request.scheme}://{request.get_host()}",
                content_type.collection,
                fmt,
                ",".join(codes),
                str(content),
                str(visibility),
                str(window),
                self.licence.key,
                self.licence.attribution,
            ]
        )
        digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
        # A strong ETag names one sequence of bytes: the gzip encoding is another one.
        self.etag = f'"{digest}-gzip"' if self.gzip else f'"{digest}"'

    def metadata(self) -> dict:
        """What the file says about itself: the dataset, its licence and whom to name."""
        return {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": f"{self.site.site_name or 'Roland'}: {self.content_type.collection}",
            "url": self.request.build_absolute_uri(),
            "inLanguage": self.codes,
            "dateModified": _moment(self.last_modified),
            "license": self.licence.url,
            "usageInfo": self.licence.label,
            "creditText": self.licence.attribution,
            "copyrightHolder": {"@type": "Organization", "name": self.licence.attribution},
            "isAccessibleForFree": True,
            "encodingFormat": MEDIA_TYPES[self.format],
        }

    def items(self) -> Iterator[list[dict]]:
        """The details, a chunk at a time: per language, ids in order, each chunk with its own context
        (its nested-visibility and image memory go with it)."""
        model = self.content_type.model
        for code in self.codes:
            last = 0
            while True:
                ctx = api_context(self.request, code)
                ids = list(
                    visible(ctx, model)
                    .filter(locale=ctx.locale, pk__gt=last)
                    .order_by("pk")
                    .values_list("pk", flat=True)[: settings.EXPORT_CHUNK_SIZE]
                )
                if not ids:
                    break
                last = ids[-1]
                queryset: QuerySet = self.exporter.prefetch(model.objects.filter(pk__in=ids), ctx)
                yield self.exporter.build(list(queryset.order_by("pk")), ctx)

    def ndjson(self) -> Iterator[str]:
        yield _json_line(self.metadata())
        for details in self.items():
            schema = self.exporter.schema
            yield "".join(_json_line(schema.model_validate(data).model_dump()) for data in details)

    def jsonld(self) -> Iterator[str]:
        head = json.dumps(self.metadata(), ensure_ascii=False)
        yield head[:-1] + ', "@graph": ['
        first = True
        for details in self.items():
            nodes = []
            for data in details:
                node = {key: value for key, value in data["jsonld"].items() if key != "@context"}
                nodes.append(json.dumps(node, cls=DjangoJSONEncoder, ensure_ascii=False))
            if nodes:
                yield ("" if first else ",") + "\n" + ",\n".join(nodes)
                first = False
        yield "\n]}\n"

    def body(self) -> Iterator[bytes]:
        parts = (part.encode() for part in (self.jsonld() if self.format == "jsonld" else self.ndjson()))
        return _gzipped(parts) if self.gzip else parts

    def response(self) -> HttpResponse:
        headers = {
            "ETag": self.etag,
            "Last-Modified": http_date(self.last_modified),
            "Link": f'<{self.licence.url}>; rel="license"',
            "Content-Disposition": f'inline; filename="{self.content_type.collection}.{self.format}"',
        }
        if self.gzip:
            headers["Content-Encoding"] = "gzip"
        # 304 when the client has these bytes: checked before anything is built.
        template = HttpResponse()
        for name, value in headers.items():
            template[name] = value
        patch_vary_headers(template, ["Accept-Encoding"])
        conditional = get_conditional_response(
            self.request, etag=self.etag, last_modified=self.last_modified, response=template
        )
        if conditional is not template:
            return conditional
        response = StreamingHttpResponse(self.body(), content_type=MEDIA_TYPES[self.format])
        for name, value in template.items():
            if name.lower() != "content-type":
                response[name] = value
        return response


def _json_line(document: dict) -> str:
    return json.dumps(document, cls=NinjaJSONEncoder, ensure_ascii=False) + "\n"


def _gzipped(parts: Iterator[bytes]) -> Iterator[bytes]:
    """A gzip stream of the parts, compressed as they come (no timestamp: the same bytes each time)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    for part in parts:
        compressed = compressor.compress(part)
        if compressed:
            yield compressed
    yield compressor.flush()


@router.get(
    "/export/{collection}.{format}",
    response={200: None, 304: None, **PROBLEM_RESPONSES},
    summary="Every public item of a type, in full (bulk export)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The dataset, streamed (gzip with `Accept-Encoding: gzip`).",
                "content": {
                    NDJSON: {"schema": {"type": "string"}},
                    JSONLD: {"schema": {"type": "object"}},
                },
                "headers": {
                    "ETag": {
                        "description": "Strong; known before the first byte.",
                        "schema": {"type": "string"},
                    },
                    "Last-Modified": {
                        "description": "The last change it rests on.",
                        "schema": {"type": "string"},
                    },
                    "Link": {
                        "description": 'The dataset licence: `<URL>; rel="license"`.',
                        "schema": {"type": "string"},
                    },
                },
            },
            304: {"description": "Not modified (`If-None-Match` or `If-Modified-Since`)."},
        }
    },
)
@strict_query(ExportParams)
def export(request: HttpRequest, path: Path[ExportPath], params: Query[ExportParams]):
    """Every public point of interest, event or news item of this site, each exactly as its detail
    (`/api/v1/{collection}/{id}` in the item's language), for a partner's full sync.

    `ndjson`: the first line describes the dataset (schema.org `Dataset` with `license`,
    `creditText`, `inLanguage`, `dateModified`), then one detail per line. `jsonld`: one schema.org
    document, the dataset with `license` and an `@graph` of every item's JSON-LD. Without `locale`
    every language, each item once in its own language. Under the site's dataset licence (also the
    `Link: rel="license"` header); images keep their own licence and credit. Strong `ETag` and
    `Last-Modified` (304 on revalidation), gzip on request. Then follow `/api/v1/changes` from the
    moment the export was started.
    Consumers: the state's tourism data hub, partner apps, open-data portals.
    """
    content_type = _content_type(path.collection)
    locales = list(site_facts(find_site(request)).locales)
    known_locale(params.locale, locales)
    codes = [params.locale] if params.locale is not None else locales
    request.roland_locale = ", ".join(codes)  # Content-Language (cms.api.middleware)
    return Export(request, content_type, path.format, codes).response()
