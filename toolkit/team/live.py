"""The team space's live channel: every screen opened through the team link joins its space's group.

What a space's screens are told (the facilitation state, a round's count, a saved answer) is published by the
room that changed it, to `space_group(space)`, with a topic naming the thing (`facilitation:<id>`,
`round:<id>`, `session:<id>`); a screen listens to the topics it shows. Another space's messages never reach
the group: the group is named by the space's key, known only to the server.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from toolkit.team.models import TeamSpace
from toolkit.team.secret_links import get_space
from valoa.live.consumers import LiveConsumer
from valoa.live.publishing import publish


def space_group(space_id: int) -> str:
    return f"space.{space_id}"


def publish_to_space(
    space: TeamSpace | int, topic: str, event: str, data: dict[str, Any] | None = None
) -> None:
    """Tell the space's open screens, after the commit; `data` only what every member may see."""
    space_id = space if isinstance(space, int) else space.pk
    publish(space_group(space_id), topic, event, data)


class TeamSpaceConsumer(LiveConsumer):
    """/live/tiimi/<token>/: the same secret link and the same guessing limit as the space's pages."""

    def groups_for(self, request: HttpRequest, token: str) -> list[str]:
        return [space_group(get_space(request, token).pk)]
