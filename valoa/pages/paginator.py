"""The page of a listing a reader asked for, with Django's Paginator."""

from __future__ import annotations

from collections.abc import Hashable
from functools import cached_property

from django.core.paginator import Page, Paginator

from valoa.pages.fragments import kept


def page_number(raw: str | None, num_pages: int) -> int:
    """The nearest valid page for whatever the reader typed: 0, -1 and "abc" give 1; 999 the last.

    (`Paginator.get_page()` would answer 0 and -1 with the last page.)
    """
    try:
        number = int(raw or 1)
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), num_pages)


def requested_page(paginator: Paginator, raw: str | None) -> Page:
    return paginator.page(page_number(raw, paginator.num_pages))


class CountedPaginator(Paginator):
    """A Paginator told its count (one kept since the last publish): it asks the database for none."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def kept_page(request, name: str, parts: tuple[Hashable, ...], ids, per_page: int, raw: str | None) -> Page:
    """The requested page of `ids` (a queryset of primary keys, for cards), its count and its ids read once per
    publish (valoa.pages.fragments): until the next publish the listing asks the database nothing. `parts` name
    everything that narrows the listing (its page, its filters' valid values)."""
    count = kept(request, f"{name}:count", parts, lambda: Paginator(ids, per_page).count)
    page = requested_page(CountedPaginator(ids, per_page, count=count), raw)
    page.object_list = kept(
        request, f"{name}:page", (*parts, per_page, page.number), lambda: list(page.object_list)
    )
    return page
