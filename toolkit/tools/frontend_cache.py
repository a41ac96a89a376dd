"""What a tool page shows on besides itself, for the front-cache purge map (valoa/caching/frontend_cache.py)."""

from __future__ import annotations

from django.db.models import Q

from toolkit.tools.models import StartPage, ToolPage, ToolPageRelatedTool
from valoa.models import HomePage


def tool_page_targets(page) -> list:
    """The home page and Aloita recommend tools per phase; related tools list each other both ways. The
    tool's facilitation mode (a route of the page, …/ohjaa/) shows its steps."""
    if not isinstance(page, ToolPage):
        return []
    homes = list(HomePage.objects.ancestor_of(page))
    starts = list(StartPage.objects.descendant_of(homes[0])) if homes else []
    related = ToolPage.objects.live().filter(
        Q(pk__in=ToolPageRelatedTool.objects.filter(page=page).values("tool"))
        | Q(pk__in=ToolPageRelatedTool.objects.filter(tool=page).values("page"))
    )
    facilitation = page.get_url()
    facilitation = [facilitation + page.reverse_subpage("facilitate")] if facilitation else []
    return [*homes, *starts, *related.exclude(pk=page.pk), *facilitation]
