"""A team's pages rendered once per revision of its space and shared by its members
(docs/decisions/017-team-pages-by-revision.md).

Team pages are private: no front cache may keep them, so every member of a meeting who opens the plan, the
results or the space pays the whole page. Yet between two changes every member sees the same page. So:

- **The revision.** Every request that may change data (any method but GET, HEAD, OPTIONS and TRACE) and found
  a team space through a secret link (`secret_links.find`, which notes the spaces it found: the space itself,
  a round's or a session's) raises that space's `revision` once its view has returned, so after the change was
  committed (`SpaceRevisionMiddleware`). No write path has to remember to do it: a new view that finds its
  space the way every team view must is covered.
- **The page.** A GET view wrapped in `cached_team_page` is looked up under a key naming the space, its revision,
  the site chrome's generation (one per host and language, forgotten on every publish, so a renamed tool or an
  edited assessment shows at once), the day and the full address. A miss runs the view and stores the rendered page; a
  hit costs the space's lookup and one cache read. A page that holds anything of one member (a pending message,
  an editor's user bar, the view's own `bypass`) is neither read from nor stored in the cache.
- **CSRF.** Forms in a shared page cannot carry one member's token: the page is rendered with a placeholder in
  the token's place, and each response gets its reader's own token (`get_token`, which also sets the cookie).

Races are harmless by order: a reader reads the revision before the data, and a writer raises it after its data
is committed, so a page stored under a revision never shows less than that revision's data. Redis down is a
miss (the project's cache aliases ignore errors); a revision that could not be raised (the database gone after
the write) leaves the old page at most `TIMEOUT`.
"""

from __future__ import annotations

import hashlib
import logging
import re
from functools import cache as memoize
from functools import wraps

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from toolkit.team import services
from toolkit.team.secret_links import get_space, space_ids_found
from valoa.pages.chrome import site_chrome

logger = logging.getLogger(__name__)

KEY_PREFIX = "valoa:team-page"
# Raise when what is cached changes shape; a release whose team templates changed need not: see decision 017.
VERSION = 1
# A bound should a revision fail to be raised; a page viewed again within it costs one cache read.
TIMEOUT = 600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# The hidden input of `{% csrf_token %}`, whatever context rendered it.
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@memoize
def csrf_placeholder() -> str:
    """What a cached page holds where a member's CSRF token goes: the same in every process, and no one can
    write it into an answer to have another member's token put there (it is derived from SECRET_KEY)."""
    return "csrf-" + salted_hmac("toolkit.team.page_cache", "csrf placeholder").hexdigest()


def page_key(request, space) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return ":".join(
        [
            KEY_PREFIX,
            str(VERSION),
            str(space.pk),
            str(space.revision),
            # The chrome of this host and language: a publish (a renamed tool, an edited assessment) forgets it.
            site_chrome(request).generation,
            # The day: what a view counts once a day (usage figures) or dates by today is counted and dated
            # again on the day's first view.
            timezone.localdate().isoformat(),
            address,
        ]
    )


def _personal(request) -> bool:
    """Whether this request's page may hold something of this reader alone: a message waiting to be shown
    (`len` does not mark it shown) or a signed-in editor's user bar."""
    return bool(len(get_messages(request))) or request.user.is_authenticated


def shareable(html: str) -> bool:
    """Whether every CSRF input of a rendered page holds the placeholder. A part rendered in a context of its
    own (not the page's: `render_to_string` with the request) would hold this member's real token, which no
    other member may be given: such a page is served but not stored."""
    return all(value == csrf_placeholder() for value in CSRF_INPUT.findall(html))


def _with_token(request, html: str) -> str:
    return html.replace(csrf_placeholder(), get_token(request))


def cached(request, space) -> HttpResponse | None:
    """The page this GET request asks for, from the cache, filled with the reader's token; None when the page
    may be the reader's own or is not in the cache (the view then renders it, and `store` keeps it)."""
    if request.method != "GET" or _personal(request):
        return None
    html = cache.get(page_key(request, space))
    return HttpResponse(_with_token(request, html)) if isinstance(html, str) else None


def store(request, space, response):
    """Keep the page a view answered for the space's other members, when it may be shared: a GET's 200 from a
    template, for no reader in particular. The response is rendered here (with the reader's token)."""
    if (
        request.method != "GET"
        or not isinstance(response, SimpleTemplateResponse)
        or response.is_rendered
        or response.status_code != 200
        or _personal(request)
    ):
        return response
    response.context_data = {**(response.context_data or {}), "csrf_token": csrf_placeholder()}
    response.render()
    html = response.content.decode(response.charset)
    if shareable(html):
        cache.set(page_key(request, space), html, TIMEOUT)
    else:
        logger.warning(
            "A team page holds a CSRF token of its own and was not cached: %s", request.resolver_match
        )
    response.content = _with_token(request, html)
    return response


def cached_team_page(view=None, *, bypass=None):
    """Serve a team GET view `view(request, token, ...)` from the cache by its space's revision.

    `bypass(request, token)`: true when this request's page is the reader's own (the space's link shown once
    to its creator). Wrap in `team_view` (outermost), so that an unknown token gets the team's 404.
    """

    def decorate(view):
        @wraps(view)
        def wrapper(request, token: str, *args, **kwargs):
            if request.method != "GET" or (bypass and bypass(request, token)):
                return view(request, token, *args, **kwargs)
            space = get_space(request, token)
            hit = cached(request, space)
            if hit is not None:
                return hit
            return store(request, space, view(request, token, *args, **kwargs))

        return wrapper

    return decorate(view) if view is not None else decorate


class SpaceRevisionMiddleware:
    """After a request that may have changed a team's data, raise the revision of the spaces it found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            space_ids = space_ids_found(request)
            if space_ids:
                try:
                    services.team_spaces_revise(space_ids=space_ids)
                except DatabaseError as error:
                    # The database went away: the view has already answered (a 503 while it is unreachable:
                    # valoa/operations/outage.py), and whatever it saved shows once the entries expire (TIMEOUT).
                    # A warning, not a traceback: the outage is logged where it is answered.
                    logger.warning("A team space's revision could not be raised: %s", error)
        return response
