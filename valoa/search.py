"""Search results, kept per query and page in the shared cache until content changes.

A word found in most pages costs PostgreSQL a count and a ranking of every match (`ts_rank` of thousands of
vectors, 50–150 ms; docs/performance.md), and visitors repeat the same few queries. The result of a query (its
count and the ids of one page of results) depends only on the content, so it is stored keyed on the page
cache's generation (valoa/page_cache.py), which every publish, unpublish, move, delete, saved page or view
restriction replaces: the next search after any change runs against the database again. On with
`CHROME_CACHE_ENABLED` (the shared cache is Redis, so every server sees the new generation).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail.models import Page

from valoa import chrome_cache

PAGE_SIZE = 10
KEY_PREFIX = "valoa:search:"


def _search(query):
    return Page.objects.live().public().exclude(depth__lte=1).search(query)


def search_page(request, query: str, page_number) -> PaginatorPage:
    generation = chrome_cache.generation(request) if chrome_cache.enabled() else None
    cached = key = None
    if generation is not None:
        key = KEY_PREFIX + hashlib.sha256(f"{generation}\0{query}\0{page_number}".encode()).hexdigest()
        cached = cache.get(key)
    if cached is None:
        results_page = Paginator(_search(query), PAGE_SIZE).get_page(page_number)
        if key is not None:
            ids = [page.pk for page in results_page.object_list]
            cache.set(
                key, (results_page.paginator.count, results_page.number, ids), settings.PAGE_CACHE_TIMEOUT
            )
        return results_page
    count, number, ids = cached
    by_id = Page.objects.in_bulk(ids)
    paginator = Paginator([], PAGE_SIZE)
    paginator.count = count  # a cached_property: the stored count instead of a COUNT query
    return PaginatorPage([by_id[pk] for pk in ids if pk in by_id], number, paginator)
