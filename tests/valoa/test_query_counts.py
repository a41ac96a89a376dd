"""The number of SQL queries of each page type is pinned, and does not grow with the content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from tests import factories

pytestmark = pytest.mark.django_db

# (url, pinned number of queries) on the demo site, for an anonymous visitor.
# The menu, the footer and the page's switcher come from the site chrome's cache (valoa/pages/chrome.py), as on
# nearly every view.
PINNED = {
    "/": 6,  # the tools recommended per phase come with the site's fragments (valoa/pages/fragments.py)
    "/aloita/": 8,  # the same
    "/tyokalut/": 7,  # the facets, the count, the page of ids, each card's phases and renditions: fragments
    "/innostu/": 7,  # its intro (its link), filters' rows, the count and the page of ids too
    "/palaute/": 7,
    "/tietoa/": 7,  # not a statement page: no contact settings read (statement_settings, the cached chrome)
}


# The first view after a publish (tests.factories.site_published): + the chrome (3: the menu, the footer settings
# and pages) and the page's switcher (1), and what the page's fragments read to be rendered: the recommended
# tools (1; Aloita 2, its own phases), the finder's facets, count and page of ids (3) and its cards' tools and
# phases (2), Innostu's filters' rows (2), count
# (1), page of ids (1), intro's link (1) and its cards' stories and renditions (2).
PINNED_AFTER_PUBLISH = {
    "/": 11,
    "/aloita/": 14,
    "/tyokalut/": 16,
    "/innostu/": 18,
    "/palaute/": 11,
    "/tietoa/": 11,
}


def count_queries(client, url, *, published=False):
    client.get(url)  # warm per-process caches (content types, site root paths)
    if published:
        factories.site_published()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def add_children(demo_site, n):
    from inspire.models import InspireIndexPage
    from toolkit.models import StartPage, ToolIndexPage

    start, tools, inspire = (
        StartPage.objects.get(),
        ToolIndexPage.objects.get(),
        InspireIndexPage.objects.get(),
    )
    image = get_image_model().objects.first()
    for i in range(n):
        factories.ContentPageFactory(parent=demo_site, title=f"Lisäsivu {i}", show_in_menus=i % 2 == 0)
        factories.ContentPageFactory(parent=start, title=f"Ohje {i}")
        factories.ToolPageFactory(parent=tools, title=f"Lisätyökalu {i}")
        # With a hero image, like the demo's stories: a page of cards without any image skips its renditions query.
        factories.InsightPageFactory(parent=inspire, title=f"Lisäoivallus {i}", hero_image=image)


def test_query_counts_are_pinned_and_constant(client, demo_site):
    before = {url: count_queries(client, url) for url in PINNED}
    assert before == PINNED, repr(before)
    rendered = {url: count_queries(client, url, published=True) for url in PINNED}
    assert rendered == PINNED_AFTER_PUBLISH, repr(rendered)
    add_children(demo_site, 50)
    assert {url: count_queries(client, url, published=True) for url in PINNED} == rendered
    assert {url: count_queries(client, url) for url in PINNED} == before
