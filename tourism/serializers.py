"""Fields for Wagtail's stock v2 API; the typed /api/v1/ has its own schemas."""

from rest_framework.fields import Field

from .models.snippets import Category


class LocalizedCategoriesField(Field):
    """Categories as [{slug, name, kind}], named in the page's language where translated."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        categories = list(page.categories.all())
        names = dict(
            Category.objects.filter(
                translation_key__in=[category.translation_key for category in categories],
                locale_id=page.locale_id,
            ).values_list("translation_key", "name")
        )
        return [
            {
                "slug": category.slug,
                "name": names.get(category.translation_key, category.name),
                "kind": category.kind,
            }
            for category in categories
        ]
