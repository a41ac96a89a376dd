"""The paths whose answers are private, named once for every part of the site that must know them.

Team spaces (their secret links), the forms' handlers and search answer under each language's prefix
(Finnish unprefixed, /sv/…, /en/…: valoa/urls.py); the admin and the health checks once, for every language.
Their answers are never public (valoa/caching/http_cache.py), robots.txt asks crawlers to keep out
(valoa/views.py), team spaces get their privacy headers (toolkit/team/middleware.py) and their tokens are
redacted from logs (valoa/operations/logging.py). The front cache's pass rules (deploy/varnish/default.vcl)
cannot import this module: tests/valoa/test_private_paths.py checks that they agree with it.

A leaf at the bottom of valoa's layers: it imports nothing of the site's.
"""

from __future__ import annotations

from django.conf import settings

# Once for the whole site, whatever the language.
# /live/: the meeting room's WebSocket paths (valoa/live/), behind the same secret links as the team spaces.
SITE_WIDE_PREFIXES = ("/admin/", "/django-admin/", "/health/", "/live/")

# The team spaces' path, and the other private paths that every language has under its own prefix.
TEAM_PATH = "/tiimi/"
PER_LANGUAGE_PATHS = (TEAM_PATH, "/palaute/lomake/", "/haku/")

# "" for the default language (Finnish, unprefixed), then "/sv", "/en", … from settings.LANGUAGES.
LANGUAGE_PREFIXES = (
    "",
    *(f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE),
)


def in_every_language(path: str) -> tuple[str, ...]:
    """The path under each language's prefix: /tiimi/ → /tiimi/, /sv/tiimi/, /en/tiimi/."""
    return tuple(f"{language}{path}" for language in LANGUAGE_PREFIXES)


# Team spaces in every language: /tiimi/, /sv/tiimi/, /en/tiimi/.
TEAM_PREFIXES = in_every_language(TEAM_PATH)
# Every private prefix: the site-wide ones, then each per-language path in every language.
PRIVATE_PREFIXES = (
    *SITE_WIDE_PREFIXES,
    *(prefix for path in PER_LANGUAGE_PATHS for prefix in in_every_language(path)),
)


def is_private(path: str) -> bool:
    """Whether an answer at this path (a request's path, without its query string) is never public."""
    return path.startswith(PRIVATE_PREFIXES)


def is_team_path(path: str) -> bool:
    """Whether the path is in a team space (behind a secret link), in any language."""
    return path.startswith(TEAM_PREFIXES)
