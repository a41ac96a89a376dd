"""Site search: Wagtail's search over every live, public page, a page of results at a time.

Results are not kept between requests: the front cache does not store search either (it is `private`),
and a results cache would need its own invalidation on every publish, unpublish, move and view restriction.
"""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import get_language
from wagtail.models import Page

from valoa.languages.locales import locale_id_of_language

PAGE_SIZE = 10


def search_page(query: str, page_number) -> PaginatorPage:
    """Pages of the language being read only (/haku/ Finnish, /sv/haku/ Swedish: valoa/urls.py), their words
    stemmed in that language on PostgreSQL (valoa/search/backend.py). `get_page()` turns a missing,
    non-numeric or out-of-range page number into a valid page."""
    results = (
        Page.objects.live()
        .public()
        .exclude(depth__lte=1)
        .filter(locale_id=locale_id_of_language(get_language()))
        .search(query)
    )
    return Paginator(results, PAGE_SIZE).get_page(page_number)
