"""Records → pages: idempotent by (source, external id), one transaction per item, editors' edits kept.

For each field the import remembers the value it wrote last (ImportedItem.imported). On the next run
a field is written only when the source changed it *and* the page still holds what the import wrote;
when an editor changed it meanwhile, the editor's value stays and the field is reported as a
conflict. Nothing changed → nothing is written (no revision, no publish, no webhook).

Every change is a new revision (with an import log entry naming the source and the fields) published
through Wagtail, so the one publish pipeline (cms.publishing) runs as for an editor's click; with
"drafts for review" the revision waits for an editor instead.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from html import escape
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import LogContext, get_active_log_context, log
from wagtail.models import Collection, Locale, Page
from wagtail.rich_text import RichText

from cms.core.slugs import slugify
from media.forms import RolandImageFileField
from media.models import RolandImage

from ...models import (
    Category,
    Event,
    EventExcludedDate,
    EventExtraDate,
    EventIndexPage,
    ImportedItem,
    ImportSource,
    OnDisappear,
    PointOfInterest,
    PointOfInterestIndexPage,
)
from ...models.base import TEASER_MAX
from ..opening_hours import local_datetime
from ..recurrence import RecurrenceError, clean_rule
from .fetch import fetch
from .records import EVENT, ItemError, Location, Parsed, Record, SourceError

logger = logging.getLogger(__name__)

LOG_ACTION = "roland.import"
EVENT_FIELDS = (
    "title",
    "teaser",
    "body",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "recurrence_rule",
    "excluded_dates",
    "extra_dates",
    "status",
    "status_note",
    "ticket_url",
    "venue",
    "location_name",
    "street",
    "postal_code",
    "locality",
    "latitude",
    "longitude",
    "organizer",
    "categories",
)
POI_FIELDS = (
    "title",
    "teaser",
    "body",
    "street",
    "postal_code",
    "locality",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "categories",
)
FREE_LOCATION = ("location_name", "street", "postal_code", "locality", "latitude", "longitude")


@dataclass
class Report:
    """What a run did (or, dry, would do); kept as ImportRun.report."""

    new: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)
    unchanged: int = 0
    removed: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    unmatched_locations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "conflicts": self.conflicts,
            "errors": self.errors,
            "warnings": self.warnings,
            "unmatched_locations": sorted(set(self.unmatched_locations)),
        }


# --- values as the import remembers them ---------------------------------------------------------


def plain(value: Any) -> Any:
    """A JSON-ready, comparable form: dates and times in ISO, coordinates with six decimals."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, Decimal):
        return f"{value:.6f}"
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return str(value)


def fingerprint(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode()).hexdigest()


def shorten(text: str, limit: int = TEASER_MAX) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def page_values(page: Page, names: tuple[str, ...]) -> dict[str, Any]:
    """The page's current values of the tracked fields, in the import's plain form."""
    values: dict[str, Any] = {}
    for name in names:
        if name in ("venue", "organizer"):
            values[name] = getattr(page, f"{name}_id")
        elif name == "categories":
            values[name] = sorted(category.pk for category in page.categories.all())
        elif name == "excluded_dates":
            values[name] = sorted(plain(row.date) for row in page.excluded_dates.all())
        elif name == "extra_dates":
            values[name] = sorted([plain(row.date), plain(row.time)] for row in page.extra_dates.all())
        elif name == "body":
            values[name] = [
                block.value.source if block.block_type == "paragraph" else f"[{block.block_type}]"
                for block in page.body
            ]
        else:
            values[name] = plain(getattr(page, name))
    return values


def assign(page: Page, name: str, value: Any) -> None:
    """Set one tracked field from its plain value."""
    if name in ("venue", "organizer"):
        setattr(page, f"{name}_id", value)
    elif name == "categories":
        page.categories = list(Category.objects.filter(pk__in=value))
    elif name == "excluded_dates":
        page.excluded_dates = [EventExcludedDate(date=date.fromisoformat(day)) for day in value]
    elif name == "extra_dates":
        page.extra_dates = [
            EventExtraDate(date=date.fromisoformat(day), time=time.fromisoformat(at) if at else None)
            for day, at in value
        ]
    elif name == "body":
        page.body = [("paragraph", RichText(source)) for source in value]
    elif name in ("start_date", "end_date"):
        setattr(page, name, date.fromisoformat(value) if value else None)
    elif name in ("start_time", "end_time"):
        setattr(page, name, time.fromisoformat(value) if value else None)
    elif name in ("latitude", "longitude"):
        setattr(page, name, Decimal(value) if value else None)
    else:
        setattr(page, name, value)


# --- the run's lookups ---------------------------------------------------------------------------


class Context:
    """Read once per run: the parents in the target language, the source's items, the places."""

    def __init__(self, source: ImportSource) -> None:
        self.source = source
        self.locale = source.locale or Locale.get_default()
        self.items = {item.external_id: item for item in source.items.select_related("page")}
        self.category_ids = sorted(source.default_categories.values_list("pk", flat=True))
        self._parents: dict[str, Page | None] = {}
        self._places: list[tuple[int, str, str, str]] | None = None

    def parent(self, kind: str) -> Page:
        if kind not in self._parents:
            model = EventIndexPage if kind == EVENT else PointOfInterestIndexPage
            self._parents[kind] = model.objects.filter(locale=self.locale).order_by("path").first()
        parent = self._parents[kind]
        if parent is None:
            raise ValidationError(
                _("There is no %(index)s in %(language)s to put imported items in.")
                % {
                    "index": (
                        EventIndexPage if kind == EVENT else PointOfInterestIndexPage
                    )._meta.verbose_name,
                    "language": self.locale.get_display_name(),
                }
            )
        return parent

    def places(self) -> list[tuple[int, str, str, str]]:
        if self._places is None:
            self._places = [
                (pk, title.casefold(), street.casefold(), postal_code)
                for pk, title, street, postal_code in PointOfInterest.objects.filter(locale=self.locale)
                .order_by("path")
                .values_list("pk", "title", "street", "postal_code")
            ]
        return self._places

    def match_place(self, location: Location) -> int | None:
        """A POI by name (and, among several of that name, street), else by street and postal code."""
        name, street = location.name.casefold().strip(), location.street.casefold().strip()
        by_name = [place for place in self.places() if name and place[1] == name]
        if len(by_name) > 1 and street:
            by_name = [place for place in by_name if place[2] == street] or by_name
        if by_name:
            return by_name[0][0]
        if street and location.postal_code:
            for pk, _title, place_street, postal_code in self.places():
                if place_street == street and postal_code == location.postal_code:
                    return pk
        return None


def stored_rule(fields: dict[str, Any]) -> str:
    """The source's rule as Event.clean stores it (UNTIL in DTSTART's value type), so the next run
    compares like with like and does not take Roland's own spelling for an editor's change."""
    all_day = bool(fields.get("all_day"))
    try:
        start = local_datetime(
            fields["start_date"], time(0) if all_day else (fields.get("start_time") or time(0))
        )
        return clean_rule(fields["recurrence_rule"], start, all_day)
    except (KeyError, TypeError, RecurrenceError):
        return fields["recurrence_rule"]  # Event.clean names the mistake


def desired(ctx: Context, record: Record, report: Report) -> dict[str, Any]:
    """The plain values the source asks of the page's tracked fields."""
    values = {name: plain(value) for name, value in record.fields.items()}
    teaser = shorten(record.description) or record.fields["title"][:TEASER_MAX]
    values["teaser"] = teaser
    paragraphs = [part.strip() for part in record.description.split("\n\n") if part.strip()]
    values["body"] = (
        [f"<p>{escape(part).replace(chr(10), '<br/>')}</p>" for part in paragraphs]
        if " ".join(record.description.split()) != teaser
        else []
    )
    values["categories"] = ctx.category_ids
    if record.type == EVENT:
        values["organizer"] = ctx.source.organizer_id
        if record.fields.get("recurrence_rule"):
            values["recurrence_rule"] = stored_rule(record.fields)
        values.update({name: None if name in ("latitude", "longitude") else "" for name in FREE_LOCATION})
        values["venue"] = None
        if record.location is not None:
            venue = (
                ctx.match_place(record.location) if record.location.name or record.location.street else None
            )
            if venue is not None:
                values["venue"] = venue
            else:
                if record.location.text or record.location.name:
                    report.unmatched_locations.append(record.location.text or record.location.name)
                loc = record.location
                values.update(
                    location_name=(loc.name or loc.text)[:255],
                    street=loc.street[:255],
                    postal_code=loc.postal_code[:10],
                    locality=loc.locality[:100],
                    latitude=plain(loc.latitude),
                    longitude=plain(loc.longitude),
                )
    return values


# --- one item ------------------------------------------------------------------------------------


def apply_record(ctx: Context, record: Record, report: Report, *, dry_run: bool) -> None:
    """Create, update or leave one item; raises ValidationError (field → messages) when it cannot."""
    names = EVENT_FIELDS if record.type == EVENT else POI_FIELDS
    wanted = desired(ctx, record, report)
    wanted = {name: wanted.get(name) for name in names}
    item = ctx.items.get(record.external_id)
    entry = {"id": record.external_id, "title": record.fields["title"], "ref": record.ref}
    if item is None or item.page is None:
        if item is not None and item.page_id is None and item.imported:
            report.warnings.append(
                ItemError(
                    record.ref,
                    "",
                    _("Deleted in Roland by an editor; not imported again."),
                    record.external_id,
                ).as_dict()
            )
            report.unchanged += 1
            return
        page = _new_page(ctx, record, wanted)
        if dry_run:
            page.clean()
        else:
            image = fetch_image(ctx, record, report) if record.image_url else None
            if image is not None:
                page.image = image
            _create(ctx, record, page, wanted, item, image)
        report.new.append(entry)
        return

    page = item.page.specific
    model = Event if record.type == EVENT else PointOfInterest
    if not isinstance(page, model):
        raise ValidationError({"": _("Imported before as another kind of page.")})
    draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
    current = page_values(draft, names)
    last = item.imported
    to_write: dict[str, Any] = {}
    for name in names:
        new, old, now = wanted[name], last.get(name), current[name]
        if new in (old, now):
            continue
        if now == old or name not in last:
            to_write[name] = new
        else:
            report.conflicts.append(
                {**entry, "field": name, "editor": now, "source": new, "imported_before": old}
            )
    image = None
    if record.image_url and record.image_url != item.image_url:
        if draft.image_id not in (None, item.image_id):
            report.conflicts.append(
                {
                    **entry,
                    "field": "image",
                    "editor": draft.image_id,
                    "source": record.image_url,
                    "imported_before": item.image_url,
                }
            )
        elif not dry_run:
            image = fetch_image(ctx, record, report)
        elif ctx.source.image_credit:
            to_write["image"] = record.image_url
    if image is not None:
        to_write["image"] = record.image_url
    returning = not item.present
    if not to_write and not returning:
        report.unchanged += 1
        if not dry_run and (wanted != last or item.last_seen_at is None):
            ImportedItem.objects.filter(pk=item.pk).update(
                imported=wanted, fingerprint=fingerprint(wanted), last_seen_at=timezone.now()
            )
        return
    report.changed.append({**entry, "fields": sorted(to_write)})
    for name, value in to_write.items():
        if name != "image":
            assign(draft, name, value)
    if dry_run:
        draft.clean()
        return
    if image is not None:
        draft.image = image
        item.image, item.image_url = image, record.image_url
    revision = draft.save_revision()
    _log(draft, revision, ctx.source, sorted(to_write))
    if ctx.source.publish_directly and (page.live or returning):
        revision.publish()
    item.imported, item.fingerprint, item.present = wanted, fingerprint(wanted), True
    item.last_seen_at = timezone.now()
    item.save(update_fields=["imported", "fingerprint", "present", "last_seen_at", "image", "image_url"])


def fetch_image(ctx: Context, record: Record, report: Report) -> RolandImage | None:
    """The item's image, fetched once through the guarded fetcher and checked like an upload; only
    with the source's credit and licence (no image without a credit). Problems are warnings: the
    item imports without its image and the next run tries again."""
    if not ctx.source.image_credit:
        report.warnings.append(
            ItemError(
                record.ref,
                "image",
                _("Image not imported: the source has no image credit."),
                record.external_id,
            ).as_dict()
        )
        return None
    try:
        fetched = fetch(record.image_url, "image", max_bytes=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        name = record.image_url.rsplit("/", 1)[-1].split("?", 1)[0][-80:] or "bild"
        checked = RolandImageFileField().clean(SimpleUploadedFile(name, fetched.body, fetched.content_type))
    except (SourceError, ValidationError) as error:
        message = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        report.warnings.append(
            ItemError(
                record.ref,
                "image",
                _("Image not imported: %(reason)s") % {"reason": message},
                record.external_id,
            ).as_dict()
        )
        return None
    title = record.fields["title"][:255]
    image = RolandImage(
        title=title,
        alt_text=title[:400],
        credit=ctx.source.image_credit,
        license=ctx.source.image_license,
        collection=Collection.get_first_root_node(),
        file=checked,
    )
    image.save()
    return image


def _new_page(ctx: Context, record: Record, wanted: dict[str, Any]) -> Page:
    model = Event if record.type == EVENT else PointOfInterest
    page = model(locale=ctx.locale)
    for name, value in wanted.items():
        assign(page, name, value)
    return page


def _create(
    ctx: Context,
    record: Record,
    page: Page,
    wanted: dict[str, Any],
    item: ImportedItem | None,
    image: RolandImage | None,
) -> None:
    parent = ctx.parent(record.type)
    page.slug = find_available_slug(parent, slugify(record.fields["title"])[:80] or "import")
    page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    _log(page, revision, ctx.source, [], created=True)
    if ctx.source.publish_directly:
        revision.publish()
    values = {
        "imported": wanted,
        "fingerprint": fingerprint(wanted),
        "present": True,
        "last_seen_at": timezone.now(),
        "image": image,
        "image_url": record.image_url if image is not None else "",
    }
    if item is None:
        ctx.items[record.external_id] = ImportedItem.objects.create(
            source=ctx.source, external_id=record.external_id, page=page, **values
        )
    else:
        ImportedItem.objects.filter(pk=item.pk).update(page=page, **values)


def _log(page: Page, revision, source: ImportSource, fields: list[str], created: bool = False) -> None:
    log(
        instance=page,
        action=LOG_ACTION,
        revision=revision,
        content_changed=True,
        data={"source": source.name, "source_id": source.pk, "fields": fields, "created": created},
    )


# --- items that left the source ------------------------------------------------------------------


def remove_missing(ctx: Context, parsed: Parsed, report: Report, *, dry_run: bool) -> None:
    """Items the source no longer lists: unpublished, kept, or marked cancelled, as the source says."""
    action = ctx.source.on_disappear
    for external_id, item in sorted(ctx.items.items()):
        if not item.present or external_id in parsed.seen:
            continue
        page = item.page.specific if item.page is not None else None
        report.removed.append({"id": external_id, "title": page.title if page else "", "action": action})
        if dry_run:
            continue
        try:
            with transaction.atomic(), _own_log_entries():
                _remove(ctx, item, page, action)
        except Exception as error:  # one item's failure is reported; the others are still handled
            logger.exception("Removing imported item %s failed", item)
            report.errors.append(ItemError(external_id, "", str(error), external_id).as_dict())


def _remove(ctx: Context, item: ImportedItem, page: Page | None, action: str) -> None:
    if page is not None and action == OnDisappear.CANCEL and isinstance(page, Event):
        draft = page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        draft.status = "cancelled"
        with translation.override(ctx.locale.language_code):
            draft.status_note = _("No longer listed by %(source)s.") % {"source": ctx.source.name}
        revision = draft.save_revision()
        _log(draft, revision, ctx.source, ["status", "status_note"])
        if page.live:
            revision.publish()
        item.imported = {**item.imported, "status": "cancelled", "status_note": draft.status_note}
    elif page is not None and action in (OnDisappear.UNPUBLISH, OnDisappear.CANCEL) and page.live:
        page.unpublish(log_action=True)
        log(
            instance=page,
            action=LOG_ACTION,
            data={"source": ctx.source.name, "source_id": ctx.source.pk, "fields": [], "removed": True},
        )
    item.present = False
    item.save(update_fields=["present", "imported"])


def _own_log_entries() -> LogContext:
    """Each item's log entries as one group of their own, by whoever started the run: Wagtail's
    history shows one group per id, so items sharing the run's id would hide each other's."""
    return LogContext(user=get_active_log_context().user)


# --- a whole run -----------------------------------------------------------------------------------


def apply(
    source: ImportSource,
    parsed: Parsed,
    *,
    dry_run: bool,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    report = Report(
        errors=[error.as_dict() for error in parsed.errors],
        warnings=[warning.as_dict() for warning in parsed.warnings],
    )
    ctx = Context(source)
    total = len(parsed.records)
    for number, record in enumerate(parsed.records, start=1):
        try:
            with transaction.atomic(), _own_log_entries():
                apply_record(ctx, record, report, dry_run=dry_run)
        except ValidationError as error:
            messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for name, texts in messages.items():
                report.errors.append(
                    ItemError(
                        record.ref, "" if name == "__all__" else name, " ".join(texts), record.external_id
                    ).as_dict()
                )
        except Exception as error:
            logger.exception("Importing %s (%s) of %s failed", record.external_id, record.ref, source)
            report.errors.append(
                ItemError(record.ref, "", f"{type(error).__name__}: {error}", record.external_id).as_dict()
            )
        if progress is not None:
            progress(number, total)
    remove_missing(ctx, parsed, report, dry_run=dry_run)
    return report
