"""Read-only queries of the workbook room: the admin's monthly counts of team data."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from toolkit.team.models import TeamSpace
from toolkit.team.services import months_before
from toolkit.workbook.models import WorkbookAnswer, WorkbookSession


def team_data_monthly_counts(*, months: int = 12) -> list[dict]:
    """Counts only, per month: what the admin may see of the teams' data. Never the answers. A space that opted
    out of the usage figures (TeamSpace.usage_opt_out, docs/usage-figures.md) is left out here too."""
    since = months_before(timezone.now(), months - 1).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    rows: dict = {}
    for label, queryset, field in [
        ("spaces", TeamSpace.objects.filter(usage_opt_out=False), "created_at"),
        ("sessions", WorkbookSession.objects.filter(space__usage_opt_out=False), "created_at"),
        ("answers", WorkbookAnswer.objects.filter(session__space__usage_opt_out=False), "created_at"),
    ]:
        for row in (
            queryset.filter(**{f"{field}__gte": since})
            .annotate(month=TruncMonth(field))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by()
        ):
            month = row["month"].date() if isinstance(row["month"], datetime) else row["month"]
            rows.setdefault(month, {"month": month, "spaces": 0, "sessions": 0, "answers": 0})[label] = row[
                "count"
            ]
    return [rows[month] for month in sorted(rows, reverse=True)]
