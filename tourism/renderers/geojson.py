"""RFC 7946 GeoJSON of list items: Point geometries in (longitude, latitude) order."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

GEOJSON = "application/geo+json"


def feature_collection(items: list[dict]) -> dict:
    """A FeatureCollection of list items; items without coordinates are left out (`count` is the
    number of features)."""
    features = []
    for item in items:
        location = item.get("location") or {}
        if location.get("lat") is None or location.get("lng") is None:
            continue
        properties = {key: value for key, value in item.items() if key != "location"}
        features.append(
            {
                "type": "Feature",
                "id": item["id"],
                "geometry": {"type": "Point", "coordinates": [location["lng"], location["lat"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features, "count": len(features)}


def geojson_response(collection: dict) -> HttpResponse:
    return HttpResponse(
        json.dumps(collection, cls=DjangoJSONEncoder, ensure_ascii=False), content_type=GEOJSON
    )
