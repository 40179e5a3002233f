"""Signal wiring only: changes to what visibility rests on bump its version (cms.visibility)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from sites.models import SiteSettings

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
