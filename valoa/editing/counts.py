"""Counts in Wagtail's admin listings in proper Finnish.

Wagtail's paginator writes "<count> <verbose_name_plural>" under a paginated listing ("4 lähetetyt viestit");
Finnish needs the partitive after numbers other than one ("4 lähetettyä viestiä"), which no verbose name
carries. A viewset names its own forms through `ngettext` with `index_view_counting()`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator
from wagtail.snippets.views.snippets import IndexView


class CountLabelPaginator(WagtailPaginator):
    count_label: Callable[[int], str] | None = None

    @cached_property
    def items_count_label(self):
        if self.count_label is None:
            return super().items_count_label
        return self.count_label(self.count)


def index_view_counting(
    count_label: Callable[[int], str], base: type[IndexView] = IndexView
) -> type[IndexView]:
    """A snippet IndexView whose listing says "<count> <noun>" with `count_label(count)`, e.g.
    `lambda n: ngettext("%(n)s vaihe", "%(n)s vaihetta", n) % {"n": n}`."""
    paginator = type(
        "CountLabelPaginator", (CountLabelPaginator,), {"count_label": staticmethod(count_label)}
    )
    return type(f"Counting{base.__name__}", (base,), {"paginator_class": paginator})
