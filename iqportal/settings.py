"""
IQ Portal settings, configured by environment variables or a .env file (see iqportal/env.py and .env.example).

Development: DEBUG=1 (the .env that `make run` writes) gives a local setup with an SQLite file and a fixed dev key.
Production (DEBUG unset): SECRET_KEY and ALLOWED_HOSTS must be set, or the process refuses to start.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from iqportal.env import BASE_DIR, load_env_file
from iqportal.paths import HEALTH_CHECK, route

load_env_file()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    """An integer from the environment; unset or empty means the default."""
    value = os.environ.get(name, "").strip()
    try:
        return int(value or default)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_float(name, default):
    """A number of seconds (or other decimal) from the environment; unset or empty means the default."""
    value = os.environ.get(name, "").strip()
    try:
        return float(value or default)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see .env.example).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off (see .env.example).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "iqportal.views.csrf_failure"

SITE_ID = 1
# The public host name: written with the site's name into the Site record after every migrate (iqportal/sites.py);
# the sitemap, the CMS toolbar and the links in e-mails use it.
SITE_DOMAIN = os.environ.get("SITE_DOMAIN", "").strip()

INSTALLED_APPS = [
    "djangocms_simple_admin_style",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_versioning",
    "djangocms_alias",
    "djangocms_text",
    "djangocms_link",
    "filer",
    "easy_thumbnails",
    "parler",
    "import_export",
    "django.contrib.postgres",  # full-text search and trigram lookups of the site search (no effect on SQLite)
    # Security: CSP header, login throttling, two-factor login for editors
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # IQ Portal
    "iqportal",
    "programme",
    "landesnetzwerke",
    "landesnetzwerke.lotse",
    "landesnetzwerke.projects",
    "fachstellen",
    "programme.news",
    "programme.events",
    "programme.publications",
    "programme.subscriptions",
    "programme.search",
]

MIDDLEWARE = [
    "iqportal.middleware.request_id.RequestIDMiddleware",
    "iqportal.middleware.apphook_reload.ApphookReloadMiddleware",  # django CMS's, lighter
    "iqportal.middleware.database_outage.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "iqportal.middleware.response_headers.ResponseHeadersMiddleware",  # CORP, a clean Vary
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "iqportal.middleware.content_security_policy.ContentSecurityPolicyMiddleware",
    "iqportal.middleware.http_methods.HTTPMethodMiddleware",  # 405 for unused methods, OPTIONS (CORS preflight)
    "iqportal.middleware.response_cache.AnonymousResponseCacheMiddleware",  # visitors' pages from the cache
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "iqportal.middleware.otp.OTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "iqportal.middleware.toolbar.ToolbarMiddleware",  # django CMS's, skipping machine endpoints
    "iqportal.middleware.language_cookie.LanguageCookieMiddleware",  # django CMS's, not for machine endpoints
    "iqportal.middleware.draft_access.DraftAccessMiddleware",  # drafts in the admin only for their editors
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "iqportal.urls"
WSGI_APPLICATION = "iqportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
                "iqportal.context_processors.site",
            ],
        },
    },
]

# How long a request may take (seconds), whatever the worker class: the bound behind the statement and socket
# timeouts below, and gunicorn's request deadline (gunicorn.conf.py; docs/deployment.md says what is enforced).
REQUEST_TIMEOUT = env_int("REQUEST_TIMEOUT", "30")

# Database: an SQLite file in the project unless DATABASE_URL is set (PostgreSQL via psycopg2).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
# Seconds to wait for PostgreSQL to accept a connection; a request tries once (iqportal/db_backend), then answers 503.
DB_CONNECT_TIMEOUT = env_int("DB_CONNECT_TIMEOUT", "2")
# Seconds one SQL statement may run before PostgreSQL cancels it (0 = no limit): no longer than a request may take.
DB_STATEMENT_TIMEOUT = env_int("DB_STATEMENT_TIMEOUT", str(REQUEST_TIMEOUT))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, connecting at most once per request: a database that is down or hangs costs one timeout.
    DATABASES["default"]["ENGINE"] = "iqportal.db_backend"
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", DB_CONNECT_TIMEOUT)
    if DB_STATEMENT_TIMEOUT > 0:
        DATABASES["default"]["OPTIONS"].setdefault("options", f"-c statement_timeout={DB_STATEMENT_TIMEOUT * 1000}")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory per process by default; Redis (shared by every worker and app host) when REDIS_URL is
# set. Run more than one gunicorn worker or host only with Redis: local-memory caches cannot be invalidated
# across processes, so they fall back to short durations (CMS_CACHE_* below).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, failing fast (iqportal/cache_backends.py): Redis down or hanging means cache
            # misses for CACHE_CIRCUIT_BREAKER_SECONDS after one failed call of at most REDIS_TIMEOUT, never errors.
            "BACKEND": "iqportal.cache_backends.FailFastRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "iqportal"),
            "OPTIONS": {
                "socket_connect_timeout": env_float("REDIS_TIMEOUT", "0.25"),
                "socket_timeout": env_float("REDIS_TIMEOUT", "0.25"),
                "CIRCUIT_BREAKER_SECONDS": env_float("CACHE_CIRCUIT_BREAKER_SECONDS", "30"),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "iqportal",
        }
    }

# Sessions live in the database, which every app host shares; with Redis they are also cached there.
# (Not cached in local memory: a logout on one worker would not reach the cached copy in another.)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", str(8 * 60 * 60))  # an editor's working day

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation
LANGUAGE_CODE = "de"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]

# Content missing in a language falls back to English, then German (never a 404). The visitor stays
# on the URL of the chosen language; templates mark the fallback content with its own lang/dir.
CONTENT_FALLBACKS = ["en", "de"]


def _fallbacks(code):
    return [fallback for fallback in CONTENT_FALLBACKS if fallback != code]


CMS_LANGUAGES = {
    SITE_ID: [{"code": code, "name": name, "public": True, "fallbacks": _fallbacks(code)} for code, name in LANGUAGES],
    "default": {"public": True, "hide_untranslated": False, "redirect_on_fallback": False},
}
PARLER_LANGUAGES = {
    SITE_ID: [{"code": code, "fallbacks": _fallbacks(code)} for code, _name in LANGUAGES],
    "default": {"fallbacks": CONTENT_FALLBACKS, "hide_untranslated": False},
}
PARLER_DEFAULT_LANGUAGE_CODE = "de"

CMS_TEMPLATES = [
    ("content.html", _("Content page")),
    ("home.html", _("Home page")),
]
CMS_PERMISSION = True
# django CMS 5.1's own PageManager trips a forward-looking treebeard check ("will cause an error in
# Treebeard 6"); django CMS pins treebeard < 6, so it does not apply. Not our code: silenced.
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]
# The CMS page cache serves published pages to anonymous visitors without rendering; publishing a page and
# saving an office (iqportal/invalidation.py) invalidate it. Durations in seconds, shorter without Redis.
CMS_PAGE_CACHE = env_bool("CMS_PAGE_CACHE", True)
CMS_PLACEHOLDER_CACHE = env_bool("CMS_PLACEHOLDER_CACHE", True)
CMS_PLUGIN_CACHE = env_bool("CMS_PLUGIN_CACHE", True)
_CMS_CACHE_DEFAULT = "600" if REDIS_URL else "60"
CMS_CACHE_DURATIONS = {
    "content": env_int("CMS_CACHE_CONTENT_SECONDS", _CMS_CACHE_DEFAULT),
    "menus": env_int("CMS_CACHE_MENUS_SECONDS", _CMS_CACHE_DEFAULT),
    "permissions": env_int("CMS_CACHE_PERMISSIONS_SECONDS", _CMS_CACHE_DEFAULT),
}
# Whole responses for anonymous visitors (CMS pages, Lotse searches per normalised query, the open-data
# JSON), served before most middleware; invalidated with the CMS page cache and the directory. 0 = off,
# the default with DEBUG (tests count queries); in production as long as the CMS page cache.
ANONYMOUS_CACHE_SECONDS = env_int("ANONYMOUS_CACHE_SECONDS", "0" if DEBUG else str(CMS_CACHE_DURATIONS["content"]))
CMS_CONFIRM_VERSION4 = True
# No toolbar (with its login form) for visitors who add ?toolbar_on: editors sign in at /<lang>/admin/.
CMS_TOOLBAR_ANONYMOUS_ON = False
DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False
TEXT_INLINE_EDITING = True
# The text editor (djangocms-text's Tiptap) keeps only the markup it knows: the site's paragraph classes are offered
# as block styles, or editing a text drops them. The server keeps class on every element (djangocms-text's sanitizer);
# programme/rich_text.py unwraps the <p> Tiptap puts into list items.
TEXT_EDITOR_SETTINGS = {
    "blockStyles": [
        {"name": _("Lead paragraph"), "element": "p", "attributes": {"class": "lead"}},
        {"name": _("Sample notice"), "element": "p", "attributes": {"class": "sample-notice"}},
    ],
}
# The admin: no check for django CMS updates (a request to pypi.org that the CSP blocks, and nothing an editor can act
# on); the current admin style, without rendering the site's base.html on every admin page to guess it.
CMS_ENABLE_UPDATE_CHECK = False
CMS_LEGACY_STYLE = False

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # S3 below when configured
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

# Media in S3-compatible object storage (several app hosts share it) when a bucket is configured; the
# credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")  # "http:" only for a local trial
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "iqportal.media_storage.MediaS3Storage",  # S3Storage with safe Content-Type/-Disposition
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": AWS_S3_CUSTOM_DOMAIN or None,
            "url_protocol": AWS_S3_URL_PROTOCOL,
            "location": os.environ.get("AWS_LOCATION", ""),
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "max-age=86400"},
        },
    }

# Uploads (django-filer): an allow-list of types and a size limit; SVG is refused (it can carry scripts); the
# content must be the type the name claims, without hidden HTML or PDF scripts; metadata (EXIF, GPS) is stripped
# from images. See iqportal/uploads.py.
FILER_MAX_UPLOAD_SIZE = env_int("FILER_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024))
FILER_UPLOADER_MAX_FILE_SIZE = FILER_MAX_UPLOAD_SIZE  # also checked in the browser before uploading
FILER_MIME_TYPE_WHITELIST = [
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
]
FILER_ADD_FILE_VALIDATORS = {
    mime: ["iqportal.uploads.validate_upload_size", "iqportal.uploads.validate_upload_content"]
    + (["filer.validation.strip_exif"] if mime in ("image/jpeg", "image/png", "image/webp") else [])
    for mime in FILER_MIME_TYPE_WHITELIST
}
# Request bodies outside file uploads (forms, imports) and the size above which uploads go to a temp file.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", str(5 * 1024 * 1024))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Security: safe defaults, stricter when DEBUG is off. docs/deployment.md explains the proxy set-up.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No framing by other sites. The CMS editor frames the site's own pages, so for the admin and logged-in
# staff iqportal.middleware.content_security_policy relaxes this to SAMEORIGIN; the CSP below says
# frame-ancestors 'self' for everybody (browsers that know CSP follow that).
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [rf"^{re.escape(route(HEALTH_CHECK))}$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The preload directive does nothing until the domain is submitted to the browsers' preload list.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", not DEBUG)
if BEHIND_TLS_PROXY:
    # The TLS-terminating proxy must set X-Forwarded-Proto and strip it from client requests.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies in front of the app append to X-Forwarded-For (0: use the socket's address). Used to
# find the client's address for login throttling; a wrong value lets clients forge their address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", "1" if BEHIND_TLS_PROXY else "0")

# Content-Security-Policy (django-csp 4): nothing inline and nothing from other hosts on public pages.
# Editors (admin and logged-in staff) get CONTENT_SECURITY_POLICY_EDITOR on top: the CMS toolbar, the
# structure editor and the text editor need inline scripts and styles. Trade-off: an XSS in the admin or in
# content shown to a logged-in editor is not blocked by CSP; visitors are fully covered.
_MEDIA_SOURCES = env_list("CSP_MEDIA_SOURCES")
if AWS_S3_CUSTOM_DOMAIN:
    _MEDIA_SOURCES.append(f"{AWS_S3_URL_PROTOCOL}//{AWS_S3_CUSTOM_DOMAIN.split('/')[0]}")
elif AWS_STORAGE_BUCKET_NAME and os.environ.get("AWS_S3_ENDPOINT_URL"):
    _MEDIA_SOURCES.append(os.environ["AWS_S3_ENDPOINT_URL"].rstrip("/"))
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_SOURCES],
        "media-src": [SELF, *_MEDIA_SOURCES],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "upgrade-insecure-requests": not DEBUG and SECURE_SSL_REDIRECT,
        "report-uri": os.environ.get("CSP_REPORT_URI") or None,
    },
}
CONTENT_SECURITY_POLICY_EDITOR = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *_MEDIA_SOURCES],
    "worker-src": [SELF, "blob:"],
    "frame-src": [SELF],
}

# Permissions-Policy: the Lotse's "use my location" button needs geolocation on this site; nothing else.
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    **{
        feature: []
        for feature in (
            "accelerometer",
            "autoplay",
            "browsing-topics",
            "camera",
            "display-capture",
            "encrypted-media",
            "gyroscope",
            "hid",
            "idle-detection",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "publickey-credentials-get",
            "screen-wake-lock",
            "serial",
            "usb",
            "xr-spatial-tracking",
        )
    },
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed logins from one address, or for one
# user name, logging in is locked for AXES_COOLOFF_MINUTES, with a page saying so (HTTP 429).
AUTHENTICATION_BACKENDS = [
    "iqportal.auth_backends.AxesBackend",  # first: refuses locked-out logins
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [
    [part.strip() for part in item.split("+")] if "+" in item else item
    for item in env_list("AXES_LOCKOUT_PARAMETERS", "ip_address,username")
]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "iqportal.views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "iqportal.auth_backends.client_ip_address"

# Two-factor login for editors (django-otp, TOTP apps). On by default in production: staff must enter a
# one-time code after the password before any page; without a device they set one up first (QR code).
OTP_REQUIRED_FOR_STAFF = env_bool("OTP_REQUIRED_FOR_STAFF", not DEBUG)
OTP_SELF_ENROLLMENT = env_bool("OTP_SELF_ENROLLMENT", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "IQ Portal")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Resilience: when the database cannot be reached, pages answer 503 with this Retry-After (seconds).
DATABASE_DOWN_RETRY_AFTER = env_int("DATABASE_DOWN_RETRY_AFTER", "30")
# How often (seconds) each process asks the database whether an editor changed an apphook (URL reload).
APPHOOK_RELOAD_INTERVAL = float(os.environ.get("APPHOOK_RELOAD_INTERVAL") or ("0" if DEBUG else "2"))

LOGIN_URL = "admin:login"

# E-mail (the subscriptions' confirmation and welcome mails): SMTP configured by environment variables; with DEBUG
# (`make run`) the mails are printed on the console unless EMAIL_BACKEND says otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", "10")  # seconds: a mail server that hangs must not hang a worker
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or "IQ Portal <noreply@localhost>"
# The subscription form: requests per hour from one client address, and mails per hour to one e-mail address.
SUBSCRIPTION_REQUESTS_PER_IP = env_int("SUBSCRIPTION_REQUESTS_PER_IP", "10")
SUBSCRIPTION_REQUESTS_PER_ADDRESS = env_int("SUBSCRIPTION_REQUESTS_PER_ADDRESS", "3")

# Logging: one JSON object per line with the request id (LOG_FORMAT=json, the production default), or
# readable text for development. Error reporting to Sentry when SENTRY_DSN is set.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'json' or 'text'.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "iqportal.logging.RequestIDFilter"},
    },
    "formatters": {
        "json": {"()": "iqportal.logging.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own console handler would print every record twice.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.db.backends": {"level": "WARNING"},
    },
}

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE") or "0"),
        send_default_pii=False,
    )
