"""Channel configuration rules: which locales exist, the default site."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale, Site

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
