"""The Haldensleben demo as data files a tourism office can edit: cms/demo/data/*.toml.

Every file is read and checked before the loader touches the database, so a typo is reported with
its file, item and field instead of as a half-loaded demo or an error deep inside Wagtail. TOML
rather than YAML because tomllib is in the standard library: the production image needs nothing more.
Field values the models own (wheelchair, status, audience, …) are checked by the models when the
loader saves them; the loader names the file and item then.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cms.core import registry
from cms.core.slugs import slugify
from tourism.models import EVENT as EVENT_TYPE
from tourism.models import NEWS as NEWS_TYPE
from tourism.models import POI as POI_TYPE

DATA_DIR = Path(__file__).with_name("data")
DAY_NAMES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
# Leichte Sprache (de-x-ls, BITV 2.0) and Polish (pl) are optional and given for a few key pages
# only: the loader adds those pages in them when the language is configured.
LANGUAGES = ("de", "en", "de-x-ls", "pl")
CATEGORY_KINDS = registry.names()  # a category belongs to one content type


class DemoDataError(Exception):
    """A demo file or item that does not read or load, named by its file, item and field."""


class _Invalid(Exception):
    """One field's problem; the loader turns it into a DemoDataError naming file and item."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


Check = Callable[[Any, str], Any]


# ----------------------------------------------------------------- field checks
def text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise _Invalid(field, "not text (text goes in double quotes)")
    return value


SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def slug(value: Any, field: str) -> str:
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        raise _Invalid(field, 'not a slug (letters, digits and hyphens, e.g. "rathaus")')
    return value


def boolean(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(field, "not true or false")
    return value


def whole_number(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(field, "not a whole number")
    return value


def number(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(field, "not a number")
    return float(value)


def decimal_text(value: Any, field: str) -> str:
    """A decimal kept as text (the loader makes a Decimal of it); 5, 2.5 and "2.5" all do."""
    try:
        if isinstance(value, bool) or not Decimal(str(value)).is_finite():
            raise InvalidOperation
    except InvalidOperation:
        raise _Invalid(field, "not a number") from None
    return str(value)


CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def clock(value: Any, field: str) -> str:
    if isinstance(value, time):  # written without quotes as 09:00:00, a TOML time
        value = value.strftime("%H:%M")
    match = CLOCK.fullmatch(value) if isinstance(value, str) else None
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise _Invalid(field, 'not a time like "09:30"')
    return value


MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")


def month_day(value: Any, field: str) -> str:
    """MM-DD, valid in every year (the loader places it in the current or the next one)."""
    match = MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    try:
        if not match:
            raise ValueError
        date(2001, int(match[1]), int(match[2]))
    except ValueError:
        raise _Invalid(field, 'not a month and day like "12-24"') from None
    return value


MOMENT = re.compile(r"now[+-]\d+")


def moment(value: Any, field: str) -> str:
    if isinstance(value, str) and MOMENT.fullmatch(value):
        return value
    try:
        return clock(value, field)
    except _Invalid:
        raise _Invalid(field, 'not a time like "18:30" or minutes from loading like "now+90"') from None


def choice(*options: str) -> Check:
    def check(value: Any, field: str) -> str:
        if not isinstance(value, str) or value not in options:
            raise _Invalid(field, f"not one of {', '.join(options)}")
        return value

    return check


def list_of(check: Check, length: int | None = None) -> Check:
    def check_list(value: Any, field: str) -> list:
        if not isinstance(value, list):
            raise _Invalid(field, "not a list [..., ...]")
        if length is not None and len(value) != length:
            raise _Invalid(field, f"needs exactly {length} entries")
        return [check(entry, f"{field}[{position}]") for position, entry in enumerate(value, start=1)]

    return check_list


def table(fields: dict[str, Check], required: tuple[str, ...] = (), nullable: tuple[str, ...] = ()) -> Check:
    """Known fields only (a misspelt field would otherwise be silently ignored); TOML has no null,
    so a nullable field that is left out reads as None."""

    def check_table(value: Any, field: str) -> dict:
        prefix = f"{field}." if field else ""
        if not isinstance(value, dict):
            raise _Invalid(field, "not a group of fields")
        for key in value:
            if key not in fields:
                close = difflib.get_close_matches(key, fields, n=1)
                raise _Invalid(
                    prefix + key, f"unknown field{f'; did you mean {close[0]!r}?' if close else ''}"
                )
        for key in required:
            if key not in value:
                raise _Invalid(prefix + key, "missing")
        result = {key: fields[key](entry, prefix + key) for key, entry in value.items()}
        for key in nullable:
            result.setdefault(key, None)
        return result

    return check_table


def i18n(check: Check = text) -> Check:
    """A text per language; German is the source every other language is translated from."""
    return table(dict.fromkeys(LANGUAGES, check), required=("de",))


def paragraphs(value: Any, field: str) -> dict:
    result = i18n(list_of(text))(value, field)
    for code, other in result.items():
        if len(other) != len(result["de"]):
            raise _Invalid(
                f"{field}.{code}", f"{len(other)} paragraphs, the German text has {len(result['de'])}"
            )
    return result


# ----------------------------------------------------------------- item schemas
PAGE_FIELDS = {"key": slug, "slug": i18n(slug), "title": i18n(), "teaser": i18n(), "body": paragraphs}
PAGE_REQUIRED = ("key", "title", "teaser", "body")


def with_slugs(check: Check) -> Check:
    """A page's slugs: as written, or (no `slug` given) from each title by the one slug rule
    (cms.core.slugs), as the admin and the importers make them."""

    def check_page(value: Any, field: str) -> dict:
        result = check(value, field)
        if "slug" not in result:
            result["slug"] = {code: slugify(title) for code, title in result["title"].items()}
        return result

    return check_page


IMAGE = table(
    {"motif": text, "alt": i18n(), "caption": i18n(), "credit": text, "license": text},
    required=("motif", "alt"),
)

CATEGORY = table(
    {"slug": slug, "kind": choice(*CATEGORY_KINDS), "icon": text, "schema_type": text, "name": i18n()},
    required=("slug", "kind", "name"),
)
ORGANIZER = table(
    {"key": slug, "name": text, "website": text, "email": text, "phone": text}, required=("key", "name")
)
STANDARD_PAGE = with_slugs(table({**PAGE_FIELDS, "show_in_menus": boolean}, required=PAGE_REQUIRED))
POI = with_slugs(
    table(
        {
            **PAGE_FIELDS,
            "categories": list_of(slug),
            "tags": list_of(text),
            "street": text,
            "postal_code": text,
            "locality": text,
            "lat": number,
            "lng": number,
            "phone": text,
            "email": text,
            "website": text,
            "free": boolean,
            "prices": i18n(),
            "hours": list_of(
                table(
                    {
                        "days": list_of(choice(*DAY_NAMES)),
                        "opens": clock,
                        "closes": clock,
                        "season": list_of(month_day, length=2),
                    },
                    required=("days", "opens", "closes"),
                )
            ),
            "exceptions": list_of(
                table(
                    {"date": month_day, "closed": boolean, "opens": clock, "closes": clock, "label": i18n()},
                    required=("date",),
                )
            ),
            "closed_on_public_holidays": boolean,
            "hours_note": i18n(),
            "accessibility": table(
                {
                    "wheelchair": text,
                    "step_free_entrance": boolean,
                    "accessible_toilet": boolean,
                    "hearing_loop": boolean,
                    "guide_dogs": boolean,
                    "disabled_parking": boolean,
                    "certification": text,
                    "notes": i18n(),
                }
            ),
            "image": IMAGE,
            "related": list_of(slug),
            "gallery": list_of(text),
        },
        required=(*PAGE_REQUIRED, "lat", "lng", "image"),
    )
)
EVENT_NULLABLE = ("start", "end", "end_day", "venue", "location", "organizer")
EVENT = with_slugs(
    table(
        {
            **PAGE_FIELDS,
            "categories": list_of(slug),
            "tags": list_of(text),
            "audience": text,
            "day": whole_number,
            "start": moment,
            "end": moment,
            "end_day": whole_number,
            "all_day": boolean,
            "rrule": text,
            "exdate_days": list_of(whole_number),
            "rdate_days": list_of(whole_number),
            "status": text,
            "status_note": i18n(),
            "venue": slug,
            "location": table(
                {
                    "name": text,
                    "name_i18n": i18n(),
                    "street": text,
                    "postal_code": text,
                    "locality": text,
                    "lat": number,
                    "lng": number,
                }
            ),
            "organizer": slug,
            "free": boolean,
            "prices": i18n(),
            "ticket_url": text,
            "image": IMAGE,
        },
        required=(*PAGE_REQUIRED, "image"),
        nullable=EVENT_NULLABLE,
    )
)
NEWS = with_slugs(
    table(
        {
            **PAGE_FIELDS,
            "categories": list_of(slug),
            "tags": list_of(text),
            "days_ago": whole_number,
            "related": list_of(slug),
            "image": IMAGE,
        },
        required=(*PAGE_REQUIRED, "image"),
    )
)
SCHEDULE_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "holiday")
KIOSK_HOURS = table(
    {
        "days": list_of(choice(*SCHEDULE_DAYS)),
        "from": clock,
        "until": clock,
        "shows": choice("all", "events", "places"),
    },
    required=("days", "from", "until"),
)
KIOSK_NOTICE = table(
    {"title": text, "severity": choice("info", "warning", "danger"), "text": table({"de": text, "en": text})},
    required=("title", "severity", "text"),
)
KIOSK = table(
    {
        "slug": slug,
        "name": text,
        "venue": slug,
        "radius_km": decimal_text,
        "languages": list_of(text),
        "categories": list_of(slug),
        "orientation": choice("landscape", "portrait"),
        "hours": list_of(KIOSK_HOURS),
        "past_notice": KIOSK_NOTICE,
    },
    required=("slug", "name", "venue", "radius_km", "languages", "categories"),
)


def check_event(item: dict) -> None:
    """What the loader needs to place an event relative to the day of loading."""
    if not item.get("all_day") and item["start"] is None:
        raise _Invalid("start", "missing (only all-day events have no start)")
    for key in ("start", "end"):
        if (item[key] or "").startswith("now") and item.get("day", 0) != 0:
            raise _Invalid(key, 'a "now…" moment needs day = 0')


GLOSSARY_TERM = table(
    {
        "term": text,
        "keep": boolean,
        "note": text,
        "translations": table(dict.fromkeys(("en", "nl", "pl", "da", "cs", "fr", "es", "it"), text)),
    },
    required=("term",),
)


# ----------------------------------------------------------------- files
@dataclass(frozen=True)
class DemoData:
    """The demo as the loader uses it: lists of items as dicts, texts as {"de": …, "en": …}."""

    categories: list[dict]
    organizers: list[dict]
    standard_pages: list[dict]
    pois: list[dict]
    events: list[dict]
    news: list[dict]
    synonyms: dict[str, list[str]]
    kiosks: list[dict]
    glossary: list[dict] = field(default_factory=list)


def _error(file: str, field: str, message: str, item: str | None = None) -> DemoDataError:
    where = f" item {item}" if item else ""
    return DemoDataError(
        f"{file}:{where} field '{field}': {message}" if field else f"{file}:{where} {message}"
    )


def _parse(directory: Path, file: str) -> dict:
    path = directory / file
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DemoDataError(f"{file}: missing (looked in {directory})") from None
    except UnicodeDecodeError:
        raise DemoDataError(f"{file}: not UTF-8 text (save it as UTF-8)") from None
    except tomllib.TOMLDecodeError as exc:
        raise DemoDataError(f"{file}: not valid TOML: {exc}") from None


def _name(raw: Any, position: int) -> str:
    ident = (raw.get("key") or raw.get("slug")) if isinstance(raw, dict) else None
    return repr(ident) if isinstance(ident, str) else f"#{position}"


def _read_items(
    directory: Path, file: str, block: str, schema: Check, extra: Callable[[dict], None] | None = None
) -> list[dict]:
    raw = _parse(directory, file)
    for key in raw:
        if key != block:
            raise DemoDataError(f"{file}: unknown entry {key!r}; items start with [[{block}]]")
    entries = raw.get(block, [])
    if not isinstance(entries, list):
        raise DemoDataError(f"{file}: items start with [[{block}]] (two brackets), not [{block}]")
    items = []
    for position, entry in enumerate(entries, start=1):
        try:
            item = schema(entry, "")
            if extra:
                extra(item)
        except _Invalid as exc:
            raise _error(file, exc.field, exc.message, _name(entry, position)) from None
        items.append(item)
    return items


def _read_synonyms(directory: Path, file: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for code, entry in _parse(directory, file).items():
        try:
            groups[code] = list_of(text)(entry, code)
        except _Invalid as exc:
            raise _error(file, exc.field, exc.message) from None
    return groups


def _unique(file: str, items: list[dict], *fields: str) -> None:
    """Items are found again by these fields on every run, so two items must not share one."""
    for path in fields:
        seen: dict[str, str] = {}
        for position, item in enumerate(items, start=1):
            value = item
            for part in path.split("."):
                value = value.get(part) if isinstance(value, dict) else None
            if value is None:
                continue
            name = _name(item, position)
            if value in seen:
                raise _error(file, path, f"{value!r} is also used by item {seen[value]}", name)
            seen[value] = name


def _references(
    file: str, items: list[dict], field: str, targets: dict[str, object], what: str, in_file: str
) -> None:
    for position, item in enumerate(items, start=1):
        value = item.get(field)
        values = value if isinstance(value, list) else [value]
        for index, target in enumerate(values, start=1):
            if target is not None and target not in targets:
                where = f"{field}[{index}]" if isinstance(value, list) else field
                raise _error(file, where, f"no {what} {target!r} in {in_file}", _name(item, position))


def load(directory: Path = DATA_DIR) -> DemoData:
    """Read and check every demo file; raises DemoDataError naming file, item and field."""
    categories = _read_items(directory, "categories.toml", "category", CATEGORY)
    organizers = _read_items(directory, "organizers.toml", "organizer", ORGANIZER)
    pages = _read_items(directory, "pages.toml", "page", STANDARD_PAGE)
    pois = _read_items(directory, "pois.toml", "poi", POI)
    events = _read_items(directory, "events.toml", "event", EVENT, check_event)
    news = _read_items(directory, "news.toml", "news", NEWS)
    synonyms = _read_synonyms(directory, "synonyms.toml")
    kiosks = _read_items(directory, "kiosks.toml", "kiosk", KIOSK)
    glossary = _read_items(directory, "glossary.toml", "term", GLOSSARY_TERM)

    _unique("categories.toml", categories, "slug")
    _unique("organizers.toml", organizers, "key")
    _unique("kiosks.toml", kiosks, "slug")
    _unique("glossary.toml", glossary, "term")
    for file, items in (
        ("pages.toml", pages),
        ("pois.toml", pois),
        ("events.toml", events),
        ("news.toml", news),
    ):
        _unique(file, items, "key", "slug.de", "slug.en")
    # POIs and events are referred to by key in one namespace (venue, related).
    poi_keys = {item["key"]: item for item in pois}
    for position, item in enumerate(events, start=1):
        if item["key"] in poi_keys:
            raise _error("events.toml", "key", "also the key of a point of interest", _name(item, position))

    by_kind = {kind: {c["slug"]: c for c in categories if c["kind"] == kind} for kind in CATEGORY_KINDS}
    for file, items, kind in (
        ("pois.toml", pois, POI_TYPE.name),
        ("events.toml", events, EVENT_TYPE.name),
        ("news.toml", news, NEWS_TYPE.name),
        ("kiosks.toml", kiosks, EVENT_TYPE.name),
    ):
        _references(file, items, "categories", by_kind[kind], f"{kind} category", "categories.toml")
    _references("pois.toml", pois, "related", poi_keys, "point of interest", "pois.toml")
    _references("events.toml", events, "venue", poi_keys, "point of interest", "pois.toml")
    organizer_keys = {item["key"]: item for item in organizers}
    _references("events.toml", events, "organizer", organizer_keys, "organizer", "organizers.toml")
    pages_by_key = {**poi_keys, **{item["key"]: item for item in events}}
    _references(
        "news.toml", news, "related", pages_by_key, "point of interest or event", "pois.toml or events.toml"
    )
    _references("kiosks.toml", kiosks, "venue", poi_keys, "point of interest", "pois.toml")
    return DemoData(categories, organizers, pages, pois, events, news, synonyms, kiosks, glossary)
