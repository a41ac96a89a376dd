"""The page of a listing a reader asked for, with Django's Paginator."""

from __future__ import annotations

from django.core.paginator import Page, Paginator


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
