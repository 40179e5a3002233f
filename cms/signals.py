"""Signal wiring only: changes bump the version counters that cached facts and answers carry."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from media.models import ImageText, RolandImage
from sites.api_keys import clients_changed
from sites.models import ApiClient, SiteSettings
from tourism.models import Category, Organizer

from . import versions
from .cdn import purge_api
from .visibility import bump_facts_version


def _bump(sender, **kwargs) -> None:
    bump_facts_version()


def _bump_for_root(sender, instance=None, **kwargs) -> None:
    if instance is not None and instance.depth <= 2:
        bump_facts_version()


for model in (Site, SiteSettings, Locale, PageViewRestriction, CollectionViewRestriction, Collection):
    post_save.connect(_bump, sender=model, dispatch_uid=f"roland_facts_save_{model.__name__}")
    post_delete.connect(_bump, sender=model, dispatch_uid=f"roland_facts_delete_{model.__name__}")
post_delete.connect(_bump_for_root, sender=Page, dispatch_uid="roland_facts_page_delete")
page_published.connect(_bump_for_root, dispatch_uid="roland_facts_page_published")
page_unpublished.connect(_bump_for_root, dispatch_uid="roland_facts_page_unpublished")
post_page_move.connect(_bump, dispatch_uid="roland_facts_page_move")


# Public content: anything an API answer shows bumps the content version, which every cached answer
# carries in its key (cms.api.http_cache).
def _content_changed(sender, instance=None, **kwargs) -> None:
    page = instance if isinstance(instance, Page) else None
    content_changed({page.pk: page.specific_class._meta.model_name} if page and page.pk else {})


def content_changed(page_ids: dict[int, str] | None = None) -> None:
    """Invalidate cached answers now and again (with the CDN) once the change is committed.

    The first bump covers reads inside this transaction; the second, reads that raced the commit.
    """
    versions.bump(versions.CONTENT)
    transaction.on_commit(lambda: _bump_content(page_ids or {}))


def _bump_content(page_ids: dict[int, str]) -> None:
    versions.bump(versions.CONTENT)
    purge_api(page_ids)


page_published.connect(_content_changed, dispatch_uid="roland_content_page_published")
page_unpublished.connect(_content_changed, dispatch_uid="roland_content_page_unpublished")
post_page_move.connect(_content_changed, dispatch_uid="roland_content_page_move")
post_delete.connect(_content_changed, sender=Page, dispatch_uid="roland_content_page_delete")
for model in (Category, Organizer, RolandImage, ImageText, Tag):
    post_save.connect(_content_changed, sender=model, dispatch_uid=f"roland_content_save_{model.__name__}")
    post_delete.connect(_content_changed, sender=model, dispatch_uid=f"roland_content_del_{model.__name__}")


def _api_clients_changed(sender, **kwargs) -> None:
    clients_changed()


post_save.connect(_api_clients_changed, sender=ApiClient, dispatch_uid="roland_api_client_save")
post_delete.connect(_api_clients_changed, sender=ApiClient, dispatch_uid="roland_api_client_delete")
