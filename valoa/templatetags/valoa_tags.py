"""Navigation and breadcrumbs, each in a fixed number of queries whatever the size of the tree."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    root = _site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(root.get_children().live().in_menu().public().only("title", "url_path", "path", "depth"))
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
        ancestors = list(page.get_ancestors().filter(depth__gte=2).only("title", "url_path", "path", "depth"))
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}
