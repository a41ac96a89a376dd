"""A whole-page cache for anonymous visitors of public Wagtail pages, invalidated on every content change.

Only responses that Wagtail's page serving produced are stored (the `before_serve_page` hook in
valoa/wagtail_hooks.py marks the request), so team spaces (/tiimi/), forms' POST handlers, the search, the
admin and previews never are, whatever their URL. On top of that a response is never stored when it sets a
cookie, used the CSRF token (a form), varies by the logged-in user, or asks not to be cached; and a request
that carries a session cookie (an editor, a password-protected page) always goes to the application.

Invalidation is one site-wide *generation*: every stored entry remembers the generation it was made in, and
a publish, unpublish, move or delete of any page, or a change to a snippet, an image or a site setting, sets a
new generation (see `bump_generation`). The next request of every page misses and renders fresh content, on
every app server, because the generation lives in the shared cache (Redis in production). Page views vastly
outnumber edits, so invalidating everything on an edit costs little and is always correct: a page shows other
pages' titles in menus, listings and breadcrumbs, and tracking those dependencies is where page caches go
stale.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import cc_delim_re

GENERATION_KEY = "valoa:page-cache:generation"
ENTRY_KEY_PREFIX = "valoa:page-cache:page:"
CACHEABLE_MARK = "_valoa_page_cacheable"
# The generation read for this request, shared with valoa/chrome_cache.py (no second cache read).
GENERATION_ATTR = "_valoa_cache_generation"
# Paths no response is ever served from or stored to, whatever else holds.
NEVER_CACHED_PREFIXES = ("/admin/", "/django-admin/", "/tiimi/", "/palaute/lomake/", "/haku/")


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def bump_generation(**kwargs) -> None:
    """Make every stored page stale. Usable directly as a signal receiver."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def current_generation():
    """The current generation, started when there is none (as the middleware does on a miss)."""
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def mark_cacheable(request) -> None:
    setattr(request, CACHEABLE_MARK, True)


def _entry_key(request) -> str:
    # The host is part of the key: several Wagtail sites could share one cache.
    return f"{ENTRY_KEY_PREFIX}{request.get_host()}{request.get_full_path()}"


def request_may_use_cache(request) -> bool:
    if request.method != "GET" or not enabled():
        return False
    if request.path.startswith(NEVER_CACHED_PREFIXES):
        return False
    # A session means an editor (previews, edit bird) or a visitor who opened a password-protected page.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def response_may_be_stored(request, response) -> bool:
    if not getattr(request, CACHEABLE_MARK, False) or response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page rendered a form with a CSRF token
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & {"private", "no-store", "no-cache"}:
        return False
    # A Content-Security-Policy nonce would be stale in a stored copy.
    return not getattr(request, "_csp_nonce", None)


class PageCacheMiddleware:
    """Serve and store whole pages; sits above the session, CSRF and auth middleware so a hit skips them."""

    HEADER = "X-Page-Cache"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_may_use_cache(request):
            return self.get_response(request)
        cache = _cache()
        key = _entry_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if generation is None:
            # First request after a flush or an eviction: start a generation (add: the first server wins).
            cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
            generation = cache.get(GENERATION_KEY)
        elif entry is not None and entry[0] == generation:
            return self._rebuild(entry)
        setattr(request, GENERATION_ATTR, generation)

        response = self.get_response(request)
        if generation is not None and response_may_be_stored(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            headers = [(k, v) for k, v in response.items() if k.lower() not in {"set-cookie", "date"}]
            cache.set(
                key,
                (generation, response.status_code, headers, response.content),
                getattr(settings, "PAGE_CACHE_TIMEOUT", 3600),
            )
            response[self.HEADER] = "miss"
        return response

    def _rebuild(self, entry):
        from django.http import HttpResponse

        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[self.HEADER] = "hit"
        return response
