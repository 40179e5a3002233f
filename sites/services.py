"""Channel configuration rules: which locales exist, the default site, the Leichte Sprache team."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.core.i18n import EASY_LANGUAGE
from cms.core.visibility import SiteSettingsFacts

from .models import SiteSettings
from .models.settings import DEFAULT_ATTRIBUTION, DEFAULT_LICENCE, LICENCES


def sync_locales_from_settings(using: str = "default") -> list[Locale]:
    """Create a Locale for every configured content language, so adding one needs no code.

    Locales of languages removed from the settings are kept: content may still hang on them.
    """
    locales = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _created = Locale.objects.using(using).get_or_create(language_code=code)
        locales.append(locale)
    return locales


def sync_locales_after_migrate(sender, using: str = "default", **kwargs) -> None:
    sync_locales_from_settings(using=using)


def site_settings_facts(site: Site) -> SiteSettingsFacts:
    """A site's settings as the kernel reads them (plugged in at start-up, sites.apps)."""
    stored = SiteSettings.objects.filter(site=site).first()
    licence = _licence(stored)
    if stored is None:
        return SiteSettingsFacts(publisher=licence.attribution, licence_url=licence.url)
    return SiteSettingsFacts(
        website_url=stored.website_url,
        preview_url=stored.preview_url,
        cors_origins=tuple(stored.cors_origins),
        publisher=stored.organisation_name or licence.attribution,
        licence_url=licence.url,
    )


@dataclass(frozen=True)
class DatasetLicence:
    """Under what a site's open data is published: the licence and whom to name as the source."""

    key: str
    label: str
    url: str
    dcat_uri: str
    attribution: str


def dataset_licence(site: Site) -> DatasetLicence:
    """The site's data licence (the default, CC BY 4.0 naming Stadt Haldensleben, when unset)."""
    stored = SiteSettings.objects.filter(site=site).only("licence", "attribution").first()
    return _licence(stored)


def _licence(stored: SiteSettings | None) -> DatasetLicence:
    key = stored.licence if stored is not None and stored.licence in LICENCES else DEFAULT_LICENCE
    attribution = stored.attribution if stored is not None else DEFAULT_ATTRIBUTION
    terms = LICENCES[key]
    return DatasetLicence(key, terms.label, terms.url, terms.dcat_uri, attribution)


@dataclass(frozen=True)
class DataPublisher:
    """Who publishes a site's open data, as a catalogue (DCAT-AP.de) names them."""

    name: str
    email: str
    website: str
    contributor_id: str  # GovData's dcatde:contributorID; empty until the body has one
    municipality_key: str  # Amtlicher Gemeindeschlüssel (8 digits) or Regionalschlüssel (12)
    licence: DatasetLicence


def data_publisher(site: Site) -> DataPublisher:
    """The publisher of a site's data from its settings: the organisation, else whom to attribute."""
    stored = SiteSettings.objects.filter(site=site).first()
    licence = _licence(stored)
    if stored is None:
        return DataPublisher(licence.attribution, "", "", "", "", licence)
    return DataPublisher(
        name=stored.organisation_name or licence.attribution,
        email=stored.contact_email,
        website=stored.website_url,
        contributor_id=stored.open_data_contributor_id,
        municipality_key=stored.municipality_key,
        licence=licence,
    )


# --- Leichte Sprache: its own editors and review ---------------------------------------------------

EASY_LANGUAGE_GROUP = "Redaktion Leichte Sprache"  # writes: adds and edits, submits for review
EASY_LANGUAGE_CHECKERS = "Prüfgruppe Leichte Sprache"  # checks: approves, which publishes
EASY_LANGUAGE_WORKFLOW = "Leichte Sprache"
EASY_LANGUAGE_TASK = "Prüfung in Leichter Sprache"
# Page permissions per group on the roots of the de-x-ls tree. Wagtail publishes an approved change
# with the approver's rights, so the checkers need publish_page; the writers do not get it, so their
# changes cannot go live without the review.
EASY_LANGUAGE_PAGE_PERMISSIONS = {
    EASY_LANGUAGE_GROUP: ("add_page", "change_page"),
    EASY_LANGUAGE_CHECKERS: ("change_page", "publish_page"),
}


def set_up_easy_language_team(using: str = "default") -> list[Group]:
    """The groups "Redaktion Leichte Sprache" (writers) and "Prüfgruppe Leichte Sprache" (checkers)
    work on pages of the Leichte Sprache locale only; a writer's change goes live when a checker
    approves it in the workflow "Leichte Sprache" (easy-read texts are checked before publishing).

    Wagtail has no per-locale permissions, but every locale has its own tree: the permissions and
    the workflow sit on the roots of the `de-x-ls` tree (the translated home pages). Safe to run
    again (after migrate, and whenever such a root is created); nothing while `de-x-ls` is not
    configured.
    """
    if EASY_LANGUAGE not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        return []
    locale = Locale.objects.using(using).filter(language_code=EASY_LANGUAGE).first()
    if locale is None:
        return []
    admin_access = Permission.objects.using(using).get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    with transaction.atomic(using=using):
        groups = {}
        for name in EASY_LANGUAGE_PAGE_PERMISSIONS:
            groups[name], _created = Group.objects.using(using).get_or_create(name=name)
            groups[name].permissions.add(admin_access)
        roots = list(Page.objects.using(using).filter(locale=locale, depth=2))
        if not roots:
            return list(groups.values())
        task = GroupApprovalTask.objects.using(using).filter(name=EASY_LANGUAGE_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.using(using).create(name=EASY_LANGUAGE_TASK)
        task.groups.add(groups[EASY_LANGUAGE_CHECKERS])
        workflow, _created = Workflow.objects.using(using).get_or_create(name=EASY_LANGUAGE_WORKFLOW)
        WorkflowTask.objects.using(using).get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
        for name, codenames in EASY_LANGUAGE_PAGE_PERMISSIONS.items():
            permissions = list(
                Permission.objects.using(using).filter(
                    content_type__app_label="wagtailcore", codename__in=codenames
                )
            )
            for root in roots:
                for permission in permissions:
                    GroupPagePermission.objects.using(using).get_or_create(
                        group=groups[name], page=root, permission=permission
                    )
        for root in roots:
            WorkflowPage.objects.using(using).update_or_create(page=root, defaults={"workflow": workflow})
    return list(groups.values())


def set_up_easy_language_team_after_migrate(sender, using: str = "default", **kwargs) -> None:
    set_up_easy_language_team(using=using)


def page_created(page: Page) -> None:
    """A new root of the Leichte Sprache tree (its home page translated) gets the team's rights."""
    if page.depth == 2 and page.locale.language_code == EASY_LANGUAGE:
        set_up_easy_language_team()
