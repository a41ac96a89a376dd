"""The site's menu pages, in one query and once per request (the header menu and the home page share them)."""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from valoa import chrome_cache

_CACHE_ATTR = "_valoa_menu_pages"


def unrestricted():
    """`~Exists(...)` for a page queryset: true when neither the page nor an ancestor has a view restriction.

    The same set as Wagtail's `.public()`, which first fetches every restriction in a query of its own.
    """
    restricted_ancestor = PageViewRestriction.objects.annotate(
        outer_prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(outer_prefix=F("page__path"))
    return ~Exists(restricted_ancestor)


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
            .filter(unrestricted())
            .only("title", "url_path", "path", "depth", "search_description")
        ),
    )
    if request is not None:
        setattr(request, _CACHE_ATTR, (parent.pk, pages))
    return pages
