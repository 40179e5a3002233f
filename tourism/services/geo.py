"""Distances at town scale: a bounding box for the index, then the exact great-circle distance."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

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
