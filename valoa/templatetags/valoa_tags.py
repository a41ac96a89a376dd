"""Navigation and breadcrumbs, each in a fixed number of queries whatever the size of the tree."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from valoa import languages
from valoa.navigation import menu_pages_under

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    current = context.get("page")
    # The home page of the language being read (/, /sv/, /en/) lists its sections.
    home_path = languages.home_root_path(request, get_language())
    items = []
    if home_path is not None:
        # The home page lists the same pages as its sections: reuse them rather than asking again.
        sections = context.get("sections")
        items = sections if sections is not None and getattr(current, "depth", None) == 2 else None
        if items is None:
            items = menu_pages_under(home_path)
    current_path = getattr(current, "path", "")
    return {
        "request": request,
        "home_url": languages.home_url(),
        "items": [(item, current_path.startswith(item.path), current_path == item.path) for item in items],
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if isinstance(page, Page):
        # get_parent(), not get_ancestors(): Wagtail's routing has already handed each page its parent.
        parent = page.get_parent() if page.depth > 2 else None
        while parent is not None and parent.depth >= 2:
            ancestors.insert(0, parent)
            parent = parent.get_parent() if parent.depth > 2 else None
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def page_full_url(context, page):
    """`page.get_full_url(request)`: Wagtail reuses the site root paths it already read for this request."""
    if not isinstance(page, Page):
        return getattr(page, "full_url", None)
    return page.get_full_url(request=context.get("request"))


@register.simple_tag(takes_context=True)
def contact_settings(context):
    """The footer's ContactSettings for the request's site (Wagtail keeps it on the request once read)."""
    from valoa.models import ContactSettings

    request = context.get("request")
    return ContactSettings.for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher's links and the page's hreflang alternates (valoa/languages.py): one query for a page."""
    return languages.switcher_links(context.get("request"), context.get("page"))


@register.simple_tag(takes_context=True)
def translation_missing(context):
    return languages.translation_missing(context.get("request"))


@register.simple_tag
def home_url():
    """The home page of the language being read: `/`, `/sv/`, `/en/`."""
    return languages.home_url()
