"""Settings for the test suite: the environment's settings with development defaults and a fast
password hasher. DATABASE_URL and REDIS_URL still come from the environment, so `make test` runs
on SQLite alone and CI on PostgreSQL, Redis and a real worker."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-0123456789")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media" / "test"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "media" / "test-private"))  # noqa: F405
