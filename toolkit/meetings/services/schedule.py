"""Reading a plan's blocks and working out each block's clock times (the plan page, agenda, .ics, facilitation)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.translation import get_language

from toolkit.meetings.models import MeetingBlock, MeetingPlan
from toolkit.tools.models import ToolPage
from valoa.languages.locales import locale_id_of_language

HELSINKI = ZoneInfo("Europe/Helsinki")


TOOL_FIELDS = (
    "title",
    "url_path",
    "live",
    "path",
    "depth",
    "locale_id",
    "duration_minutes",
    "steps",
    "intro",
)


def plan_blocks(*, plan: MeetingPlan) -> list[MeetingBlock]:
    """The blocks in order, with their tools in the reader's language (one query: the tool's page row joined;
    one more only when a tool was added in another language)."""
    blocks = list(
        plan.live_blocks()
        .select_related("tool")
        .only(
            "plan_id",
            "position",
            "version",  # the block's edit form names it
            "kind",
            "title",
            "minutes",
            "note",
            "tool_id",
            "assessment_round_id",  # a results block links the round's slides
            *(f"tool__{field}" for field in TOOL_FIELDS),
            "tool__translation_key",
        )
    )
    _localize_tools(blocks)
    return blocks


def _localize_tools(blocks: list[MeetingBlock]) -> None:
    """A team space is one space in every language: a block made of a Finnish tool shows the Swedish tool (its
    steps, its link) to a member reading in Swedish, and the tool's title too unless the team renamed the block.
    For reading only: the blocks are not saved after this."""
    locale_id = locale_id_of_language(get_language())
    foreign = {
        block.tool.translation_key for block in blocks if block.tool and block.tool.locale_id != locale_id
    }
    if not foreign or locale_id is None:
        return
    translations = {
        tool.translation_key: tool
        for tool in ToolPage.objects.live()
        .filter(locale_id=locale_id, translation_key__in=foreign)
        .only(*TOOL_FIELDS, "translation_key")
    }
    for block in blocks:
        translated = translations.get(block.tool.translation_key) if block.tool else None
        if translated is not None:
            if block.title == block.tool.title:
                block.title = translated.title
            block.tool = translated


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
