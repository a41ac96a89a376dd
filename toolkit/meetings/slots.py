"""What the meeting plans show in other rooms' slots (toolkit/common/slots.py)."""

from __future__ import annotations

from toolkit.common.slots import Panel
from toolkit.team.models import TeamSpace


def team_space_meetings(request, space: TeamSpace) -> Panel:
    """The way to the team's meeting plans on its space's page (no query: a link only)."""
    return Panel("toolkit/meetings/space_panel.html", {"space": space})
