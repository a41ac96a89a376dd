"""A page of results and their total in one query, for the listings (Innostu, the tool finder)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet, Value, Window
from django.db.models.functions import Greatest, Least, RowNumber


def page_number(raw: str | None, num_pages: int) -> int:
    """The nearest valid page for whatever the reader typed: 0, -1 and "abc" give 1; 999 the last."""
    try:
        number = int(raw or 1)
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), num_pages)


def paginate(queryset: QuerySet, raw_number: str | None, per_page: int) -> tuple[Paginator, Page]:
    """The requested page of an ordered queryset and the total, in one query whatever the number asked.

    Django's Paginator runs COUNT(*) and then the page. Here each row carries its position and the
    total (window functions), and the page is chosen in SQL, clamped like page_number(): a number past
    the last page gives the last page, so even that costs one query.
    """
    number = page_number(raw_number, num_pages=10**9)
    ordering = list(queryset.query.order_by)
    total = Window(Count("pk"))
    # Integer division on both PostgreSQL and SQLite: the number of the last page, at least 1.
    last = Greatest((F("total_count") + Value(per_page - 1)) / Value(per_page), Value(1))
    chosen = Least(Value(number), last)
    rows = list(
        queryset.annotate(position=Window(RowNumber(), order_by=ordering), total_count=total).filter(
            position__gt=(chosen - 1) * per_page, position__lte=chosen * per_page
        )
    )
    paginator = Paginator(queryset, per_page)
    paginator.count = rows[0].total_count if rows else 0  # a cached_property: no COUNT query
    return paginator, Page(rows, page_number(raw_number, paginator.num_pages), paginator)
