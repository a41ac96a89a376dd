"""Wagtail's page serving, routed from the home page of the URL's language without asking which that is.

Wagtail's own `serve` view routes from `site.root_page.localized`: with `WAGTAIL_I18N_ENABLED` that is a query
for the active Locale on every page view, and for Swedish and English one more for the root page's translation,
so a Swedish page would cost more than its Finnish original. Here the locale comes from valoa.languages' cached
map and the home page of the language, specific, in the one query Wagtail already spent on `.specific`: every
language costs the same (the query pins, docs/performance.md). The rest is Wagtail's `serve` as it is: the
`before_serve_page` and `on_serve_page` hooks, then the page's `serve`. Being a copy of Wagtail's view, it is
watched: tests/valoa/test_page_serving_follows_wagtail.py fails when Wagtail's serve or route_for_request changes.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.views import serve_chain

from valoa.languages import locale_id_of_language


def language_home(site: Site) -> Page | None:
    """The site's home page in the active language, specific; None when that language has no home page."""
    root = site.root_page
    locale_id = locale_id_of_language(get_language())
    if locale_id is None or locale_id == root.locale_id:
        return root.specific
    return root.specific_class.objects.filter(
        translation_key=root.translation_key, locale_id=locale_id
    ).first()


def serve(request, path):
    site = Site.find_for_request(request)
    home = language_home(site) if site is not None else None
    if home is None:
        raise Http404
    # route() answers 404 for a missing or unpublished page.
    page, args, kwargs = home.route(request, [component for component in path.split("/") if component])

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
