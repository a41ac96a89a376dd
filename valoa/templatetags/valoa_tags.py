"""Navigation and breadcrumbs, each in a fixed number of queries whatever the size of the tree."""

from django import template
from wagtail.models import Page

from valoa.pages import navigation as site_navigation

register = template.Library()


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    current = context.get("page")
    # The menu of the language being read (/, /sv/, /en/), from the site chrome's cache (page_navigation).
    items = navigation(context).menu
    current_path = getattr(current, "path", "")
    return {
        "request": request,
        "home_url": site_navigation.home_url(),
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
def statement_settings(context):
    """The ContactSettings of the request's site on the accessibility and privacy statements' pages (and their
    translations), None on every other page: which pages they are comes from the cached site chrome, so the other
    content pages read no settings at all (the settings and the two pages were three queries a page)."""
    from valoa.models import ContactSettings

    page, request = context.get("page"), context.get("request")
    if (
        request is None
        or not isinstance(page, Page)
        or str(page.translation_key) not in navigation(context).chrome.statement_keys
    ):
        return None
    return ContactSettings.for_request(request)  # Wagtail keeps it on the request once read


def navigation(context) -> site_navigation.Navigation:
    """The page's chrome and language links, once per render: the home page hands over its own (it lists the
    same sections), any other page asks here (valoa.pages.navigation.page_navigation)."""
    found = context.get(site_navigation.NAVIGATION_CONTEXT)
    if found is None:
        found = site_navigation.page_navigation(context.get("request"), context.get("page"))
        # On the template's outermost context, so that includes and inclusion tags see it too.
        context.dicts[0][site_navigation.NAVIGATION_CONTEXT] = found
    return found


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher's links and the page's hreflang alternates (valoa/pages/navigation.py)."""
    return navigation(context).links


@register.simple_tag(takes_context=True)
def translation_missing(context):
    return site_navigation.translation_missing(context.get("request"))


@register.simple_tag
def home_url():
    """The home page of the language being read: `/`, `/sv/`, `/en/`."""
    return site_navigation.home_url()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """The footer's contact details and statutory links in the language being read, from the site chrome's cache
    with the menu (valoa/pages/chrome.py): no query when cached."""
    return navigation(context).chrome


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """The translations of a Wagtail page, itself included, when it has at least one: its hreflang alternates."""
    page = context.get("page")
    if not isinstance(page, Page) or page.pk is None:
        return []
    translated = [link for link in navigation(context).links if link.translated]
    return translated if len(translated) > 1 else []
