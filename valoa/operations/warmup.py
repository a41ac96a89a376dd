"""What a new app server process loads before its first request, not during it.

Django imports the URLconf, reads the translation catalogues and compiles templates lazily, on the first
request that needs them: each new worker (after a deploy, a restart, a recycled worker) answered its first
requests 150–450 ms late, all of them at once when a meeting's screens reconnected together. `warm_up()` does
that work when the WSGI application is created (valoa/wsgi.py), with Django's public API only: the same
objects, cached as the first request would have cached them.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

logger = logging.getLogger(__name__)

# The templates nearly every page renders (the site's frame and its parts); the others compile on first use.
FRAME_TEMPLATES = (
    "base.html",
    "base_bare.html",
    "components/main_nav.html",
    "components/language_switcher.html",
    "components/footer.html",
    "components/breadcrumbs.html",
    "components/hreflang.html",
    "components/forms/field.html",
    "toolkit/team/base.html",
)


def warm_up() -> float:
    """Import every URLconf, read each language's catalogues and compile the frame's templates. Returns the
    seconds it took. Never fails the process: a missing template is logged and skipped (the page itself will
    say so on its request)."""
    started = time.monotonic()
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every included one
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            str(name)  # translating the language's name reads its catalogues (Django's and every app's)
    for name in FRAME_TEMPLATES:
        try:
            get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):
            logger.warning("Warm-up could not load the template %s.", name, exc_info=True)
    return time.monotonic() - started
