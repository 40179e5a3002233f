"""Headless preview: where a site's website shows drafts, and which preview tokens still open one.

wagtail-headless-preview stores each admin preview as a `PagePreview` row under a signed token and
points the preview panel at the website's preview page with `content_type` and `token`; the website
then reads the draft from /api/v1/preview. The token is the only key to an unpublished draft, so the
lookup fails closed: forged, unknown, expired and mismatched tokens all come back as None alike.

Without a reachable website the panel shows the built-in "Roland-Vorschau" instead: the same draft
JSON rendered by Roland itself (the assembly plugs the renderer in). "Reachable" is decided without
any network call: a preview or website URL is configured and its host is not under a top-level
domain reserved for examples (RFC 2606/6761: .example, .invalid, .test, .localhost), as the demo's is.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cached_property
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site
from wagtail_headless_preview.models import (
    HeadlessPreviewMixin,
    PagePreview,
    get_client_root_url_from_site,
)
from wagtail_headless_preview.settings import headless_preview_settings

from .visibility import SiteSettingsFacts, site_settings

BUILTIN_MODE = "roland"
RESERVED_TLDS = ("example", "invalid", "test", "localhost")


def token_lifetime() -> timedelta:
    return timedelta(seconds=settings.ROLAND_PREVIEW_TOKEN_SECONDS)


def oldest_valid_day() -> date:
    """Rows stored before this day are certainly expired (`PagePreview.created_at` holds a date only)."""
    return timezone.localdate(timezone.now() - token_lifetime())


def preview_root_url(site: Site | None) -> str:
    """The website's preview page for a site.

    The site's own setting first; then the package's WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]
    (per hostname or "default"), then the site's public website, then the site itself.
    """
    stored = site_settings(site) if site else SiteSettingsFacts()
    if stored.preview_url:
        return stored.preview_url
    client_urls = headless_preview_settings.CLIENT_URLS or {}
    if site and (site.hostname in client_urls or "default" in client_urls):
        return get_client_root_url_from_site(site)
    if stored.website_url:
        return stored.website_url.rstrip("/") + "/"
    return (site.root_url if site else "").rstrip("/") + "/"


def reachable(url: str) -> bool:
    """Whether a configured URL may be a real website: set, and not under a reserved domain."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return bool(host) and host.rsplit(".", 1)[-1] not in RESERVED_TLDS


def website_preview_available(site: Site | None) -> bool:
    """Whether the preview can open on the site's website (else the built-in preview is shown)."""
    stored = site_settings(site) if site else SiteSettingsFacts()
    client_urls = headless_preview_settings.CLIENT_URLS or {}
    if site and (site.hostname in client_urls or "default" in client_urls) and not stored.preview_url:
        return reachable(get_client_root_url_from_site(site))
    return reachable(stored.preview_url or stored.website_url)


def _no_builtin(page: Page, request: HttpRequest) -> HttpResponse:
    raise NotImplementedError("no built-in preview renderer is plugged in")


_builtin_renderer: Callable[[Page, HttpRequest], HttpResponse] = _no_builtin


def render_builtin_preview_with(renderer: Callable[[Page, HttpRequest], HttpResponse]) -> None:
    """The assembly plugs in the built-in preview (it renders the API's draft JSON; the kernel can't)."""
    global _builtin_renderer
    _builtin_renderer = renderer


def with_query(url: str, **params: str) -> str:
    """`url` with `params` added to its query string: a configured preview URL may carry its own."""
    parts = urlsplit(url)
    kept = [
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key not in params
    ]
    return urlunsplit(parts._replace(query=urlencode([*kept, *params.items()])))


def collect_expired_previews() -> int:
    """Delete preview rows that can no longer be opened; returns how many went."""
    deleted, _ = PagePreview.objects.filter(created_at__lt=oldest_valid_day()).delete()
    return deleted


def _preview_modes(site: Site | None) -> list[tuple[str, str]]:
    builtin = (BUILTIN_MODE, _("Roland preview"))
    if not website_preview_available(site):
        return [builtin]
    return [("", _("Website")), builtin]


def remember_preview_modes(pages: Iterable[Page]) -> None:
    """A list of pages asks each one whether it can be previewed (Wagtail's *Entwurf ansehen* button
    of a page with a draft): each site and its settings are read once for the list, not per row."""
    wanted = [page for page in pages if isinstance(page, PreviewMixin) and "preview_modes" not in vars(page)]
    site_ids = {page: (page.get_url_parts() or (None,))[0] for page in wanted}
    sites = Site.objects.in_bulk({site_id for site_id in site_ids.values() if site_id is not None})
    default = None
    modes: dict[int | None, list[tuple[str, str]]] = {}
    for page, site_id in site_ids.items():
        if site_id not in modes:
            site = sites.get(site_id)
            if site is None:
                default = default or Site.objects.filter(is_default_site=True).first()
                site = default
            modes[site_id] = _preview_modes(site)
        page.preview_modes = modes[site_id]


class PreviewMixin(HeadlessPreviewMixin):
    """Headless preview for a page model: the preview opens on the preview page of the page's site,
    or, when that site has no reachable website, as Roland's built-in rendering of the draft."""

    @cached_property
    def preview_modes(self) -> list[tuple[str, str]]:
        # Read several times per admin edit view; the site and its settings are queries (uncached).
        return _preview_modes(self._preview_site())

    def _preview_site(self) -> Site | None:
        # An unsaved page (the create form's preview) has no path yet: the default site stands in.
        site = self.get_site() if self.url_path else None
        return site or Site.objects.filter(is_default_site=True).first()

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        if mode_name == BUILTIN_MODE:
            return _builtin_renderer(self, request)
        return super().serve_preview(request, mode_name)

    def get_client_root_url(self, request: HttpRequest) -> str:
        # The page's own site, not the admin's: one admin serves several websites.
        site = self.get_site() or Site.find_for_request(request)
        return preview_root_url(site)

    def get_preview_url(self, request: HttpRequest, token: str) -> str:
        return with_query(
            self.get_client_root_url(request), content_type=self.get_content_type_str(), token=token
        )

    def create_page_preview(self) -> PagePreview:
        collect_expired_previews()
        return super().create_page_preview()


def previewable_models() -> dict[str, type[Page]]:
    """Page models with headless preview by the content type string the preview URL carries."""
    return {
        model.get_content_type_str(): model
        for model in apps.get_models()
        if issubclass(model, HeadlessPreviewMixin) and issubclass(model, Page)
    }


def find_preview(content_type: str, token: str) -> Page | None:
    """The draft a preview token opens, or None (unknown type, forged, unknown or expired token).

    The token carries its issue time under a signature: it expires ROLAND_PREVIEW_TOKEN_SECONDS later.
    The stored row must exist for the same content type and not be older than that (by its date).
    """
    model = previewable_models().get(content_type)
    if model is None:
        return None
    try:
        model.get_preview_signer().unsign(token, max_age=token_lifetime())
    except BadSignature:  # includes SignatureExpired
        return None
    preview = PagePreview.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        token=token,
        created_at__gte=oldest_valid_day(),
    ).first()
    if preview is None:
        return None
    page = preview.as_page()
    return page if isinstance(page, model) else None
