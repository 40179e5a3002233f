"""Distances at town scale: a bounding box for the index, then the exact great-circle distance
(in Python, or as an expression the database filters and orders by)."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from django.db.models import F, FloatField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import ASin, Cast, Cos, Least, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Haversine distance in kilometres."""
    dlat, dlng = radians(lat2 - lat1), radians(lng2 - lng1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlng / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a)))


def bounding_box(lat: float, lng: float, radius_km: float) -> tuple[float, float, float, float]:
    """(min_lat, min_lng, max_lat, max_lng) enclosing a circle; generous near the poles."""
    dlat = radius_km / 111.32
    dlng = radius_km / max(111.32 * cos(radians(lat)), 0.01)
    return lat - dlat, max(lng - dlng, -180.0), lat + dlat, min(lng + dlng, 180.0)


def distance_expression(
    lat: float, lng: float, lat_field: str = "latitude", lng_field: str = "longitude"
) -> Combinable:
    """`distance_km` as a database expression (PostgreSQL; SQLite through Django's math functions),
    so a list can filter and order by distance and read only the page it answers."""
    return distance_expression_of(*distance_terms(lat, lng), lat_field=lat_field, lng_field=lng_field)


def distance_terms(lat: float, lng: float) -> tuple[float, float, float]:
    """What `distance_expression` reads of the point: its latitude and longitude in radians and the
    latitude's cosine (a query compiled once per shape takes them as values)."""
    return radians(lat), radians(lng), cos(radians(lat))


def distance_expression_of(
    lat_radians: float,
    lng_radians: float,
    cos_lat: float,
    lat_field: str = "latitude",
    lng_field: str = "longitude",
) -> Combinable:
    """`distance_expression` from the point's `distance_terms`."""
    row_lat = Radians(Cast(F(lat_field), FloatField()))
    row_lng = Radians(Cast(F(lng_field), FloatField()))
    half_dlat = Sin((row_lat - Value(lat_radians)) / Value(2.0))
    half_dlng = Sin((row_lng - Value(lng_radians)) / Value(2.0))
    a = Power(half_dlat, 2) + Value(cos_lat) * Cos(row_lat) * Power(half_dlng, 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Least(Value(1.0), Sqrt(a)), output_field=FloatField())
