"""The API's Schema base validates dicts directly and objects through ninja's attribute access."""

from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from cms.core.schema import Schema


class Rendition(Schema):
    url: str
    width: int


class Image(Schema):
    id: int
    renditions: dict[str, Rendition]


def test_dicts_and_objects_validate_alike_and_bad_values_are_refused():
    data = {"id": 3, "renditions": {"card": {"url": "/media/a.jpg", "width": 640}}}
    from_dict = Image.model_validate(data).model_dump()
    from_object = Image.model_validate(
        SimpleNamespace(id=3, renditions={"card": SimpleNamespace(url="/media/a.jpg", width=640)})
    ).model_dump()
    assert from_dict == from_object == data
    with pytest.raises(ValidationError):
        Image.model_validate({"id": 3, "renditions": {"card": {"url": "/media/a.jpg", "width": "wide"}}})
    with pytest.raises(ValidationError):
        Image.model_validate({"renditions": {}})  # id missing
