"""The base of the API's schemas: ninja's Schema, validating plain dicts directly.

ninja wraps every value it validates in a `DjangoGetter` (attribute access and resolvers for ORM
objects). Our answers are built as dicts and no schema has a resolver, yet a 20-item list page
created ~200 wrappers and ~1,200 proxied attribute reads (a tenth of an events list). Dicts now go
to pydantic as they are; anything else still gets ninja's wrapper.
"""

from typing import Any

from ninja import Schema as NinjaSchema
from ninja.schema import DjangoGetter
from pydantic import ValidationInfo, model_validator


class Schema(NinjaSchema):
    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values: Any, handler, info: ValidationInfo) -> Any:
        if isinstance(values, dict):
            return handler(values)
        return handler(DjangoGetter(values, cls, info.context))
