"""A page of results and the total in two queries, clamped like Django's Paginator.get_page()."""

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from valoa.pagination import paginate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("raw", [None, "1", "2", "3", "999", "x"])
def test_same_page_as_django_paginator_in_two_queries(demo_site, raw):
    pages = Page.objects.order_by("path")
    expected = Paginator(pages, 3).get_page(raw)
    with CaptureQueriesContext(connection) as queries:
        paginator, page = paginate(pages, raw, 3)
        rows = list(page.object_list)
        numbers = (paginator.count, paginator.num_pages, page.number, page.has_next(), page.has_previous())
    assert len(queries) == 2  # the page's ids with the total, then those rows
    assert [p.pk for p in rows] == [p.pk for p in expected.object_list]
    assert numbers == (
        expected.paginator.count,
        expected.paginator.num_pages,
        expected.number,
        expected.has_next(),
        expected.has_previous(),
    )


def test_zero_and_negative_numbers_give_the_first_page(demo_site):
    # Django's get_page() would give the last page here; Innostu always gave the first.
    for raw in ("0", "-1"):
        _paginator, page = paginate(Page.objects.order_by("path"), raw, 3)
        assert page.number == 1 and page.object_list[0].depth == 1


def test_no_results(demo_site):
    paginator, page = paginate(Page.objects.filter(pk__in=[]).order_by("path"), "4", 3)
    assert (paginator.count, paginator.num_pages, page.number, list(page.object_list)) == (0, 1, 1, [])
