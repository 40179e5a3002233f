"""Field validators and the region check for coordinates."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _

latitude_validators = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
longitude_validators = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]


def coordinate_errors(latitude, longitude) -> dict[str, str]:
    """Both coordinates or neither, the message on the field that is missing (places, kiosks)."""
    if (latitude is None) != (longitude is None):
        missing = "longitude" if longitude is None else "latitude"
        return {missing: _("Enter both latitude and longitude, or neither.")}
    return {}


def outside_region(latitude, longitude) -> bool:
    """Whether valid coordinates lie outside the configured region (worth a warning, not an error)."""
    if latitude is None or longitude is None:
        return False
    min_lat, min_lng, max_lat, max_lng = settings.ROLAND_REGION_BOUNDS
    return not (min_lat <= float(latitude) <= max_lat and min_lng <= float(longitude) <= max_lng)
