"""Every query parameter of every /api/v1/ operation refuses bad input with a 400 naming it.

Generated from the OpenAPI document, so a new parameter is covered the day it is added.
"""

import json
from pathlib import Path

import pytest

SNAPSHOT = json.loads((Path(__file__).parent / "openapi.snapshot.json").read_text())
WRONG_TYPE = {"integer": "zwölf", "number": "viel", "boolean": "vielleicht"}


def parameter_cases():
    for path, item in sorted(SNAPSHOT["paths"].items()):
        for parameter in item["get"].get("parameters", []):
            if parameter["in"] != "query":
                continue
            name, schema = parameter["name"], parameter.get("schema", {})
            options = schema.get("anyOf", [schema])
            types = {option.get("type") for option in options}
            is_array = "array" in types
            cases = {"empty": "", "10000 characters": "x" * 10_000, "NUL byte": "a\x00b"}
            for kind, wrong in WRONG_TYPE.items():
                if kind in types:
                    cases["wrong type"] = wrong
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


@pytest.fixture
def ids(db):
    # Parameters are checked before any lookup, so no content is needed: ids need only be numeric.
    return {"poi_id": 1, "event_id": 1, "news_id": 1}


@pytest.mark.parametrize(("path", "name", "values"), list(parameter_cases()))
def test_bad_value_is_a_400_naming_the_parameter(client, ids, path, name, values):
    query = "&".join(f"{name}={value}" for value in values).replace("\x00", "%00")
    response = client.get(f"{concrete(path, ids)}?{query}")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert name in [error["param"] for error in response.json()["errors"]]
