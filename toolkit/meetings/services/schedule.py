"""Reading a plan's blocks and working out each block's clock times (the plan page, agenda, .ics, facilitation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from toolkit.meetings.models import MeetingBlock, MeetingPlan

HELSINKI = ZoneInfo("Europe/Helsinki")


def plan_blocks(*, plan: MeetingPlan) -> list[MeetingBlock]:
    """The blocks in order, with their tools (one query: the tool's page row joined)."""
    return list(
        plan.blocks.select_related("tool").only(
            "plan_id",
            "position",
            "kind",
            "title",
            "minutes",
            "note",
            "tool_id",
            "tool__title",
            "tool__url_path",
            "tool__live",
            "tool__path",
            "tool__depth",
            "tool__locale_id",
            "tool__duration_minutes",
            "tool__steps",
            "tool__intro",
        )
    )


@dataclass(frozen=True)
class ScheduledBlock:
    block: MeetingBlock
    number: int
    start: dt.datetime
    end: dt.datetime
    offset: int  # minutes from the start of the meeting


@dataclass(frozen=True)
class Schedule:
    rows: list[ScheduledBlock]
    start: dt.datetime
    total: int
    available: int

    @property
    def over(self) -> int:
        return max(0, self.total - self.available)

    @property
    def left(self) -> int:
        return max(0, self.available - self.total)

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.total)

    @property
    def reserved_end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.available)


def plan_start(*, plan: MeetingPlan) -> dt.datetime:
    """The meeting's start as an aware Helsinki time (the date and time the team entered are Finnish time)."""
    return dt.datetime.combine(plan.date, plan.start_time, tzinfo=HELSINKI)


def plan_schedule(*, plan: MeetingPlan, blocks: list[MeetingBlock]) -> Schedule:
    """Each block's start and end from the plan's start time and the blocks before it."""
    start = plan_start(plan=plan)
    rows, offset = [], 0
    for number, block in enumerate(blocks, start=1):
        begins = start + dt.timedelta(minutes=offset)
        offset += block.minutes
        rows.append(
            ScheduledBlock(
                block=block,
                number=number,
                start=begins,
                end=start + dt.timedelta(minutes=offset),
                offset=offset - block.minutes,
            )
        )
    return Schedule(rows=rows, start=start, total=offset, available=plan.minutes_available)
