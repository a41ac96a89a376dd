"""Navigation and breadcrumbs, each in a fixed number of queries whatever the size of the tree."""

from django import template
from wagtail.models import Page

from valoa import chrome_cache
from valoa.navigation import menu_pages
from valoa.routing import route_pages, site_root

register = template.Library()


def _site_root(context):
    request = context.get("request")
    return site_root(request) if request else None


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    root = _site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        items = menu_pages(context.get("request"), root)
    current_path = getattr(current, "path", "")
    return {
        "request": context.get("request"),
        "items": [(item, current_path.startswith(item.path), current_path == item.path) for item in items],
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if isinstance(page, Page) and page.depth > 2:
        # The routing chain already holds them when it starts at depth 2 (the usual single site).
        routed = route_pages(context.get("request"), page)
        if routed and routed[0].depth == 2:
            ancestors = routed[:-1]
        else:
            ancestors = list(
                page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth")
            )
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def page_full_url(context, page):
    """`page.full_url`, but through the request: Wagtail then reuses the site root paths it already read
    for this request instead of reading the cache again (`page.full_url` has no request to cache them on)."""
    if not isinstance(page, Page):
        return getattr(page, "full_url", None)
    return page.get_full_url(request=context.get("request"))


@register.simple_tag(takes_context=True)
def contact_settings(context):
    """The footer's ContactSettings, kept between requests until content changes (valoa/chrome_cache.py)."""
    from valoa.models import ContactSettings

    request = context.get("request")
    return chrome_cache.site_setting(request, ContactSettings) if request is not None else None
