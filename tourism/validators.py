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


def coordinate_warning(latitude, longitude) -> str:
    """What looks wrong with valid coordinates: "swapped" (latitude and longitude inside the region
    the other way round, e.g. 11.4, 52.3 for Haldensleben), "outside" the region, or "" (fine or not
    both given). The map picker's script applies the same rule while the editor types."""
    if latitude is None or longitude is None or not outside_region(latitude, longitude):
        return ""
    return "outside" if outside_region(longitude, latitude) else "swapped"


def coordinate_warning_message(kind: str) -> str:
    """The editor's German message for a `coordinate_warning`."""
    if kind == "swapped":
        return _(
            "Latitude and longitude look swapped (latitude about 52, longitude about 11 around "
            "Haldensleben) — please check them before publishing."
        )
    return _("These coordinates lie outside the region — please check them before publishing.")


def language_mismatch(page_locale_id: int | None, chosen) -> bool:
    """Whether a chosen page (a venue, a related page) is in another language than the page that
    links to it: the API shows links in the reader's language anyway, so a German event names the
    German place; linking the English one is a mistake the chooser used to invite."""
    if chosen is None or page_locale_id is None:
        return False
    return chosen.locale_id != page_locale_id
