"""Settings for the quality management portal, read from the environment.

Every value that differs between a laptop and production comes from an environment
variable (or a `.env` file beside manage.py). The defaults are development defaults;
there is no production secret default: with DEBUG off, SECRET_KEY must be given.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A development checkout keeps its settings in .env (made by `make run` from .env.example);
# real environment variables always win. QMS_ENV_FILE="" reads none.
ENV_FILE = environ.Env().str("QMS_ENV_FILE", default=str(BASE_DIR / ".env"))
if ENV_FILE and Path(ENV_FILE).is_file():
    env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-development-only-key-do-not-use-in-production")
else:
    SECRET_KEY = env.str("SECRET_KEY")  # required: raises ImproperlyConfigured when missing

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "treebeard",
    "guardian",
    "qms.vendor_apps.AxesConfig",  # django-axes, named in the reader's language
    "simple_history",
    "csp",
    "qms",
    "policies",
    "processes",
    "audits",
    "admissions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "qms.middleware.UserLanguageMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # AxesMiddleware should be the last middleware in the list.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "qms.urls"
WSGI_APPLICATION = "qms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "qms.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    # A connection broken by a database restart is noticed and replaced on the next request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT compilation: the dashboard's queries are estimated expensive enough to be compiled,
    # which took 46 ms of a 57 ms query at scale 1 (docs/operations.md); pages want plain plans.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, cache and Celery ------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Without REDIS_URL tasks run eagerly in the web process, so nothing else has to be started.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True  # results live in our own models, not in a result backend
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="qms")
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=540)
# A task is acknowledged only when it has finished, so a crashed worker's task runs again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker whose broker went away keeps trying to reconnect (every 30 s at most), however long
# the outage, instead of giving up after 100 tries (about 45 minutes) and exiting.
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# On a lost broker connection a running task goes on (Celery 6 will cancel it by default): it is
# redelivered after the visibility timeout and, every task being idempotent, then does nothing.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "socket_connect_timeout": 3, "socket_timeout": 5}
# A request that queues a task while the broker is down fails after a few seconds, not minutes.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
#: The longest a report may take to build in a worker (seconds).
REPORT_TIME_LIMIT = env.int("REPORT_TIME_LIMIT", default=900)
# A worker refreshes a build's heartbeat this often; a build not heard of for REPORT_STALE_SECONDS
# is taken back from its (dead) worker and queued again.
REPORT_HEARTBEAT_SECONDS = env.int("REPORT_HEARTBEAT_SECONDS", default=10)
REPORT_STALE_SECONDS = env.int("REPORT_STALE_SECONDS", default=60)
# Reports may go to their own queue (and workers: `celery worker -Q <queue>`), so that a long
# report never delays reminders; empty means the default queue.
REPORT_QUEUE = env.str("REPORT_QUEUE", default="")
# Each entry is described for people in qms/schedule.py (the quality officer's page of
# scheduled jobs lists them with their last run). Every job is idempotent and catches up late.
CELERY_BEAT_SCHEDULE = {
    # Report requests recorded while the queue was down are sent; builds of dead workers resume.
    "qms-reports-recover": {
        "task": "qms.tasks.reports_recover",
        "schedule": timedelta(minutes=1),
    },
    "qms-notification-digest": {
        "task": "qms.tasks.notification_digest",
        "schedule": timedelta(hours=24),
    },
    "clear-expired-sessions": {
        "task": "qms.tasks.clear_expired_sessions",
        "schedule": timedelta(hours=24),
    },
    "policies-review-sweep": {
        "task": "policies.tasks.review_sweep",
        "schedule": timedelta(hours=24),
    },
    "policies-acknowledgement-reminders": {
        "task": "policies.tasks.acknowledgement_reminders",
        "schedule": timedelta(hours=24),
    },
    "processes-measurement-sweep": {
        "task": "processes.tasks.measurement_sweep",
        "schedule": timedelta(hours=24),
    },
    "processes-review-sweep": {
        "task": "processes.tasks.review_sweep",
        "schedule": timedelta(hours=24),
    },
    "audits-action-escalation": {
        "task": "audits.tasks.action_escalation",
        "schedule": timedelta(hours=24),
    },
    "audits-management-review-reminder": {
        "task": "audits.tasks.management_review_reminder",
        "schedule": timedelta(hours=24),
    },
    # Hourly, so that the places of those who did not enrol are freed soon after the deadline.
    "admissions-enrolment-sweep": {
        "task": "admissions.tasks.enrolment_sweep",
        "schedule": timedelta(hours=1),
    },
}
# The management review of a year is due by this day of that year (MM-DD), unless the review's
# meeting date is set; the quality officers are reminded from 30 days before, and when it is late.
MANAGEMENT_REVIEW_DUE = env.str("MANAGEMENT_REVIEW_DUE", default="12-15")

# --- Authentication ---------------------------------------------------------------------
AUTH_USER_MODEL = "qms.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-guardian: no anonymous user row; object permissions are for signed-in people.
ANONYMOUS_USER_NAME = None

# django-axes: a few failures for one username from one address lock that pair for a while.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "qms.views.auth.lockout"
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0) or None

# --- Internationalisation ---------------------------------------------------------------
# The portal's default: what a visitor sees when the browser asks for none of LANGUAGES, and the
# language of e-mails and PDFs for people who have not chosen one.
LANGUAGE_CODE = env.str("LANGUAGE_CODE", default="en")
LANGUAGES = [
    ("en", _("English")),
    ("bg", _("Bulgarian")),
    ("ru", _("Russian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
]
# Ours first (makemessages writes there), then what the third-party apps lack (qms.catalogues).
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}, not {LANGUAGE_CODE!r}")
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
USE_I18N = True
# Dates and numbers per language where Django has no formats (Kazakh) or wrong ones (qms/formats).
FORMAT_MODULE_PATH = ["qms.formats"]
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Sofia")

# --- Files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Applicants' documents: never under a served folder, handed out only by views that check access.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail -------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# The portal's address as people reach it, for links in e-mails.
PORTAL_URL = env.str("PORTAL_URL", default="http://localhost:8000")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="qms@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -----------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)

# Content Security Policy: only our own origin, and no inline script at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- History ------------------------------------------------------------------------------
SIMPLE_HISTORY_REVERT_DISABLED = True

# --- Logging ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}, "axes": {"level": "WARNING"}},
}
