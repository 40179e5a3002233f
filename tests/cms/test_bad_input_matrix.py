"""Every query parameter of every /api/v1/ operation, and of Wagtail's stock v2 API, refuses bad input
with a 400 naming it; every id in a path that is not an id is a 404. Never a 500.

/api/v1/'s parameters come from its OpenAPI document and stock v2's from its endpoints (their known
parameters and filterable fields), so a new parameter is covered the day it is added. Each one is
tried with what any parameter must refuse and at the extremes of its type: years 1, 1000 and 9999
for dates, nan, ±inf and 1e309 for numbers, 2**63 and 20 digits for integers, a latitude just past
90, digits that are not ASCII.
"""

import json
from pathlib import Path

import pytest
from django.db import models
from taggit.managers import TaggableManager
from wagtail.images import get_image_model

from cms.wagtail_api import wagtail_v2
from tourism.models import Event, PointOfInterest

SNAPSHOT = json.loads((Path(__file__).parent / "openapi.snapshot.json").read_text())
WRONG_TYPE = {"integer": "zwölf", "number": "viel", "boolean": "vielleicht"}
NOT_ASCII = {"Arabic-Indic digit": "٣", "superscript digit": "²"}
INTEGER_EXTREMES = {"2**63": str(2**63), "-2**63-1": str(-(2**63) - 1), "20 digits": "9" * 20, **NOT_ASCII}
NUMBER_EXTREMES = {
    "nan": "nan",
    "inf": "inf",
    "-inf": "-inf",
    "1e309": "1e309",
    "-1e309": "-1e309",
    **NOT_ASCII,
}
YEARS = {
    "year 1": "0001-01-01",
    "year 1000": "1000-01-01",
    "year 1899": "1899-12-31",
    "year 9999": "9999-12-31",
}
DAY_EXTREMES = YEARS
DATETIME_EXTREMES = {
    **{f"{label} at midnight": f"{day}T00:00:00" for label, day in YEARS.items()},
    "year 9999, last second": "9999-12-31T23:59:59",
    "year 9999, UTC-14": "9999-12-31T23:59:59-14:00",
    "year 1, UTC+14": "0001-01-01T00:00:00+14:00",
}
POINT_EXTREMES = {
    "latitude 90.0000001": "90.0000001,11.4",
    "latitude -90.0000001": "-90.0000001,11.4",
    "longitude 180.0000001": "52.3,180.0000001",
    "longitude -180.0000001": "52.3,-180.0000001",
    "nan": "nan,11.4",
    "inf": "52.3,inf",
    "1e309": "1e309,11.4",
    "Arabic-Indic digits": "٥٢,١١",
    "three numbers": "52.3,11.4,1",
}
BOX_EXTREMES = {
    "min longitude -180.0000001": "-180.0000001,-90,180,90",
    "min latitude -90.0000001": "-180,-90.0000001,180,90",
    "max longitude 180.0000001": "-180,-90,180.0000001,90",
    "max latitude 90.0000001": "-180,-90,180,90.0000001",
    "nan": "nan,nan,nan,nan",
    "inf": "0,0,inf,inf",
    "-1e309": "-1e309,0,0,1",
    "Arabic-Indic digits": "١,١,٢,٢",
    "corners swapped": "11.5,52.3,11.4,52.2",
}
ID_EXTREMES = {**INTEGER_EXTREMES, "negative": "-1", "with a sign": "+1", "decimal": "1.0"}

# String parameters whose text has a type of its own (the document says only "string"), and the
# free-text ones. A new string parameter must be put in one of them (test_every_parameter_is_tried).
SHAPED = {
    "from": {**DAY_EXTREMES, **DATETIME_EXTREMES},
    "to": {**DAY_EXTREMES, **DATETIME_EXTREMES},
    "since": DAY_EXTREMES,
    "near": POINT_EXTREMES,
    "bbox": BOX_EXTREMES,
    "venue": ID_EXTREMES,
}
FREE_TEXT = {"locale", "tag", "locality", "q", "site", "token", "content_type"}


def query_parameters():
    for path, item in sorted(SNAPSHOT["paths"].items()):
        # Reads only: the one write (submissions) has its own tests of every field.
        for parameter in item.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                yield path, parameter


def parameter_cases():
    for path, parameter in query_parameters():
        name, schema = parameter["name"], parameter.get("schema", {})
        options = schema.get("anyOf", [schema])
        types = {option.get("type") for option in options}
        formats = {option.get("format") for option in options}
        is_array = "array" in types
        cases = {"empty": "", "10000 characters": "x" * 10_000, "NUL byte": "a\x00b"}
        for kind, wrong in WRONG_TYPE.items():
            if kind in types:
                cases["wrong type"] = wrong
        if "integer" in types:
            cases.update(INTEGER_EXTREMES)
        if "number" in types:
            cases.update(NUMBER_EXTREMES)
        if "date-time" in formats:
            cases.update(DATETIME_EXTREMES)
        cases.update(SHAPED.get(name, {}))
        if any("enum" in option for option in options) or any(
            "enum" in option.get("items", {}) for option in options
        ):
            cases["unknown enum value"] = "gibt-es-nicht"
        for label, value in cases.items():
            yield pytest.param(path, name, [value], id=f"{path} {name} {label}")
        if not is_array:
            yield pytest.param(path, name, ["1", "2"], id=f"{path} {name} repeated")


def concrete(path: str, ids: dict) -> str:
    for placeholder, value in ids.items():
        path = path.replace("{" + placeholder + "}", str(value))
    return path


def encoded(name: str, values: list[str]) -> str:
    return "&".join(f"{name}={value}" for value in values).replace("\x00", "%00").replace("+", "%2B")


@pytest.fixture
def ids(db):
    # Parameters are checked before any lookup, so no content is needed: ids need only be numeric.
    return {"poi_id": 1, "event_id": 1, "news_id": 1, "collection": "pois", "format": "ndjson"}


def assert_names(response, name: str, status: int = 400) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert name in [error["param"] for error in body["errors"]], body
    return body


@pytest.mark.parametrize(("path", "name", "values"), list(parameter_cases()))
def test_bad_value_is_a_400_naming_the_parameter(client, ids, path, name, values):
    assert_names(client.get(f"{concrete(path, ids)}?{encoded(name, values)}"), name)


def test_every_parameter_is_tried_at_the_extremes_of_its_type():
    """A string parameter carrying a date, number, place or id must be listed in SHAPED."""
    unplaced = set()
    for _path, parameter in query_parameters():
        options = parameter.get("schema", {}).get("anyOf", [parameter.get("schema", {})])
        plain_string = all(
            option.get("type") in ("string", "null") and "enum" not in option and "format" not in option
            for option in options
        )
        if plain_string and parameter["name"] not in SHAPED and parameter["name"] not in FREE_TEXT:
            unplaced.add(parameter["name"])
    assert not unplaced, f"say in SHAPED or FREE_TEXT what these carry: {sorted(unplaced)}"


PATH_IDS = [
    (path, name) for path in SNAPSHOT["paths"] for name in ("poi_id", "event_id", "news_id") if name in path
]


@pytest.mark.parametrize(
    ("path", "name", "value"),
    [
        pytest.param(path, name, value, id=f"{path} {label}")
        for path, name in PATH_IDS
        for label, value in {**ID_EXTREMES, "zero": "0"}.items()
    ],
)
def test_a_path_id_that_is_no_id_is_a_404(client, ids, path, name, value):
    response = client.get(concrete(path, {**ids, name: value.replace("+", "%2B")}))
    assert (response.status_code, response["Content-Type"]) == (404, "application/problem+json")


# --- Stock v2 --------------------------------------------------------------------------------------

V2 = "/api/wagtail/v2"
V2_TEXT = {"fields", "order", "search", "locale", "type", "site"}  # checked by Wagtail itself
V2_IDS = {"child_of", "descendant_of", "ancestor_of", "translation_of"}
V2_COUNTS = {"limit", "offset"}
V2_ENUMS = {"search_operator", "rich_text_format"}
V2_UNCHECKED = {"_", "format"}  # jQuery's cache buster; DRF's renderer choice
COUNT_EXTREMES = {**INTEGER_EXTREMES, "20 digits": "9" * 20, "negative": "-1", "with underscores": "1_0"}


def v2_endpoints() -> dict[str, type]:
    return dict(wagtail_v2._endpoints)


def v2_field_kind(field) -> str:
    if isinstance(field, TaggableManager):
        return "text"
    if field.is_relation or isinstance(field, models.AutoField | models.IntegerField):
        return "id"
    if isinstance(field, models.DecimalField | models.FloatField):
        return "number"
    if isinstance(field, models.DateTimeField | models.DateField | models.TimeField):
        return "date"
    if isinstance(field, models.BooleanField):
        return "boolean"
    return "text"


V2_FIELD_CASES = {
    "id": ID_EXTREMES,
    "number": {**NUMBER_EXTREMES, "wrong type": "viel"},
    "date": {"not a date": "9999-99-99", **YEARS},
    "boolean": {"wrong type": "vielleicht"},
    "text": {},
}


def v2_filterable_fields():
    """(endpoint, the query that selects the model, field name, kind) for every filterable field."""
    models_of = {
        "pages": [("type=tourism.PointOfInterest&", PointOfInterest), ("type=tourism.Event&", Event)],
        "images": [("", get_image_model())],
    }
    for endpoint, view in v2_endpoints().items():
        for prefix, model in models_of.get(endpoint, []):
            for name in view.get_available_fields(model, db_fields_only=True):
                if name in ("locale",):  # a filter of its own (see V2_TEXT)
                    continue
                yield endpoint, prefix, name, v2_field_kind(model._meta.get_field(name))


def v2_cases():
    for endpoint, view in sorted(v2_endpoints().items()):
        for name in sorted(view.known_query_parameters - V2_UNCHECKED):
            cases = {"10000 characters": "x" * 10_000, "NUL byte": "a\x00b"}
            if name in V2_COUNTS:
                cases.update(COUNT_EXTREMES)
            if name in V2_IDS:
                cases.update(ID_EXTREMES)
            if name in V2_ENUMS:
                cases["unknown value"] = "gibt-es-nicht"
            for label, value in cases.items():
                query = f"search=Rathaus&{encoded(name, [value])}" if name == "search_operator" else None
                yield pytest.param(
                    f"{V2}/{endpoint}/",
                    query or encoded(name, [value]),
                    name,
                    id=f"{endpoint} {name} {label}",
                )
    for endpoint, prefix, name, kind in v2_filterable_fields():
        model = prefix.split("=")[1].rstrip("&") if prefix else endpoint
        for label, value in {"NUL byte": "a\x00b", **V2_FIELD_CASES[kind]}.items():
            yield pytest.param(
                f"{V2}/{endpoint}/", prefix + encoded(name, [value]), name, id=f"{model} {name} {label}"
            )


def test_every_stock_v2_parameter_is_tried():
    known = set().union(*(view.known_query_parameters for view in v2_endpoints().values()))
    placed = V2_TEXT | V2_IDS | V2_COUNTS | V2_ENUMS | V2_UNCHECKED
    assert known <= placed, f"say what these carry: {sorted(known - placed)}"


@pytest.mark.parametrize(("path", "query", "name"), list(v2_cases()))
def test_stock_v2_bad_value_is_a_400_naming_the_parameter(client, db, path, query, name):
    body = assert_names(client.get(f"{path}?{query}"), name)
    assert isinstance(body["message"], str) and body["message"]  # what stock v2's clients read


@pytest.mark.parametrize("value", ["٣", "²", "9" * 20, "-1"])
def test_a_stock_v2_detail_or_find_by_an_id_that_is_no_id_is_not_a_500(client, db, value):
    for path in (f"{V2}/pages/{value}/", f"{V2}/images/{value}/"):
        assert client.get(path).status_code == 404, path
    assert_names(client.get(f"{V2}/pages/find/?id={value}"), "id")
