"""Settings shared by every environment.

Defaults run with nothing configured: SQLite, Wagtail's database search backend, local memory cache
and local media. Each environment module only overrides what differs.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from cms.translation.config import machine_translator
from search.config import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ROLAND_VAR_DIR", BASE_DIR / "var"))


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list of stripped, non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "cms.core",
    "cms",
    # Before wagtail_localize: its translation editor template is extended here (the glossary note).
    "cms.translation",
    "home",
    "tourism",
    "sites",
    "search",
    "media",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    # Wagtail's apps without the API v3 they build at start-up and Roland does not serve (cms.wagtail_apps).
    "cms.wagtail_apps.RedirectsConfig",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "cms.wagtail_apps.SnippetsConfig",
    "cms.wagtail_apps.DocumentsConfig",
    "cms.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",
    "corsheaders",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: the request id for every log line, one access line and the latency of everything below.
    "cms.observability.RequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every answer, cached ones included.
    "cms.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Remembers each kiosk feed version as served (its final ETag), for the admin's picture.
    "sites.fleet.FeedVersionMiddleware",
    # Key check, rate limit and the answer cache: before sessions and language activation, which a
    # cached answer does not need (their headers are part of what was stored).
    "cms.api.delivery.DeliveryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.api.middleware.ApiMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The admin's page edit and create posts one at a time per page, each in one transaction (it
    # calls the view: the last middleware with a view hook).
    "cms.editing.OnePageChangeAtATimeMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 answer (cms.lockouts).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

# Database: DATABASE_URL (postgres://… or sqlite:///…); SQLite under var/ when unset.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'roland.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dev server read while a management command writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # A writer waits this long (s) for another's write to end before "database is locked"
        # (Python's default: 5). The dev server answers each request in a thread of its own: an
        # editor with several tabs open on a busy machine queues writes longer than five seconds.
        "timeout": 30,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Covering indexes (INCLUDE columns) speed PostgreSQL's index-only scans; SQLite builds the same
    # index on its key columns alone, which is all it can use: not a fault to report on every command.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
else:
    SILENCED_SYSTEM_CHECKS = []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by all worker processes; needed for more than one),
# else local memory. The Redis backend fails open: an outage slows the API, it does not break it.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "roland",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "roland",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in protection (cms.lockouts, django-axes). Failed sign-ins to the admin and wrong passwords of
# restricted pages and collections are counted in the database (never in the cache), so every worker,
# on SQLite or PostgreSQL, sees the same counts. Locked: this many failures of one account from one
# address, of one address for everything it tries, or of one account from anywhere (not for the
# password forms: one visitor must not lock out the others). A lock ends LOCKOUT_MINUTES after the
# last failure, or when an admin lifts it (Reports → Sign-in lockouts).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked sign-ins before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]
LOCKOUT_FAILURES_PER_ACCOUNT_AND_ADDRESS = int(os.environ.get("LOCKOUT_FAILURES_PER_ACCOUNT_AND_ADDRESS", 5))
LOCKOUT_FAILURES_PER_ADDRESS = int(os.environ.get("LOCKOUT_FAILURES_PER_ADDRESS", 20))
LOCKOUT_FAILURES_PER_ACCOUNT = int(os.environ.get("LOCKOUT_FAILURES_PER_ACCOUNT", 30))
LOCKOUT_MINUTES = int(os.environ.get("LOCKOUT_MINUTES", 15))
AXES_COOLOFF_TIME = timedelta(minutes=LOCKOUT_MINUTES)
AXES_HANDLER = "cms.lockouts.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = "cms.lockouts.lockout_parameters"
AXES_FAILURE_LIMIT = 1  # LockoutHandler counts used-up limits, each with its own number above
AXES_LOCKOUT_CALLABLE = "cms.lockouts.lockout_response"
# The caller's address by the same rule as the API's rate limits (API_TRUSTED_PROXY_HEADER).
AXES_CLIENT_IP_CALLABLE = "cms.core.addresses.client_ip"
# Successful sign-ins are not logged (no table of everyone's addresses); failures are kept only as
# long as they count. A success does not reset the counts: an attacker's own account must not wipe
# the failures of the address it guesses from.
AXES_DISABLE_ACCESS_LOG = True
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ADMIN = False  # Django's admin is not served; the Wagtail admin has the report
WAGTAILADMIN_USER_LOGIN_FORM = "cms.lockouts.LoginForm"

# Languages: ROLAND_LANGUAGES lists the content languages, the first one is the default.
# Adding a language needs nothing else: its Locale row is created on migrate.
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "fr": "Français",
    "nl": "Nederlands",
    "pl": "Polski",
    "da": "Dansk",
    "cs": "Čeština",
    "es": "Español",
    "it": "Italiano",
    # Leichte Sprache (easy-read German) is a variant of German with a BCP 47 private-use tag;
    # Django and Wagtail take it as a language code of its own (`?locale=de-x-ls`).
    "de-x-ls": "Leichte Sprache",
}
ROLAND_LANGUAGES = env_list("ROLAND_LANGUAGES", "de,en")
LANGUAGE_CODE = ROLAND_LANGUAGES[0]
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [(code, LANGUAGE_NAMES.get(code, code)) for code in ROLAND_LANGUAGES]
# The admin interface itself is offered in German and English.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Fallback chains: ROLAND_FALLBACKS lists, comma-separated, a language and the languages that stand in
# for it, in order, separated by colons: `de-x-ls:de,pl:en:de` (Leichte Sprache → German; Polish →
# English → German). Every chain ends in the default language, which may be left out (`pl:en` is
# `pl:en:de`); a language without a chain falls back to the default directly. Each code must be in
# ROLAND_LANGUAGES, appear once per chain and not stand in for itself; a mistake is reported by
# `manage.py check` (roland.E001) naming the variable (cms.core.i18n.parse_fallbacks).
ROLAND_FALLBACKS = os.environ.get("ROLAND_FALLBACKS", "")
WAGTAIL_I18N_ENABLED = True
# "Diese Seite übersetzen" makes a draft copy, never a live one of the source's text: the copy goes
# live when an editor publishes the translation (wagtail-localize otherwise copies the source's live
# status, and the API served German text as `locale: en`). A later sync leaves live translations live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
USE_I18N = True
# Machine translation ("Maschinell übersetzen" in the translation editor), off unless
# MACHINE_TRANSLATION names an engine: `deepl` (MACHINE_TRANSLATION_KEY; MACHINE_TRANSLATION_URL only
# for another host than api.deepl.com / api-free.deepl.com), `libretranslate` (MACHINE_TRANSLATION_URL
# of the server, MACHINE_TRANSLATION_KEY if it asks for one) or `dummy` (wagtail-localize's word
# reverser, no network: for trying the flow). MACHINE_TRANSLATION_TIMEOUT bounds connecting and each
# read, in seconds. The editors' glossary (snippet "Glossar") applies to every engine (cms.translation).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    os.environ.get("MACHINE_TRANSLATION", ""),
    url=os.environ.get("MACHINE_TRANSLATION_URL", ""),
    key=os.environ.get("MACHINE_TRANSLATION_KEY", ""),
    timeout=float(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", 20)),
)
# German texts of the project's own labels and messages (the admin's default language).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Documents are served only by Wagtail's document view, which checks their collection's view
# restrictions on every request; local media files are served by media.views.serve_media, which
# checks each file (cms/urls.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# S3-compatible object storage for media when a bucket is configured. The bucket stays private:
# renditions of public images (folder images/) are addressed unsigned, so the bucket policy or the
# CDN in front must grant anonymous reads of that folder only; every other object (documents,
# originals, renditions of restricted images) only by a signed URL that expires (media.storage).
AWS_STORAGE_BUCKET_NAME = os.environ.get("MEDIA_S3_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "media.storage.MediaStorage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("MEDIA_S3_REGION") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None
    AWS_QUERYSTRING_AUTH = True
    # Long enough to outlive a cached API answer that carries one (stock v2's image download_url).
    AWS_QUERYSTRING_EXPIRE = int(os.environ.get("MEDIA_S3_SIGNED_URL_SECONDS", 900))
    # No ACL is sent: objects get the bucket's default (private); nothing is uploaded public-read.
    AWS_DEFAULT_ACL = None
    # After the restriction check, the document view redirects to a signed URL of the file.
    WAGTAILDOCS_SERVE_METHOD = "redirect"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# Origins media files are fetched from when not from this server: the kiosk player and the admin may
# load images from there (cms.security_headers). Derived from the media settings unless given.
MEDIA_ORIGINS = env_list("MEDIA_ORIGINS")
if not MEDIA_ORIGINS:
    if _origin(MEDIA_URL):
        MEDIA_ORIGINS.append(_origin(MEDIA_URL))
    if AWS_STORAGE_BUCKET_NAME:
        if AWS_S3_CUSTOM_DOMAIN:
            MEDIA_ORIGINS.append(f"https://{AWS_S3_CUSTOM_DOMAIN}")
        elif AWS_S3_ENDPOINT_URL:
            endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
            MEDIA_ORIGINS += [
                _origin(AWS_S3_ENDPOINT_URL),
                f"{endpoint.scheme}://{AWS_STORAGE_BUCKET_NAME}.{endpoint.netloc}",
            ]
        else:
            MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com")
            if AWS_S3_REGION_NAME:
                MEDIA_ORIGINS.append(
                    f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
                )

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks (django-tasks). "worker": queued in the database and run by the worker process,
# `manage.py worker` (`make run` starts one; it also runs the scheduled jobs below): webhook
# deliveries and the occurrence horizon, so publishing never waits for them. "default" runs inline:
# Wagtail's own search and reference index updates stay part of the publish, as they always were
# (queued, they would race the page's child rows that every publish replaces).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "worker": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Scheduled jobs of the worker (cms.scheduling): due go-live dates are published and expired content
# unpublished every this many seconds (the tests use 1); the occurrence horizon moves on daily.
SCHEDULED_PUBLISHING_SECONDS = int(os.environ.get("SCHEDULED_PUBLISHING_SECONDS", "60"))
if SCHEDULED_PUBLISHING_SECONDS < 1:
    raise ImproperlyConfigured("SCHEDULED_PUBLISHING_SECONDS must be at least 1.")

# Kiosk fleet (sites.fleet): a screen silent for longer than this many minutes (or two of its
# refresh intervals, if longer) is announced once to the kiosk group, and again when it is back.
KIOSK_SILENT_AFTER = int(os.environ.get("KIOSK_SILENT_AFTER", "10"))
if KIOSK_SILENT_AFTER < 1:
    raise ImproperlyConfigured("KIOSK_SILENT_AFTER must be at least 1 (minutes).")

# The change feed (cms.core.changes, GET /api/v1/changes): entries older than this many days are
# pruned by the worker's daily job; cursors stay valid at least this long.
CHANGES_RETENTION_DAYS = int(os.environ.get("CHANGES_RETENTION_DAYS", "90"))
if CHANGES_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("CHANGES_RETENTION_DAYS must be at least 1.")

# Webhooks (sites.webhooks): one attempt per task, retried with exponential backoff
# (WEBHOOK_BACKOFF_SECONDS × 1, 2, 4 … plus up to 10 % jitter) until WEBHOOK_MAX_ATTEMPTS.
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", 5))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", 6))
WEBHOOK_BACKOFF_SECONDS = int(os.environ.get("WEBHOOK_BACKOFF_SECONDS", 30))
WEBHOOK_BACKOFF_JITTER = 0.1
# Receivers inside private networks (10/8, 192.168/16, loopback, link-local …) are refused unless
# this is set, so subscriptions cannot reach internal services.
WEBHOOK_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", False)

# Event submissions by local organisers (submissions, /submit/event/, POST /api/v1/submissions/events).
# The submitter's e-mail address is deleted by the worker's daily job this many days after it came in
# (the form says so); each address may send this many submissions per API_RATE_LIMIT_WINDOW (a minute);
# a request body above the byte limit is refused before it is read (the image is most of it).
# Files the multiple uploader keeps for a form never finished go after this many hours (media.uploads).
ABANDONED_UPLOAD_HOURS = int(os.environ.get("ABANDONED_UPLOAD_HOURS", "24"))
if ABANDONED_UPLOAD_HOURS < 1:
    raise ImproperlyConfigured("ABANDONED_UPLOAD_HOURS must be at least 1.")
# New pages only an autosave ever saved (the editor left without a click) go after this many hours
# untouched, freeing their slug (cms.editing).
ABANDONED_DRAFT_HOURS = int(os.environ.get("ABANDONED_DRAFT_HOURS", "24"))
if ABANDONED_DRAFT_HOURS < 1:
    raise ImproperlyConfigured("ABANDONED_DRAFT_HOURS must be at least 1.")
SUBMISSION_CONTACT_RETENTION_DAYS = int(os.environ.get("SUBMISSION_CONTACT_RETENTION_DAYS", "30"))
if SUBMISSION_CONTACT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("SUBMISSION_CONTACT_RETENTION_DAYS must be at least 1.")
SUBMISSION_RATE_LIMIT = int(os.environ.get("SUBMISSION_RATE_LIMIT", "10"))
SUBMISSION_MAX_IMAGE_BYTES = int(os.environ.get("SUBMISSION_MAX_IMAGE_BYTES", 5 * 1024 * 1024))
SUBMISSION_MAX_REQUEST_BYTES = SUBMISSION_MAX_IMAGE_BYTES + 256 * 1024
# Moderators' notices link here (the admin); e-mail goes out through Django's EMAIL_* settings.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "roland@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Import sources (tourism.services.intake): fetched through the same guarded fetcher as webhooks.
# Sources inside private networks are refused unless this is set; answers larger than
# IMPORT_MAX_BYTES or slower than IMPORT_TIMEOUT_SECONDS (the whole answer) fail the run.
IMPORT_ALLOW_PRIVATE_SOURCES = env_bool("IMPORT_ALLOW_PRIVATE_SOURCES", False)
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", 5_000_000))
IMPORT_TIMEOUT_SECONDS = float(os.environ.get("IMPORT_TIMEOUT_SECONDS", 10))
# How often the worker looks for sources whose refresh interval has passed (each is then a task).
IMPORT_CHECK_SECONDS = int(os.environ.get("IMPORT_CHECK_SECONDS", 60))

# Wagtail
WAGTAIL_SITE_NAME = "Roland — Stadt Haldensleben"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Editors' browsers call no one else: no avatars from Gravatar (their e-mail addresses' hashes), no
# version check at releases.wagtail.io; both would also need exceptions in the admin's CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The "What's new in Wagtail" banner is English and links to wagtail.org: not for the town's office.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILIMAGES_IMAGE_MODEL = "media.RolandImage"
# Damaged or cut-off image files are a form error, not a server error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.RolandImageForm"
# Raster formats only: SVG can carry scripts and is refused like any non-image.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_BYTES", 15 * 1024 * 1024))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 50_000_000))
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "gif": "webp", "bmp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "docx", "odt", "txt", "xlsx", "ods", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = search_backends(os.environ.get("SEARCH_URL", ""), languages=ROLAND_LANGUAGES)
WAGTAILAPI_BASE_URL = os.environ.get("API_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100

# CORS: only the API, read-only; allowed origins come from each site's settings (cms.cors).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "authorization",
    "x-api-key",
    "if-none-match",
    "if-modified-since",
]
CORS_EXPOSE_HEADERS = [
    "x-request-id",
    "content-language",
    "etag",
    "last-modified",
    "retry-after",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
]
CORS_PREFLIGHT_MAX_AGE = 3600

# API delivery: rate limits (requests per minute), HTTP and server-side caching.
API_RATE_LIMIT_ANONYMOUS = int(os.environ.get("API_RATE_LIMIT_ANONYMOUS", 120))
API_RATE_LIMIT_KEYED = int(os.environ.get("API_RATE_LIMIT_KEYED", 1200))
API_RATE_LIMIT_WINDOW = 60
# Name of the header a trusted reverse proxy sets to the client address (e.g. X-Forwarded-For);
# empty: the socket address counts. Only set it behind a proxy that overwrites the header. The same
# address counts for the sign-in lockouts (cms.core.addresses).
API_TRUSTED_PROXY_HEADER = os.environ.get("API_TRUSTED_PROXY_HEADER", "")
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", 60))
API_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("API_CACHE_STALE_WHILE_REVALIDATE", 300))
# Server-side response cache lifetime; publishing invalidates earlier, this bounds time-driven
# changes (an event that ends, a shop that closes).
API_CACHE_SERVER_SECONDS = int(os.environ.get("API_CACHE_SERVER_SECONDS", 60))
# Bulk exports (/api/v1/export/): items built per chunk (SQL per chunk, memory flat), and how long one
# ETag stands for an export besides publishing (time-driven fields: open now, upcoming events).
EXPORT_CHUNK_SIZE = int(os.environ.get("EXPORT_CHUNK_SIZE", 200))
EXPORT_REFRESH_SECONDS = int(os.environ.get("EXPORT_REFRESH_SECONDS", 900))
# Kiosk players ask for their feed this often (seconds; at most their refresh interval) with
# If-None-Match: an urgent notice reaches every online screen within it plus a second, and an
# unchanged feed costs a 304 from the answer cache (no SQL).
KIOSK_POLL_SECONDS = int(os.environ.get("KIOSK_POLL_SECONDS", 10))
# How long a process may use the version counters it read from the database (cms.core.versions): the
# longest a change made in another process can go unseen here. At most one second by contract.
VERSIONS_MEMORY_SECONDS = min(float(os.environ.get("VERSIONS_MEMORY_SECONDS", 1.0)), 1.0)
# A CDN in front of the API is purged on publish (cms.cdn) when one of these is configured.
WAGTAILFRONTENDCACHE: dict[str, dict[str, str]] = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx, Squid: HTTP PURGE requests
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")


# Events: occurrences are materialised this many days ahead on publish.
ROLAND_OCCURRENCE_HORIZON_DAYS = int(os.environ.get("OCCURRENCE_HORIZON_DAYS", 548))
# Headless preview: a preview token opens its draft for this many seconds after the editor asked for
# the preview (the website's preview page comes from each site's settings).
ROLAND_PREVIEW_TOKEN_SECONDS = int(os.environ.get("PREVIEW_TOKEN_SECONDS", 3600))
# Coordinates outside this box (lat/lng) earn the editor a warning, not an error.
# Slugs in ASCII, German umlauts transliterated (cms.core.slugs): "Café am Roland" → "cafe-am-roland".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
ROLAND_REGION_BOUNDS = (51.9, 11.0, 52.6, 11.9)
# The map picker's tiles in the admin (Leaflet URL template); empty: the map shows without tiles
# (development, tests). production.py defaults to OpenStreetMap's. Its host is allowed in img-src.
ROLAND_MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
ROLAND_MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
# The most places one `pois.geojson` answer carries; more matches are a 400 asking for a bbox.
ROLAND_GEOJSON_CAP = int(os.environ.get("GEOJSON_CAP", 5000))
ROLAND_HOLIDAY_SUBDIVISION = ("DE", "ST")

# Operations: /metrics for a monitoring system that presents METRICS_TOKEN (`Authorization: Bearer`)
# or calls from METRICS_ALLOWED_NETWORKS (CIDRs, comma-separated; the address as for rate limits);
# with neither it answers 404. Several processes per host share counters through
# PROMETHEUS_MULTIPROC_DIR (cms.core.metrics; README, *Metrics*).
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = env_list("METRICS_ALLOWED_NETWORKS")

# Logs: LOG_FORMAT=json (the container stack, production) writes one JSON object a line; plain text
# otherwise (`make run`). Every line carries the request id (cms.core.logs, cms.observability).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain").strip().lower()
if LOG_FORMAT not in {"plain", "json"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'plain' or 'json'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cms.core.logs.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {"()": "cms.core.logs.JsonLogFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Web processes only queue tasks; `manage.py worker` logs each run at its own level (-v).
        "django_tasks": {"level": "WARNING"},
        # Failed sign-ins and lockouts are warnings; axes' start-up and clean-up notes are not needed.
        "axes": {"level": "WARNING"},
        # The access line of each request (cms.observability); runserver logs its own as well.
        "roland.access": {"level": os.environ.get("ACCESS_LOG_LEVEL", "INFO")},
    },
}
