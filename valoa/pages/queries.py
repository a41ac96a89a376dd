"""Page filters that stay inside the query they filter.

Wagtail's `PageQuerySet.public()` first runs a query of its own to list the view restrictions, then adds
one `path LIKE` condition per restricted section. A page that lists pages in two places (the menu and a
listing) would pay that query twice, on top of the two Wagtail's serving spends on the page's own
restrictions: with the 15-query budget per page (docs/performance.md) that is too many. `public_q()` says the
same thing as `public()` with Django's public expressions (`Exists`, `OuterRef`, `Substr`), as a correlated
subquery of the listing's own query; tests/valoa/test_page_queries.py checks it agrees with `public()`.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_q(path_field: str = "path") -> Q:
    """Pages not inside a view-restricted section (the restricted page included), like `public()`.

    `path_field` names the page's tree path from the filtered model, e.g. "toolpage__path" from a
    through table. A page is restricted when a restricted page's path is a prefix of its own path.
    """
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
    )
    return ~Q(Exists(restricted))
