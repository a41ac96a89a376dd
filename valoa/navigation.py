"""The site's menu pages: the header menu and the home page's sections list."""

from __future__ import annotations

from wagtail.models import Page

from valoa.page_queries import public_q


def menu_pages(parent: Page) -> list[Page]:
    """The live, public children of `parent` shown in menus, in tree order: one query."""
    return list(parent.get_children().live().in_menu().filter(public_q()))
