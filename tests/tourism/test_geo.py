"""Distances: the database's expression and Python's function agree (lists filter on one, show the other)."""

import pytest

from tests.worlds import tree_per_module
from tourism.models import PointOfInterest
from tourism.services.geo import distance_expression, distance_km

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [
        ("52.289300", "11.408500"),
        ("52.273000", "11.353000"),
        ("48.137100", "11.575400"),
        ("-33.868800", "151.209300"),
    ],
)
def test_database_distance_equals_the_python_distance(tree, latitude, longitude):
    poi = tree.poi(latitude=latitude, longitude=longitude)
    for origin in ((52.2893, 11.4085), (0.0, 0.0), (-33.9, 151.2)):
        in_database = (
            PointOfInterest.objects.filter(pk=poi.pk)
            .annotate(distance=distance_expression(*origin))
            .values_list("distance", flat=True)
            .get()
        )
        assert in_database == pytest.approx(distance_km(*origin, float(latitude), float(longitude)), abs=1e-6)
