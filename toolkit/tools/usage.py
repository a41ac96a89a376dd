"""Counting tool use without tracking anyone: per tool, day and event, one number (docs/usage-figures.md).

A count is a convenience for the site's owner, never a reason for a request to fail: errors are logged and
swallowed, and a count runs in its own savepoint so that a failed statement leaves the caller's transaction
usable. The common case is one UPDATE; a tool's first count of the day adds one INSERT.

Callers in team spaces leave out spaces that opted out (TeamSpace.usage_opt_out) before calling.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from toolkit.tools.models import ToolUsageDay

logger = logging.getLogger(__name__)

Event = ToolUsageDay.Event

# "Recommended" is counted once per round and day (a team reloads its results, every respondent sees them):
# the shared cache remembers that it was counted. When the cache is unavailable a round may count twice.
ONCE_SECONDS = 24 * 60 * 60


def tool_usage_count(*, tool_ids: Iterable[int | None], event: str, once_key: str = "") -> None:
    """Add one to each tool's count of `event` today. `once_key` counts only the first call per key and day."""
    ids = list(dict.fromkeys(tool_id for tool_id in tool_ids if tool_id))
    if not ids:
        return
    day = timezone.localdate()
    try:
        if once_key and not cache.add(f"tool-usage:{event}:{once_key}:{day:%Y%m%d}", 1, ONCE_SECONDS):
            return
        with transaction.atomic():
            rows = ToolUsageDay.objects.filter(tool_id__in=ids, day=day, event=event)
            if rows.update(count=F("count") + 1) == len(ids):
                return
            present = set(rows.values_list("tool_id", flat=True))
            # Two first counts of the same day at once: the second INSERT is ignored and one count is lost,
            # a price worth not locking for.
            ToolUsageDay.objects.bulk_create(
                [ToolUsageDay(tool_id=i, day=day, event=event, count=1) for i in ids if i not in present],
                ignore_conflicts=True,
            )
    except Exception:  # a count must never break the page (the database or the cache may be down)
        logger.warning("tool usage not counted", exc_info=True)
