"""Tests: fast hashing, plain static storage, mail in memory. DATABASE_URL picks PostgreSQL."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key-not-secret-" + "x" * 40
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True  # serve from the finders; tests never run collectstatic
WHITENOISE_USE_FINDERS = True
# Rolled-back tests reuse image ids on SQLite: a rendition cached by one test must not leak into the next.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}  # noqa: F405
# Tests log editors in with force_login; the two-factor tests turn this on (tests/valoa/test_two_factor.py).
TWO_FACTOR_REQUIRED = False
# The test database holds the Finnish demo site; the language tests build its Swedish and English versions
# with the demo's translation loader in their own transaction (tests/valoa/test_languages.py).
DEMO_TRANSLATIONS = False
# A test that runs an app server of its own (tests/valoa/test_varnish.py) shares this cache with it, so that a
# publish in the test forgets the server's site chrome and fragments too, as Redis does between app servers.
if os.environ.get("VALOA_TEST_CACHE_DIR"):
    CACHES["default"] = {  # noqa: F405
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["VALOA_TEST_CACHE_DIR"],
    }
