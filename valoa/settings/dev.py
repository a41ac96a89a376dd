"""Local development: debug on, mail to the console, any host."""

import contextlib
import os
import secrets
import warnings

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]

# A per-checkout key kept in var/ so sessions survive restarts; never committed, never used in production.
_key_file = VAR_DIR / "dev-secret-key"
if not os.environ.get("SECRET_KEY"):
    if not _key_file.exists():
        _key_file.write_text(secrets.token_urlsafe(50))
    SECRET_KEY = _key_file.read_text().strip()

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# WhiteNoise serves static/ and the apps' files straight from their folders, DEBUG on or off (`make run`
# turns it off), so no collectstatic is needed locally; rescanning on every request only while debugging.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# `make run` logs straight in with the printed password; TWO_FACTOR_REQUIRED=1 tries the two-factor step.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403

# `make run` serves the pages through the ASGI application (valoa/asgi.py): WhiteNoise's static files are
# synchronous file iterators, which Django then reads in a thread and says so on every file. Harmless here;
# production serves the pages (and static files) from the WSGI application (docs/deploy.md).
warnings.filterwarnings("ignore", message="StreamingHttpResponse must consume synchronous iterators")
