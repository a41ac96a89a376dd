"""The rule that proposes a meeting plan from an assessment round: a pure function, no database.

docs/meetings.md describes it for teams and editors; tests/toolkit/meetings/test_suggest.py pins it on fixed
inputs. Keep the two in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

MIN_TOPIC_MINUTES = 10  # leftover time shorter than this goes to the closing instead of a topic of its own
MAX_TOOLS = 2


@dataclass(frozen=True)
class ToolOption:
    id: int
    title: str
    minutes: int
    group_min: int = 1
    group_max: int | None = None

    def fits_group(self, size: int) -> bool:
        return self.group_min <= size and (self.group_max is None or size <= self.group_max)


@dataclass(frozen=True)
class SuggestedBlock:
    kind: str  # MeetingBlock.Kind values: "avaus", "tyokalu", "aihe", "lopetus"
    title: str
    minutes: int
    note: str = ""
    tool_id: int | None = None


def frame_minutes(minutes: int) -> int:
    """The check-in's and the closing's length each: 5 min in a meeting shorter than an hour, else 10."""
    return 5 if minutes < 60 else 10


def suggest_blocks(
    *,
    minutes: int,
    group_size: int,
    weak_tools: Sequence[ToolOption],
    phase_tools: Sequence[ToolOption],
    focus: str = "",
) -> list[SuggestedBlock]:
    """A check-in, at most two main tools that fit the time and the group, any leftover as a topic, a closing.

    Tools are tried in order: those recommended for the weakest statements first, then the phase's tools; a
    tool is taken if the group fits its size range and it fits the time still free. The blocks always add up
    to exactly `minutes` (when `minutes` is at least twice the check-in's length).
    """
    text = {
        "opening": _("Avaus ja kuulumiskierros"),
        "closing": _("Yhteenveto ja seuraavat askeleet"),
        "topic": _("Keskustelu"),
        "focus_note": _("Heikoimmaksi arvioitu väittämä: %(focus)s"),
    }
    frame = frame_minutes(minutes)
    if minutes < 2 * frame:
        return [SuggestedBlock(kind="aihe", title=text["topic"], minutes=minutes)]
    free = minutes - 2 * frame
    picked: list[ToolOption] = []
    seen: set[int] = set()
    for tool in [*weak_tools, *phase_tools]:
        if len(picked) == MAX_TOOLS:
            break
        if tool.id in seen or not tool.fits_group(group_size) or not 0 < tool.minutes <= free:
            continue
        seen.add(tool.id)
        picked.append(tool)
        free -= tool.minutes
    note = text["focus_note"] % {"focus": focus} if focus else ""
    blocks = [SuggestedBlock(kind="avaus", title=text["opening"], minutes=frame)]
    blocks += [
        SuggestedBlock(kind="tyokalu", title=tool.title, minutes=tool.minutes, tool_id=tool.id, note=note)
        for tool in picked
    ]
    closing = frame
    if free >= MIN_TOPIC_MINUTES or (free and not picked):
        blocks.append(SuggestedBlock(kind="aihe", title=text["topic"], minutes=free, note=note))
    else:
        closing += free
    blocks.append(SuggestedBlock(kind="lopetus", title=text["closing"], minutes=closing))
    return blocks
