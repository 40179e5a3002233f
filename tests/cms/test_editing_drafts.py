"""Issue 17: a new page that only an autosave ever saved, then left, does not keep its slug taken
(cms.editing): the worker deletes it once nobody has touched it for ABANDONED_DRAFT_HOURS. A page
the editor saved, published or submitted is never deleted so."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms import scheduling
from cms.editing import delete_abandoned_drafts
from cms.models import AutosavedNewPage
from tests.cms.test_editing import news_form
from tests.worlds import tree_per_module
from tourism.models import NewsArticle

pytestmark = pytest.mark.django_db


# Every test adds its own pages to a site tree built once for the module.
_tree, tree = tree_per_module()


JSON = {"accept": "application/json"}  # what Wagtail's autosave sends


def add_url(tree) -> str:
    return reverse("wagtailadmin_pages:add", args=("tourism", "newsarticle", tree.news.pk))


def later() -> datetime:
    """A moment after the abandonment time of everything written now."""
    return timezone.now() + timedelta(hours=1)


def test_an_abandoned_autosaved_new_page_frees_its_slug(admin_client, tree, settings):
    answer = admin_client.post(add_url(tree), news_form("Lichterfest", "lichterfest"), headers=JSON).json()
    assert answer["success"] is True
    assert AutosavedNewPage.objects.filter(page_id=answer["pk"]).exists()

    # Meanwhile the slug is taken: a second editor's page is refused with a message on the field.
    refused = admin_client.post(
        add_url(tree), news_form("Lichterfest", "lichterfest", **{"action-publish": "1"})
    )
    assert refused.status_code == 200
    assert "lichterfest" in " ".join(refused.context["form"].errors["slug"])

    # Not yet abandoned: nothing goes.
    assert delete_abandoned_drafts() == 0
    # Untouched for longer than ABANDONED_DRAFT_HOURS: the worker's job deletes it.
    AutosavedNewPage.objects.update(
        created_at=timezone.now() - timedelta(hours=settings.ABANDONED_DRAFT_HOURS + 1)
    )
    NewsArticle.objects.filter(pk=answer["pk"]).update(
        latest_revision_created_at=timezone.now() - timedelta(hours=settings.ABANDONED_DRAFT_HOURS + 1)
    )
    job = next(job for job in scheduling.default_jobs() if job.name == "delete_abandoned_drafts")
    assert job.run() == {"deleted": 1}
    assert not NewsArticle.objects.filter(pk=answer["pk"]).exists()

    published = admin_client.post(
        add_url(tree), news_form("Lichterfest", "lichterfest", **{"action-publish": "1"})
    )
    assert published.status_code == 302
    assert NewsArticle.objects.get(slug="lichterfest").live


def test_pages_the_editor_saved_or_published_are_kept(admin_client, tree):
    # Saved with the button: never noted.
    admin_client.post(add_url(tree), news_form("Adventsmarkt", "adventsmarkt"))
    # Created by an autosave, then published from its edit view: noted, then forgotten.
    answer = admin_client.post(add_url(tree), news_form("Eisbahn", "eisbahn"), headers=JSON).json()
    assert AutosavedNewPage.objects.filter(page_id=answer["pk"]).exists()
    edit = reverse("wagtailadmin_pages:edit", args=[answer["pk"]])
    assert (
        admin_client.post(edit, news_form("Eisbahn", "eisbahn", **{"action-publish": "1"})).status_code == 302
    )
    assert not AutosavedNewPage.objects.exists()

    assert delete_abandoned_drafts(before=later()) == 0
    assert set(NewsArticle.objects.values_list("slug", flat=True)) == {"adventsmarkt", "eisbahn"}


def test_an_autosaved_page_published_by_other_means_is_kept(admin_client, tree):
    answer = admin_client.post(add_url(tree), news_form("Silvester", "silvester"), headers=JSON).json()
    NewsArticle.objects.get(pk=answer["pk"]).save_revision().publish()  # e.g. an import or a shell
    assert delete_abandoned_drafts(before=later()) == 0
    assert NewsArticle.objects.get(pk=answer["pk"]).live
    assert not AutosavedNewPage.objects.exists()
