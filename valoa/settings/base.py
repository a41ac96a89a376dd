"""Settings shared by every environment: secure by default, configured from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import redis
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VALOA_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Never a literal key here: production refuses to start without SECRET_KEY (see production.py).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "valoa",
    "toolkit",
    "inspire",
    "feedback",
    "wagtail.contrib.settings",
    # Content in Finnish, Swedish and English (docs/languages.md): wagtail-localize's translation UI, PO
    # export/import and translation memory; its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_ratelimit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Last: connects the front cache's receivers to the models they are for, snippets included, once every other
    # app is ready (valoa/caching/apps.py).
    "valoa.caching.apps.FrontendCacheConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",  # PERMISSIONS_POLICY (security_headers.py)
    "valoa.security.headers.ValoaCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "valoa.caching.http_cache.CacheControlMiddleware",  # sees the cookies the middleware below sets (valoa/caching/http_cache.py)
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL (/, /sv/, /en/: valoa/urls.py), never from a cookie or a header for
    # public pages; the admin follows each editor's own choice (WAGTAILADMIN_PERMITTED_LANGUAGES).
    "valoa.languages.locales.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The two-factor step for admin users: django-otp marks verified sessions, ours redirects the others.
    "django_otp.middleware.OTPMiddleware",
    "valoa.security.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "toolkit.team.middleware.TeamPrivacyMiddleware",
    # After a request that changed a team's data, its space's cached pages are no longer read (decision 017).
    "toolkit.team.page_cache.SpaceRevisionMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Answers a locked-out login (valoa/security/admin_login.py); after auth, as django-axes asks.
    "axes.middleware.AxesMiddleware",
    # Last, so its process_exception sees a view's database error first (503 during an outage: valoa/operations/outage.py).
    "valoa.operations.outage.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "valoa.urls"
WSGI_APPLICATION = "valoa.wsgi.application"
# Django's renderer, with the one-tag inputs and the textarea written in Python (the same markup: valoa/widgets.py).
FORM_RENDERER = "valoa.widgets.PlainWidgetRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Database: DATABASE_URL, else an SQLite file in var/ -------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set (shared by several app servers), else local memory ---------
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_caches(url: str, key_prefix: str) -> dict:
    """The cache aliases on one Redis (django-redis); the site keeps working while it is down.

    Cache errors are misses (IGNORE_EXCEPTIONS); a failed Redis is left alone for a few seconds and logged
    once a minute (REDIS_CLIENT_CLASS); rate limits count in the process meanwhile (valoa/operations/redis_cache.py).
    """
    alias = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            # A dead Redis costs at most this per failure, then RETRY_AFTER seconds' rest.
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 1.0,
            "REDIS_CLIENT_CLASS": "valoa.operations.redis_cache.RestingRedis",
        },
    }
    return {
        "default": alias,
        # The rendition cache keeps image tags off the database after the first view (Wagtail's alias).
        "renditions": {**alias, "KEY_PREFIX": key_prefix + "-r"},
        # django-ratelimit's counters: counted in the process while Redis is down, not misses.
        "ratelimit": {**alias, "BACKEND": "valoa.operations.redis_cache.RedisCounterCache"},
    }


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "valoa"))
    RATELIMIT_USE_CACHE = "ratelimit"
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "valoa"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "valoa-renditions",
        },
    }

# Benchmarks only: an X-Query-Count header on every response (valoa/operations/query_count.py).
if env_bool("QUERY_COUNT_HEADER", False):
    MIDDLEWARE.insert(0, "valoa.operations.query_count.QueryCountHeaderMiddleware")
# Several app servers count the same visitor: the counter lives in the shared cache (Redis).
SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "60/m")
# Behind a load balancer REMOTE_ADDR is the balancer's: name the header it puts the client address in
# (a request.META key, e.g. HTTP_X_REAL_IP). Rate limits and the feedback hash read it the same way.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
RATELIMIT_IP_META_KEY = "valoa.security.client_address.client_address"
# Media from Django itself (a single host or the two-server check, see docs/deploy.md); production serves
# media from object storage or the front web server.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# django-ratelimit counts with atomic cache operations. Redis is atomic and shared (W001 only says it
# is "not officially supported"); local memory is atomic per process, which is what a single dev
# server has, so E003 is silenced only when no Redis is configured.
RATELIMIT_VIEW = "valoa.views.rate_limited"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003"]

# --- The meeting room's live channel (valoa/live/, docs/decisions/008-live-channel.md) -----------------------
# Groups in Redis when REDIS_URL is set (every app server's screens meet there), else in the process's memory
# (`make run` serves everything from one process). Short timeouts: a save never waits long on a hung Redis,
# its screens poll instead (valoa/live/publishing.py).
ASGI_APPLICATION = "valoa.asgi.application"
LIVE_ROUTES = ["toolkit.live_urls.websocket_urlpatterns"]


def redis_channel_layers(url: str, prefix: str) -> dict:
    """The live channel's groups on one Redis (channels-redis pub/sub)."""
    host = {
        "address": url,
        "socket_connect_timeout": 0.5,
        "socket_timeout": 1,
        # Publishing reuses one connection per process (valoa/live/publishing.py): after a Redis restart its
        # next command meets a closed socket and is sent again once on a new connection. A refused connect
        # fails again at once; a timeout is never retried, so a hung Redis costs one socket timeout.
        "retry_on_error": [redis.ConnectionError],
    }
    return {
        "default": {
            # Redis pub/sub: one PUBLISH per message, each live server subscribed once per group it has screens
            # in. Nothing is queued for a screen that is away: it catches up from the server's state.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [host], "prefix": prefix},
        }
    }


if REDIS_URL:
    CHANNEL_LAYERS = redis_channel_layers(REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "valoa") + ":live")
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# After a failed send, publishing rests this many seconds before trying Redis again (screens poll meanwhile).
LIVE_RETRY_SECONDS = int(os.environ.get("LIVE_RETRY_SECONDS", "15"))

# --- Team spaces (/tiimi/): retention and limits on guessing ---------------------------------------------
# Spaces unused this many months are deleted by `manage.py purge_inactive_team_spaces` (privacy notice).
TEAM_SPACE_RETENTION_MONTHS = int(os.environ.get("TEAM_SPACE_RETENTION_MONTHS", "24"))
# Per client IP: unknown team links answered before further lookups get 429, and new spaces created.
TEAM_TOKEN_MISS_RATE = os.environ.get("TEAM_TOKEN_MISS_RATE", "20/h")
TEAM_SPACE_CREATE_RATE = os.environ.get("TEAM_SPACE_CREATE_RATE", "30/h")

# --- Passwords, sessions ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# --- Admin login throttling (django-axes; valoa/security/lockouts.py, docs/security.md) --------------------------
# Failures (wrong passwords, and wrong codes in the two-factor step) are counted in the database, so a lockout
# holds on every app server. By account and address together: an editor's typos lock that account from that
# address only, never the colleagues behind the same office address. Against password spraying, a whole address
# is locked once its failures on all accounts together reach LOGIN_ADDRESS_FAILURE_LIMIT (LockoutHandler).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "valoa.security.lockouts.LockoutHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
# Off: the count is cleared when the whole sign-in succeeds, after the two-factor code (lockouts.py).
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "valoa.security.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "valoa.security.admin_login.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful login's address: failures are enough
# Two-factor sign-in (TOTP with django-otp; valoa/security/two_factor.py): when on, every user who can open the
# admin (superusers, Editors, Moderators) enrols an authenticator app and gives its code after the
# password. dev.py turns it off unless TWO_FACTOR_REQUIRED=1; production keeps it on.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "VALOA"  # the name the authenticator app shows
# The admin's password-reset form, per client address and per email address (django-ratelimit).
PASSWORD_RESET_RATE = os.environ.get("PASSWORD_RESET_RATE", "5/h")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Language: Finnish first; Swedish and English follow through the same machinery -----------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("suomi")), ("sv", _("ruotsi")), ("en", _("englanti"))]
# Content languages (Wagtail locales): Finnish unprefixed at /, Swedish under /sv/, English under /en/.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
# A new translation starts as a draft even when its source is live (wagtail-localize would publish the untranslated
# copy at once): it goes live through its section's workflow (valoa/languages/translating.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The admin's own language follows each editor's account setting, among these.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fi", "suomi"), ("sv", "svenska"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
# Dates and times as each language writes them (valoa/formats/<language>/formats.py over Django's own).
FORMAT_MODULE_PATH = ["valoa.formats"]
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security headers: the CSP, the permissions policy, security.txt (valoa/settings/security_headers.py) -
from .security_headers import *  # noqa: E402, F403

# --- Email ----------------------------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "VALOA <valoa@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ----------------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "VALOA"
# The public address of the site, written into Wagtail's Site record by `load_demo_content` (run by
# `make run`/`make demo`): canonical URLs, og:url and the sitemap use it. Port 443 makes the URLs https://.
SITE_HOSTNAME = os.environ.get("SITE_HOSTNAME") or "127.0.0.1"
SITE_PORT = int(os.environ.get("SITE_PORT") or "8000")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would call out to wagtail.io
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatar requests from the admin
# New pages' slugs in plain ASCII (ä→a, ö→o, å→a) like the demo's: no "%C3%B6" in shared links.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Autosave is off unless set (milliseconds): Wagtail 8 has one interval for the add and the edit form, and on the
# add form it turned abandoned, half-filled forms into draft pages (docs/page-tree.md).
WAGTAIL_AUTOSAVE_INTERVAL = int(os.environ.get("WAGTAIL_AUTOSAVE_INTERVAL", "0"))
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "pptx", "odp", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
# The upload and edit forms say that the description is the alt text (valoa/editing/image_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "valoa.editing.image_forms.ImageForm"
# The upload form advises on accessible PDFs (valoa/editing/document_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "valoa.editing.document_forms.DocumentForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if IS_POSTGRES:
    # Stemming for Finnish: "työkaluja" finds "työkalu". Swedish and English pages are indexed and searched
    # with their own configurations (valoa/search/pages.py, SEARCH_CONFIGS).
    WAGTAILSEARCH_BACKENDS["default"] = {"BACKEND": "valoa.search.backend", "SEARCH_CONFIG": "finnish"}
# `load_demo_content` builds the demo's Swedish and English versions from its PO catalogues (docs/demo-content.md).
DEMO_TRANSLATIONS = env_bool("DEMO_TRANSLATIONS", True)
# PostgreSQL text search configuration per content language (docs/languages.md).
SEARCH_CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}

# --- Logging: to the console, where the process manager collects it ----------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_team_tokens": {"()": "valoa.operations.logging.RedactTeamTokensFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact_team_tokens"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Filters on the logger run before any handler, Django's own console handler included.
    # uvicorn (`make run`, the live servers) logs every WebSocket's path, which holds the team's token.
    "loggers": {
        logger: {"filters": ["redact_team_tokens"]}
        for logger in ("django.request", "uvicorn.error", "uvicorn.access")
    },
}


def require_env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


# --- Feedback (feedback/): moderators' notice, spam defences, retention (see docs/feedback.md) ---------
FEEDBACK_MODERATOR_EMAILS = env_list("FEEDBACK_MODERATOR_EMAILS")
FEEDBACK_MIN_FILL_SECONDS = float(os.environ.get("FEEDBACK_MIN_FILL_SECONDS") or "3")
FEEDBACK_SUBMIT_RATE = os.environ.get("FEEDBACK_SUBMIT_RATE") or "5/10m"
FEEDBACK_RETENTION = {
    "DELETE_REJECTED_AFTER_DAYS": int(os.environ.get("FEEDBACK_DELETE_REJECTED_AFTER_DAYS") or "30"),
    "ERASE_PERSONAL_DATA_AFTER_DAYS": int(os.environ.get("FEEDBACK_ERASE_PERSONAL_DATA_AFTER_DAYS") or "183"),
}

# --- Front cache (Varnish, deploy/varnish/; docs/deploy.md) ----------------------------------------------
# Public pages for anonymous visitors: browsers keep them HTTP_CACHE_MAX_AGE seconds (a purge cannot reach a
# browser, so this stays short), the front cache HTTP_CACHE_S_MAXAGE seconds (purged on publish); for
# HTTP_CACHE_STALE_WHILE_REVALIDATE seconds after that it may answer with the old copy while it fetches anew.
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", "60"))
HTTP_CACHE_S_MAXAGE = int(os.environ.get("HTTP_CACHE_S_MAXAGE", str(60 * 60)))
HTTP_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("HTTP_CACHE_STALE_WHILE_REVALIDATE", "30"))
# Where purges go: the Varnish instances in front of the app servers, comma-separated (their VCL accepts
# PURGE/BAN from the app servers' addresses only). Unset: nothing is purged (no front cache).
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = {
    f"varnish{n}": {"BACKEND": "valoa.caching.frontend_cache.VarnishBackend", "LOCATION": url}
    for n, url in enumerate(FRONTEND_CACHE_URLS, start=1)
}
