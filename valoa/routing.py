"""Wagtail's page serving with the page found in one query instead of one per URL segment.

Wagtail's `Page.route_for_request` fetches the site's root page, its specific page, then each child by slug
and its specific page: 2 + 2 × segments queries. Here the whole chain from the site root to the requested
page comes in one query by `url_path` (which Wagtail keeps up to date on every move and slug change), then
the requested page's specific object in one more. The result is handed to Wagtail's own `serve` view through
the attribute `Page.route_for_request` caches on the request, so the hooks (view restrictions, the page
cache's marking), `serve()` and everything after them are Wagtail's.

Whenever the chain is not a plain one this falls back to Wagtail's own walk, so behaviour does not change:
- a page on the way with its own `route()` (e.g. `RoutablePageMixin`) gets the rest of the path, exactly as
  Wagtail's walk would give it;
- a segment with no page (a 404, or a URL a custom `route()` would answer), several sites' roots sharing a
  path, or localized routing (`WAGTAIL_I18N_ENABLED`): Wagtail walks the tree as before.
"""

from __future__ import annotations

from itertools import pairwise

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page

from valoa import chrome_cache
from valoa.page_urls import site_root_paths

# Set on the request: the base `Page` rows from the site root to the routed page (breadcrumbs reuse them).
ROUTE_PAGES_ATTR = "_valoa_route_pages"
# Wagtail's cache of the route result (`Page.route_for_request`); a test fails if Wagtail renames it.
WAGTAIL_ROUTE_ATTR = "_wagtail_route_for_request"

_NOT_HANDLED = object()


def serve(request, path):
    if not hasattr(request, WAGTAIL_ROUTE_ATTR):
        result = _route(request, path)
        if result is not _NOT_HANDLED:
            setattr(request, WAGTAIL_ROUTE_ATTR, result)
    return wagtail_views.serve(request, path)


def _route(request, path):
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return _NOT_HANDLED
    site = chrome_cache.find_site(request)
    if site is None:
        return _NOT_HANDLED
    root_paths = [rp.root_path for rp in site_root_paths(request) if rp.site_id == site.pk]
    if len(root_paths) != 1:
        return _NOT_HANDLED
    components = [component for component in path.split("/") if component]
    url_paths = [root_paths[0]]
    for component in components:
        url_paths.append(f"{url_paths[-1]}{component}/")
    # The slug filter lets PostgreSQL use the slug index (url_path has none).
    pages = list(
        Page.objects.filter(
            Q(pk=site.root_page_id) | Q(slug__in=components, url_path__in=url_paths[1:])
        ).order_by("depth")
    )
    if not _is_chain(pages, site.root_page_id, len(url_paths)):
        return _NOT_HANDLED
    for index, page in enumerate(pages):
        page_class = page.specific_class
        is_last = index == len(pages) - 1
        if page_class is None:
            return _NOT_HANDLED
        if page_class.route is not Page.route or is_last:
            # Where Wagtail's walk would call this page's route() with the rest of the path.
            specific = page.specific
            if index:
                specific._cached_parent_obj = pages[index - 1]
            setattr(request, ROUTE_PAGES_ATTR, pages[: index + 1])
            try:
                return specific.route(request, components[index:])
            except Http404:
                return None
    return _NOT_HANDLED  # pragma: no cover - the loop always returns at the last page


def _is_chain(pages, root_id, expected_length) -> bool:
    if len(pages) != expected_length or pages[0].pk != root_id:
        return False
    return all(
        child.depth == parent.depth + 1 and child.path.startswith(parent.path)
        for parent, child in pairwise(pages)
    )


def route_pages(request, page) -> list[Page] | None:
    """The pages from the site root to `page` fetched while routing this request, or None."""
    pages = getattr(request, ROUTE_PAGES_ATTR, None) if request is not None else None
    if pages and getattr(page, "pk", None) == pages[-1].pk:
        return pages
    return None


def site_root(request) -> Page | None:
    """The site's root page: from the routing chain when there is one, else Wagtail's site lookup."""
    pages = getattr(request, ROUTE_PAGES_ATTR, None)
    if pages:
        return pages[0]
    site = chrome_cache.find_site(request)
    if site is None:
        return None
    return chrome_cache.get(request, ("root", site.pk), lambda: site.root_page)


def urlpatterns():
    """Wagtail's URLs (password and login views) with its page-serving pattern routed through `serve`."""
    return [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"] + [
        re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")
    ]
