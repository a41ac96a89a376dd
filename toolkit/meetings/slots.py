"""What the meeting plans and the experiments show in other rooms' slots (toolkit/common/slots.py)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from toolkit.common.slots import Panel
from toolkit.meetings import services
from toolkit.team.models import TeamSpace

# "What is new": what changed in the last days, for everyone alike (no cookie, no per-person tracking; see
# docs/team-space.md).
NEW_DAYS = 7


def team_space_meetings(request, space: TeamSpace) -> Panel:
    """On the space's page: the open experiments with their follow-up dates, the next planned meeting and the
    list of plans; what changed in the last NEW_DAYS days is marked. Two queries."""
    today = timezone.localdate()
    plans = services.plan_list(space=space)
    upcoming = [plan for plan in plans if plan.date >= today]
    since = timezone.now() - dt.timedelta(days=NEW_DAYS)
    experiments = services.experiments_open(space=space)
    return Panel(
        "toolkit/meetings/space_panel.html",
        {
            "space": space,
            "plans": plans,
            "next_plan": upcoming[-1] if upcoming else None,  # plan_list is newest first
            "experiments": experiments,
            "since": since,
            "today": today,
            "new_days": NEW_DAYS,
        },
    )


def workbook_experiment_part(request, space: TeamSpace, session) -> Panel:
    """At the end of the workbook's experiment part: record the experiment, its answers prefilled (no query)."""
    return Panel("toolkit/meetings/workbook_record.html", {"space": space, "session": session})
