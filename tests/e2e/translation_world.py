"""Content for the translation overview in the browser, written into the test server's SQLite file
(run inside `manage.py shell`): a few German places translated to English, one of them outdated
by a change of its teaser, pages without a translation, images without their English texts."""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale

from cms.demo.translation import translate_with_strings
from media.models import ImageText
from tests.factories import ImageFactory, SiteTree

TEASER = "Das einzige Reiterstandbild eines Rolands in Deutschland."


def build() -> None:
    with transaction.atomic():  # the translations publish on commit
        tree = SiteTree()
        en = Locale.objects.get(language_code="en")
        translate_with_strings(tree.home, en, {"Haldensleben": "Haldensleben"})
        translate_with_strings(tree.pois, en, {"Sehenswürdigkeiten": "Sights", "orte": "sights"})
        roland = tree.poi(title="Reitender Roland", slug="roland", teaser=TEASER)
        translate_with_strings(
            roland,
            en,
            {
                "Reitender Roland": "Riding Roland",
                TEASER: "The only equestrian statue of a Roland in Germany.",
            },
        )
        museum = tree.poi(title="Museum Haldensleben", slug="museum", teaser="Stadtgeschichte am Schloss.")
        translate_with_strings(museum, en, {"Museum Haldensleben": "Haldensleben Museum"})
        tree.poi(title="Kulturfabrik", slug="kulturfabrik", teaser="Konzerte und Theater.")
        tree.poi(title="Bülstringer Tor", slug="tor", teaser="Ein Stadttor der alten Stadtmauer.")
        market = ImageFactory(
            title="Marktplatz", alt_text="Der Marktplatz mit dem Roland", caption="Am Markt"
        )
        ImageText.objects.create(image=market, locale=en, alt_text="The market square with the Roland")
        ImageFactory(title="Rathaus", alt_text="Das Rathaus am Markt")
    with transaction.atomic():
        draft = roland.get_latest_revision_as_object()
        draft.teaser = "Das einzige Reiterstandbild eines Rolands, seit 1528 am Markt."
        draft.title = "Der Reitende Roland"
        draft.save_revision().publish()
    get_user_model().objects.create_superuser("uebersetzung", "uebersetzung@example.org", "geheim-1234")
