"""Page URLs for listings without a `reverse()` per item.

`{% pageurl %}` calls `Page.get_url()`, which runs Django's `reverse("wagtail_serve", ...)` for every
page: in a listing of cards that was about a third of the rendering time. The URL of a page is the
`wagtail_serve` prefix plus the page's `url_path` relative to its site's root, escaped the way `reverse()`
escapes it; the prefix and the site root paths are the same for every page of one request, so they are
computed once per request here. Anything unusual (several sites, Wagtail's i18n, a path `reverse()`
would refuse) falls back to `Page.get_url()`, so the result is always the same as `{% pageurl %}`.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page, Site
from wagtail.models import pages as wagtail_pages

# The characters reverse() leaves unescaped (django.urls.resolvers.URLResolver._reverse_with_prefix).
_SAFE = RFC3986_SUBDELIMS + "/~:@"
# wagtail.urls' serve pattern with WAGTAIL_APPEND_SLASH on (the default), and without it.
_SERVE_PATH = re.compile(r"(?:[\w\-]+/)*")
_SERVE_PATH_NO_SLASH = re.compile(r"[\w\-/]*")


def site_root_paths(request):
    """Site.get_site_root_paths(), kept on the request under the attribute Page.get_url() uses too, so that
    routing, {% pageurl %} and {% page_url %} read the cache once per request in all."""
    if request is None:
        return Site.get_site_root_paths()
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths


class PageUrls:
    """Resolves page URLs for one request; get it with `page_urls(request)`."""

    def __init__(self, request=None):
        self.request = request
        root_paths = site_root_paths(request)
        self.root_paths = root_paths
        self.fast = len({srp.site_id for srp in root_paths}) == 1 and not getattr(
            settings, "WAGTAIL_I18N_ENABLED", False
        )
        # Wagtail reads the setting once, at import; use its value so both always agree.
        self.append_slash = wagtail_pages.WAGTAIL_APPEND_SLASH
        self.prefix = reverse("wagtail_serve", args=("",)) if self.fast else ""
        self.pattern = _SERVE_PATH if self.append_slash else _SERVE_PATH_NO_SLASH

    def url(self, page: Page) -> str | None:
        """The same as `page.get_url(request)`: relative on a single site, None when not routable."""
        if self.fast:
            url_path = page.url_path
            root_path = self.root_paths[0].root_path
            if url_path.startswith(root_path):
                relative = url_path[len(root_path) :]
                if self.pattern.fullmatch(relative):
                    path = self.prefix + quote(relative, safe=_SAFE)
                    if not self.append_slash and path != "/":
                        path = path.rstrip("/")
                    return path
            # Outside the site, or a path reverse() would refuse: let Wagtail decide (None or its URL).
        return page.get_url(request=self.request)


def page_urls(request) -> PageUrls:
    """The request's PageUrls, made on first use."""
    if request is None:
        return PageUrls(None)
    try:
        return request._valoa_page_urls
    except AttributeError:
        request._valoa_page_urls = PageUrls(request)
        return request._valoa_page_urls


def page_url(request, page: Page) -> str | None:
    return page_urls(request).url(page)
