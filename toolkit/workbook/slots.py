"""What the workbook shows in other rooms' slots (toolkit/common/slots.py)."""

from __future__ import annotations

from toolkit.common.slots import Panel
from toolkit.team.models import TeamSpace


def team_space_sessions(request, space: TeamSpace) -> Panel:
    """The team's workbook sessions, newest first, on its space's page."""
    sessions = list(space.workbook_sessions.order_by("-number"))
    for session in sessions:
        session.space = space
    return Panel("toolkit/workbook/space_sessions.html", {"space": space, "sessions": sessions})
