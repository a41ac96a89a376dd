"""What every page's chrome shows (the site, its menu, the footer's contact settings), kept in process memory.

Listings use it too for lists that change only with content: the recommended tools per phase (home,
Aloita), the finder's facets and Innostu's filter choices (`chrome_cache.get(request, key, build)`).

These change only when content changes, yet fetching them cost every uncached request three queries and about
4–5 ms of CPU (ORM query building). They are kept per app process and thrown away whenever the page cache's
*generation* (valoa/page_cache.py) changes: a new one is set on every publish, unpublish, move or delete of a
page, on any saved page, snippet, image, site, site setting or page view restriction, at once and again when
the transaction commits. The generation lives in the shared cache (Redis), so every process on every server
sees the change at its next request; the page cache's middleware has usually read it already for the request,
otherwise it costs one cache read.

On when the default cache is shared (`CHROME_CACHE_ENABLED`, default: `REDIS_URL` is set): with per-process
local memory another process's publish could not reach this process. Objects handed out are copies, so
nothing a request sets on them (Wagtail's settings keep the request) outlives the request.
"""

from __future__ import annotations

import copy

from django.conf import settings

from valoa import page_cache

# (generation, entries): replaced as a whole, so a thread still holding the old pair writes only into the old
# entries, never a stale value into the new generation's.
_current: tuple = (None, {})


def enabled() -> bool:
    return getattr(settings, "CHROME_CACHE_ENABLED", False)


def generation(request):
    generation = getattr(request, page_cache.GENERATION_ATTR, None)
    if generation is None:
        generation = page_cache.current_generation()
        setattr(request, page_cache.GENERATION_ATTR, generation)
    return generation


def get(request, key, build):
    """The value for `key` in this generation, built with `build()` when missing; `build()` alone when off."""
    if request is None or not enabled():
        return build()
    current_generation = generation(request)
    if current_generation is None:  # no generation yet (flushed cache): nothing to key on
        return build()
    global _current
    current = _current
    if current[0] != current_generation:
        current = _current = (current_generation, {})
    entries = current[1]
    if key not in entries:
        entries[key] = build()
    return entries[key]


def clear() -> None:
    global _current
    _current = (None, {})


def find_site(request):
    """`Site.find_for_request`, with the site looked up once per host and generation."""
    from wagtail.models import Site

    if request is None or hasattr(request, "_wagtail_site") or not enabled():
        return Site.find_for_request(request)
    site = get(
        request, ("site", request.get_host(), request.get_port()), lambda: Site.find_for_request(request)
    )
    # Wagtail caches the site on the request under this (documented) attribute; everything after reads it.
    request._wagtail_site = copy.copy(site) if site is not None else None
    return request._wagtail_site


def site_setting(request, model):
    """`model.for_request(request)` (a site setting), fetched once per site and generation."""
    site = find_site(request)
    if site is None:
        return None  # no site answers this host: the footer shows no contact details
    if not enabled():
        return model.for_request(request)
    instance = copy.copy(get(request, ("setting", model._meta.label, site.pk), lambda: model.for_site(site)))
    instance._request = request  # as Wagtail's for_request does, for the setting's page URLs
    instance._page_url_cache = {}  # per request, like the request above
    return instance
