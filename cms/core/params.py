"""Strict query parameters: unknown, repeated, oversized or NUL-carrying input is a 400 naming it."""

from __future__ import annotations

import functools
import math
import re
import typing
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Literal, TypeVar

from django.http import HttpRequest
from ninja import Schema
from ninja.decorators import decorate_view
from pydantic import Field

from cms.core.timezone import LOCAL_TZ

from .problems import ApiProblem, bad_param, handle_api_problem

MAX_PARAM_LENGTH = 1000
MAX_OFFSET = 1_000_000
D = TypeVar("D", date, datetime)


class ListParams(Schema):
    """Paging and language, shared by every list endpoint."""

    limit: int = Field(20, ge=1, le=100, description="Items per page (1–100).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
    locale: str | None = Field(None, max_length=10, description="Language code, e.g. de or en.")
    fallback: bool = Field(True, description="Include source-language items without a live translation.")


class MapParams(Schema):
    """Language without paging: a map answer carries every match (up to its documented cap)."""

    locale: str | None = Field(None, max_length=10, description="Language code, e.g. de or en.")
    fallback: bool = Field(True, description="Include source-language items without a live translation.")


class DetailParams(Schema):
    locale: str | None = Field(None, max_length=10, description="Language of texts that are not on the page.")
    format: Literal["json", "jsonld"] | None = Field(
        None, description="jsonld answers schema.org JSON-LD (as Accept: application/ld+json does)."
    )


def _is_list(annotation) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set):
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def allowed_params(*schemas: type[Schema]) -> dict[str, bool]:
    """Accepted query keys (aliases included) → whether the key may repeat."""
    allowed: dict[str, bool] = {}
    for schema in schemas:
        for name, info in schema.model_fields.items():
            allowed[info.alias or name] = _is_list(info.annotation)
    return allowed


def check_text(key: str, values: list[str]) -> None:
    """What no parameter of any API here may carry: NUL bytes (in its name or values), values over
    MAX_PARAM_LENGTH characters."""
    if "\x00" in key:
        raise bad_param(key.replace("\x00", "\\0"), "invalid parameter name")
    for value in values:
        if "\x00" in value:
            raise bad_param(key, "contains a NUL byte")
        if len(value) > MAX_PARAM_LENGTH:
            raise bad_param(key, f"longer than {MAX_PARAM_LENGTH} characters")


def check_query(request: HttpRequest, allowed: dict[str, bool]) -> None:
    """Refuse what a typed schema would silently accept: unknown keys, repeats, NUL bytes, huge values."""
    for key in request.GET:
        values = request.GET.getlist(key)
        if "\x00" in key:
            check_text(key, values)
        if key not in allowed:
            raise bad_param(key, "unknown parameter; see /api/v1/docs for the accepted ones")
        if len(values) > 1 and not allowed.get(key, False):
            raise bad_param(key, "given more than once; it takes a single value")
        if "" in values:
            raise bad_param(key, "empty; leave the parameter out instead")
        check_text(key, values)


def strict_query(*schemas: type[Schema], before_validation: bool = False) -> Callable:
    """Decorate an API view so its query string is checked against the schemas it declares.

    With `before_validation` the check runs before ninja parses the parameters: a view with required
    parameters then names an empty or repeated one instead of only reporting another one missing.
    """
    allowed = allowed_params(*schemas)

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            check_query(request, allowed)
            return view(request, *args, **kwargs)

        if before_validation:
            decorate_view(_checked_first(allowed))(wrapper)
        return wrapper

    return decorator


def _checked_first(allowed: dict[str, bool]) -> Callable:
    """Wrap a ninja operation's run (outside its error handling, hence the explicit problem answer)."""

    def wrap(run: Callable) -> Callable:
        @functools.wraps(run)
        def checked(request: HttpRequest, *args, **kwargs):
            try:
                check_query(request, allowed)
            except ApiProblem as exc:
                return handle_api_problem(request, exc)
            return run(request, *args, **kwargs)

        return checked

    return wrap


# The years a date or moment in a query may name: far enough for any event or archive, near enough
# that a window or an opening-hours step from it stays inside what datetime can hold (year 1..9999).
YEARS = (1900, 2200)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def within_years(param: str, moment: D) -> D:
    """The date or datetime itself, or a 400 naming the parameter: one range rule for both."""
    if not (YEARS[0] <= moment.year <= YEARS[1]):
        raise bad_param(param, f"out of range (years {YEARS[0]}–{YEARS[1]})")
    return moment


def parse_day(param: str, value: str | None) -> date | None:
    """A calendar day written YYYY-MM-DD (nothing else)."""
    if value is None:
        return None
    value = value.strip()
    try:
        if not _DAY.fullmatch(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        raise bad_param(param, "not a date; give YYYY-MM-DD") from None
    return within_years(param, day)


def parse_moment(param: str, value: str | None, *, end_of_day: bool = False) -> datetime | None:
    """A date (YYYY-MM-DD) or ISO 8601 datetime; dates mean local midnight (or the next one)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise bad_param(param, "empty; give a date (YYYY-MM-DD) or an ISO 8601 datetime")
    try:
        if len(value) == 10:
            day = within_years(param, date.fromisoformat(value))
            moment = datetime.combine(day, time(0), tzinfo=LOCAL_TZ)
            return moment + timedelta(days=1) if end_of_day else moment
        moment = datetime.fromisoformat(
            value.replace("Z", "+00:00").replace(" ", "+", 1) if "T" in value else value
        )
    except ValueError:
        raise bad_param(param, "not a date (YYYY-MM-DD) or ISO 8601 datetime") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LOCAL_TZ)
    return within_years(param, moment)


def as_number(raw: str) -> float | None:
    """A finite number written in ASCII, or None (float() also takes "nan", "inf", "1e309" as
    infinity and other scripts' digits)."""
    try:
        number = float(raw) if raw.isascii() else math.nan
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _coordinate(part: str) -> float:
    number = as_number(part)
    if number is None:
        raise ValueError(part)
    return number


def parse_point(param: str, value: str | None) -> tuple[float, float] | None:
    """ "LAT,LNG" in WGS 84."""
    if value is None:
        return None
    parts = value.split(",")
    try:
        lat, lng = (_coordinate(part) for part in parts)
    except ValueError:
        raise bad_param(param, "expected LAT,LNG, e.g. 52.2893,11.4085") from None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        raise bad_param(param, "latitude must be −90..90 and longitude −180..180")
    return lat, lng


def parse_bbox(param: str, value: str | None) -> tuple[float, float, float, float] | None:
    """ "MIN_LNG,MIN_LAT,MAX_LNG,MAX_LAT" (RFC 7946 order)."""
    if value is None:
        return None
    parts = value.split(",")
    try:
        min_lng, min_lat, max_lng, max_lat = (_coordinate(part) for part in parts)
    except ValueError:
        raise bad_param(param, "expected MIN_LNG,MIN_LAT,MAX_LNG,MAX_LAT") from None
    if not (-180 <= min_lng <= max_lng <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise bad_param(param, "corners out of range or in the wrong order (MIN_LNG,MIN_LAT,MAX_LNG,MAX_LAT)")
    return min_lng, min_lat, max_lng, max_lat


MAX_ID_DIGITS = 18  # below 2**63, what every database's integer key holds


def as_id(raw: str) -> int | None:
    """An id as clients send it (ASCII digits, at most 18), or None: one rule for paths and parameters.

    str.isdigit() alone also admits other scripts' digits and superscripts, which int() reads as
    numbers or refuses with an error.
    """
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= MAX_ID_DIGITS else None


def parse_id_param(param: str, raw: str) -> int:
    """An id in a query parameter: anything else is a 400 naming the parameter."""
    value = as_id(raw)
    if value is None:
        raise bad_param(param, "expected a numeric id")
    return value
