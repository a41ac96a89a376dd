"""Site search: Wagtail's search over every live, public page, a page of results at a time.

Results are not kept between requests: the front cache does not store search either (it is `private`),
and a results cache would need its own invalidation on every publish, unpublish, move and view restriction.

A word found in most pages would have PostgreSQL rank every match (`ts_rank` reads each match's vectors) and count
them all, for every query: about 200 ms for a word in 5,000 pages. So the ranked set is limited: first `RANKED_MAX` matches
are found without ranking (the first in the tree's order: the full-text index or the tree's index and a LIMIT, no
sort by rank), then only those are ranked, a page of them at a time. A query with more matches says so and asks for more words
(docs/performance.md, "Search").
"""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import get_language
from wagtail.models import Page

from valoa.languages.locales import locale_id_of_language

PAGE_SIZE = 10
# At most this many matches are ranked (and counted); a query with more shows that many of them, ranked.
RANKED_MAX = 200
# What templates/valoa/search.html shows of a result; `url_path` and `locale` make its address (Page.get_url).
RESULT_FIELDS = ("title", "url_path", "search_description", "locale")


def search_page(query: str, page_number) -> PaginatorPage:
    """Pages of the language being read only (/haku/ Finnish, /sv/haku/ Swedish: valoa/urls.py), their words
    stemmed in that language on PostgreSQL (valoa/search/backend.py). `get_page()` turns a missing,
    non-numeric or out-of-range page number into a valid page. The page's paginator says whether the matches
    were limited (`limited`: more than `RANKED_MAX`)."""
    pages = (
        Page.objects.live()
        .public()
        .exclude(depth__lte=1)
        .filter(locale_id=locale_id_of_language(get_language()))
    )
    # The first matches in the tree's order (Page's own ordering, an index scan that stops at the LIMIT), unranked,
    # as ids: the search runs on the queryset it is given, and a page object per match (201 of them) was a
    # quarter of a search's CPU (tests/valoa/test_search.py holds the ids to the objects' ids).
    ids = list(pages.values_list("pk", flat=True).search(query, order_by_relevance=False)[: RANKED_MAX + 1])
    # A result shows its title, address and description: only those columns are read (and ranked).
    ranked = Page.objects.filter(pk__in=ids[:RANKED_MAX]).only(*RESULT_FIELDS)
    paginator = Paginator(ranked.search(query), PAGE_SIZE)
    # The count is known: the paginator need not ask PostgreSQL again.
    paginator.count = min(len(ids), RANKED_MAX)
    paginator.limited = len(ids) > RANKED_MAX
    return paginator.get_page(page_number)
