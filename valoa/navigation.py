"""The site's menu pages: the header menu and the home page's sections list."""

from __future__ import annotations

from wagtail.models import Page

from valoa.page_queries import public_q


def menu_pages(parent: Page) -> list[Page]:
    """The live, public children of `parent` shown in menus, in tree order: one query."""
    return list(parent.get_children().live().in_menu().filter(public_q()))


def menu_pages_under(home_url_path: str) -> list[Page]:
    """The menu pages of the home page whose `url_path` this is (one per language): one query, the same in
    every language (the path comes from Wagtail's cached site root paths, valoa.languages.home_root_path)."""
    return list(
        Page.objects.live()
        .in_menu()
        .filter(public_q(), depth=3, url_path__startswith=home_url_path)
        .order_by("path")
    )
