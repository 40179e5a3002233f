"""The data of the submission form's browser test: the site tree and one place to choose."""

from tests.factories import SiteTree


def build() -> None:
    tree = SiteTree()
    tree.poi(title="Kulturfabrik", slug="kulturfabrik")
