"""The site's menu pages, in one query and once per request (the header menu and the home page share them)."""

from __future__ import annotations

from wagtail.models import Page

from valoa import chrome_cache
from valoa.page_queries import public_q

_CACHE_ATTR = "_valoa_menu_pages"


def menu_pages(request, parent: Page) -> list[Page]:
    """The live, public children of `parent` shown in menus, in tree order."""
    cache = getattr(request, _CACHE_ATTR, None) if request is not None else None
    if cache is not None and cache[0] == parent.pk:
        return cache[1]
    pages = chrome_cache.get(
        request,
        ("menu", parent.pk),
        lambda: list(
            parent.get_children()
            .live()
            .in_menu()
            .filter(public_q())
            .only("title", "url_path", "path", "depth", "search_description")
        ),
    )
    if request is not None:
        setattr(request, _CACHE_ATTR, (parent.pk, pages))
    return pages
