"""Signal receivers only: each change is handed to the publish pipeline (cms.publishing).

Receivers here are the only ones for content changes; what happens, and in which order, is read in
cms.publishing from top to bottom.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from modelsearch.index import get_indexed_models
from taggit.models import Tag
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from media.models import ImageText, RolandImage
from search.models import SynonymGroup
from sites import services as site_services
from sites.models import ApiClient, KioskHours, KioskNotice, KioskScreen, SiteSettings
from tourism.models import Category, Event, Organizer

from . import publishing


def _published(sender, instance: Page, **kwargs) -> None:
    publishing.page_published(instance)


def _unpublished(sender, instance: Page, **kwargs) -> None:
    publishing.page_unpublished(instance)


def _moved(sender, instance: Page, **kwargs) -> None:
    url_changed = kwargs.get("url_path_before") != kwargs.get("url_path_after")
    publishing.page_moved(instance, url_changed=url_changed)


def _deleting(sender, instance: Page, **kwargs) -> None:
    publishing.page_deleting(instance)


def _deleted(sender, instance: Page, **kwargs) -> None:
    publishing.page_deleted(instance)


def _event_saving(sender, instance: Event, update_fields=None, **kwargs) -> None:
    publishing.event_saving(instance, update_fields)


page_published.connect(_published, dispatch_uid="roland_page_published")
pre_save.connect(_event_saving, sender=Event, dispatch_uid="roland_event_saving")
page_unpublished.connect(_unpublished, dispatch_uid="roland_page_unpublished")
post_page_move.connect(_moved, dispatch_uid="roland_page_moved")
pre_delete.connect(_deleting, sender=Page, dispatch_uid="roland_page_deleting")
post_delete.connect(_deleted, sender=Page, dispatch_uid="roland_page_deleted")


def indexed_save_uid(model: type) -> str:
    """The uid of the receiver that writes a content page's Wagtail search entry on save (swapped by
    cms.demo.bulk for one update per object at the end of a bulk load)."""
    return f"roland_indexed_save_{model.__name__}"


def indexed_saved(sender, instance, raw: bool = False, update_fields=None, **kwargs) -> None:
    if not raw:  # as modelsearch's receiver: fixtures are indexed by update_index
        publishing.search_entry_saved(instance, update_fields)


def _indexed_deleted(sender, instance, **kwargs) -> None:
    publishing.search_entry_deleted(instance)


# Models that leave Wagtail's search index to the pipeline (the content pages) instead of modelsearch's
# receivers, which index every save.
for model in get_indexed_models():
    if not getattr(model, "search_auto_update", True):
        post_save.connect(indexed_saved, sender=model, dispatch_uid=indexed_save_uid(model))
        post_delete.connect(
            _indexed_deleted, sender=model, dispatch_uid=f"roland_indexed_delete_{model.__name__}"
        )


def _page_created(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    # Not a content change: a new locale tree root may need its team's rights (Leichte Sprache).
    # Every model's saves pass here (a page's is sent for its own class): the test is cheap.
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        site_services.page_created(instance)


post_save.connect(_page_created, dispatch_uid="roland_page_created")


def _content(sender, **kwargs) -> None:
    publishing.content_changed()


def _image_saved(sender, instance: RolandImage, **kwargs) -> None:
    publishing.image_saved(instance)


def _visibility(sender, **kwargs) -> None:
    publishing.visibility_changed()


def _sites(sender, **kwargs) -> None:
    publishing.sites_changed()


def _restriction_saved(sender, instance: PageViewRestriction, **kwargs) -> None:
    publishing.restriction_changed(instance.page.path)


def _restriction_deleted(sender, instance: PageViewRestriction, origin=None, **kwargs) -> None:
    # Deleted along with its page (the deletion started elsewhere): the page's deletion reports it.
    alone = isinstance(origin, PageViewRestriction) or getattr(origin, "model", None) is PageViewRestriction
    publishing.restriction_changed(instance.page.path if alone else None)


def _collections(sender, **kwargs) -> None:
    publishing.collections_changed()


def _api_clients(sender, **kwargs) -> None:
    publishing.api_clients_changed()


post_save.connect(_image_saved, sender=RolandImage, dispatch_uid="roland_image_saved")
post_delete.connect(_content, sender=RolandImage, dispatch_uid="roland_content_delete_RolandImage")
# Snippets and other rows public answers show; a kiosk screen's settings, schedule and notices shape
# its feed.
for model in (Category, Organizer, ImageText, Tag, SynonymGroup, KioskScreen, KioskHours, KioskNotice):
    post_save.connect(_content, sender=model, dispatch_uid=f"roland_content_save_{model.__name__}")
    post_delete.connect(_content, sender=model, dispatch_uid=f"roland_content_delete_{model.__name__}")


def _kiosk_categories(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):  # Django sends pre_ and post_ for each change: one is enough
        publishing.content_changed()


m2m_changed.connect(
    _kiosk_categories, sender=KioskScreen.categories.through, dispatch_uid="roland_kiosk_categories"
)
m2m_changed.connect(
    _kiosk_categories, sender=KioskNotice.screens.through, dispatch_uid="roland_kiosk_notice_screens"
)
post_save.connect(_visibility, sender=SiteSettings, dispatch_uid="roland_facts_save_SiteSettings")
post_delete.connect(_visibility, sender=SiteSettings, dispatch_uid="roland_facts_delete_SiteSettings")
for model in (Site, Locale):
    post_save.connect(_sites, sender=model, dispatch_uid=f"roland_facts_save_{model.__name__}")
    post_delete.connect(_sites, sender=model, dispatch_uid=f"roland_facts_delete_{model.__name__}")
post_save.connect(
    _restriction_saved, sender=PageViewRestriction, dispatch_uid="roland_facts_save_PageViewRestriction"
)
post_delete.connect(
    _restriction_deleted, sender=PageViewRestriction, dispatch_uid="roland_facts_delete_PageViewRestriction"
)
for model in (CollectionViewRestriction, Collection):
    post_save.connect(_collections, sender=model, dispatch_uid=f"roland_facts_save_{model.__name__}")
    post_delete.connect(_collections, sender=model, dispatch_uid=f"roland_facts_delete_{model.__name__}")
post_save.connect(_api_clients, sender=ApiClient, dispatch_uid="roland_api_client_save")
post_delete.connect(_api_clients, sender=ApiClient, dispatch_uid="roland_api_client_delete")
