"""What the assessment tools show in other rooms' slots (toolkit/common/slots.py)."""

from __future__ import annotations

from toolkit.assessment import services
from toolkit.common.slots import Panel
from toolkit.team.models import TeamSpace


def team_space_rounds(request, space: TeamSpace) -> Panel:
    """The team's assessment rounds on its space's page, under the phase its latest completed round placed it
    in (one query for the rounds; two more only when a completed round has a phase to show)."""
    rounds = services.space_rounds(space=space)
    return Panel(
        "toolkit/assessment/space_rounds.html",
        {"space": space, "rounds": rounds, "latest_phase": services.space_latest_phase(rounds=rounds)},
    )
