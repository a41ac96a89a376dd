"""The rules of meeting plans, in one place: every change names the plan's version it started from.

A change runs one conditional `UPDATE … SET version = version + 1 WHERE version = <base>` first, in the same
transaction as the change itself. If another member changed the plan meanwhile, nothing is written and the
caller gets a conflict to show with the current plan (the member's input is kept by the view). Adding a
block is the one change that needs no base: appending overwrites nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.meetings.models import MAX_BLOCKS, MeetingBlock, MeetingPlan
from toolkit.meetings.suggest import SuggestedBlock, ToolOption, suggest_blocks
from toolkit.team import services as team_services
from toolkit.team.models import TeamSpace
from toolkit.tools.models import ToolPage
from toolkit.tools.pages import ToolIndexPage
from valoa.page_queries import public_q

HELSINKI = ZoneInfo("Europe/Helsinki")
MAX_DB_INT = 2**31 - 1


class PlanConflict(Exception):
    """Another member changed the plan after `base_version`: nothing was written."""

    def __init__(self, plan: MeetingPlan):
        super().__init__("conflict")
        self.plan = plan


# --- Reading ------------------------------------------------------------------------------------------


def plan_list(*, space: TeamSpace) -> list[MeetingPlan]:
    return list(MeetingPlan.objects.filter(space=space).order_by("-date", "-start_time", "-pk"))


def plan_get(*, space: TeamSpace, plan_id: int) -> MeetingPlan:
    if not 0 < plan_id <= MAX_DB_INT:
        raise Http404
    try:
        plan = MeetingPlan.objects.get(space=space, pk=plan_id)
    except MeetingPlan.DoesNotExist:
        raise Http404 from None
    plan.space = space  # the caller's instance: no query for it later
    return plan


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


# --- Changing -----------------------------------------------------------------------------------------


def _claim(*, plan: MeetingPlan, base_version: int | None) -> None:
    """Take the next version, or raise PlanConflict. Must run inside the change's transaction.

    The UPDATE locks the plan's row until the transaction ends, so a second member's conditional UPDATE
    waits, then finds the version changed and writes nothing.
    """
    now = timezone.now()
    plans = MeetingPlan.objects.filter(pk=plan.pk)
    if base_version is not None:
        plans = plans.filter(version=base_version)
    if not plans.update(version=F("version") + 1, updated_at=now):
        current = MeetingPlan.objects.filter(pk=plan.pk).first()
        if current is None:
            raise Http404
        current.space = plan.space
        raise PlanConflict(current)
    plan.refresh_from_db(fields=["version", "updated_at"])
    team_services.team_space_touch(space=plan.space)


def _renumber(blocks: list[MeetingBlock]) -> None:
    changed = []
    for position, block in enumerate(blocks):
        if block.position != position:
            block.position = position
            changed.append(block)
    if changed:
        MeetingBlock.objects.bulk_update(changed, ["position"])


def _clean_text(value: str) -> str:
    return (value or "").replace("\x00", "").replace("\r\n", "\n").strip()


@transaction.atomic
def plan_create(
    *,
    space: TeamSpace,
    title: str,
    date: dt.date,
    start_time: dt.time,
    minutes_available: int,
    blocks: list[SuggestedBlock] = (),
) -> MeetingPlan:
    plan = MeetingPlan(
        space=space,
        title=_clean_text(title),
        date=date,
        start_time=start_time,
        minutes_available=minutes_available,
    )
    plan.full_clean()
    plan.save()
    tools = {tool.pk: tool for tool in ToolPage.objects.live().filter(pk__in=[b.tool_id for b in blocks])}
    rows = []
    for position, suggested in enumerate(blocks):
        block = MeetingBlock(
            plan=plan,
            position=position,
            kind=suggested.kind,
            tool=tools.get(suggested.tool_id),
            title=suggested.title,
            minutes=suggested.minutes,
            note=suggested.note,
        )
        block.full_clean(exclude=["plan"])
        rows.append(block)
    MeetingBlock.objects.bulk_create(rows)
    team_services.team_space_touch(space=space)
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: MeetingPlan,
    base_version: int,
    title: str,
    date: dt.date,
    start_time: dt.time,
    minutes_available: int,
) -> MeetingPlan:
    _claim(plan=plan, base_version=base_version)
    plan.title = _clean_text(title)
    plan.date = date
    plan.start_time = start_time
    plan.minutes_available = minutes_available
    plan.full_clean()
    plan.save(update_fields=["title", "date", "start_time", "minutes_available"])
    return plan


@transaction.atomic
def plan_delete(*, plan: MeetingPlan, base_version: int) -> None:
    _claim(plan=plan, base_version=base_version)
    plan.delete()


@transaction.atomic
def block_add(
    *,
    plan: MeetingPlan,
    kind: str,
    minutes: int,
    title: str = "",
    note: str = "",
    tool: ToolPage | None = None,
) -> MeetingBlock:
    """Append a block. No base version: adding overwrites nothing, so two members adding at once both win."""
    _claim(plan=plan, base_version=None)
    count = plan.blocks.count()
    if count >= MAX_BLOCKS:
        raise ValidationError(_("Palaverissa voi olla enintään %(max)s osiota.") % {"max": MAX_BLOCKS})
    if kind == MeetingBlock.Kind.TOOL:
        if tool is None:
            raise ValidationError(_("Valitse työkalu."))
        title = title or tool.title
    else:
        tool = None
        title = _clean_text(title) or str(MeetingBlock.Kind(kind).label)
    block = MeetingBlock(
        plan=plan, position=count, kind=kind, tool=tool, title=title, minutes=minutes, note=_clean_text(note)
    )
    block.full_clean()
    block.save()
    return block


def _block_of(plan: MeetingPlan, block_id: int) -> tuple[list[MeetingBlock], int]:
    blocks = list(plan.blocks.select_for_update())
    for index, block in enumerate(blocks):
        if block.pk == block_id:
            return blocks, index
    raise Http404


@transaction.atomic
def block_update(
    *, plan: MeetingPlan, block_id: int, base_version: int, title: str, minutes: int, note: str
) -> MeetingBlock:
    _claim(plan=plan, base_version=base_version)
    blocks, index = _block_of(plan, block_id)
    block = blocks[index]
    block.title = _clean_text(title) or block.title
    block.minutes = minutes
    block.note = _clean_text(note)
    block.full_clean()
    block.save(update_fields=["title", "minutes", "note"])
    return block


@transaction.atomic
def block_move(*, plan: MeetingPlan, block_id: int, base_version: int, up: bool) -> tuple[int, int]:
    """Move a block one place up or down; returns its new 1-based place and the number of blocks."""
    _claim(plan=plan, base_version=base_version)
    blocks, index = _block_of(plan, block_id)
    target = index - 1 if up else index + 1
    if 0 <= target < len(blocks):
        blocks[index], blocks[target] = blocks[target], blocks[index]
        index = target
    _renumber(blocks)
    return index + 1, len(blocks)


@transaction.atomic
def block_delete(*, plan: MeetingPlan, block_id: int, base_version: int) -> MeetingBlock:
    _claim(plan=plan, base_version=base_version)
    blocks, index = _block_of(plan, block_id)
    block = blocks.pop(index)
    block.delete()
    _renumber(blocks)
    return block


# --- Tools --------------------------------------------------------------------------------------------


def tools_for_choice():
    """The live tools a block can be made of, by title (the plan page's select and the add-from-card link)."""
    return ToolPage.objects.live().filter(public_q()).order_by("title").only("title", "duration_minutes")


def tool_get(*, tool_id: int) -> ToolPage:
    if not 0 < tool_id <= MAX_DB_INT:
        raise Http404
    tool = tools_for_choice().filter(pk=tool_id).first()
    if tool is None:
        raise Http404
    return tool


# --- A plan suggested from an assessment round --------------------------------------------------------


def _options(tools: list[ToolPage]) -> list[ToolOption]:
    return [
        ToolOption(
            id=tool.pk,
            title=tool.title,
            minutes=tool.duration_minutes or 0,
            group_min=tool.group_size_min or 1,
            group_max=tool.group_size_max,
        )
        for tool in tools
    ]


def suggestion_inputs(*, results) -> tuple[list[ToolOption], list[ToolOption], str]:
    """The suggestion rule's inputs from a round's results: the tools recommended for the weakest statements
    (in the order of the statements), the live tools of the team's phase (by title), and the weakest
    statement's text. Two queries."""
    weak_ids = list(dict.fromkeys(tool.pk for _result, tools in results.recommendations for tool in tools))
    tools = ToolPage.objects.live().filter(public_q())
    fields = ("title", "duration_minutes", "group_size_min", "group_size_max")
    by_id = {tool.pk: tool for tool in tools.filter(pk__in=weak_ids).only(*fields)}
    weak = _options([by_id[pk] for pk in weak_ids if pk in by_id])
    phase = []
    if results.phase is not None:
        phase = _options(list(tools.filter(phases=results.phase).order_by("title").only(*fields)))
    focus = results.weakest[0].statement.text if results.weakest else ""
    return weak, phase, focus


def plan_suggest(
    *,
    space: TeamSpace,
    results,
    title: str,
    minutes: int,
    group_size: int,
    date: dt.date,
    start_time: dt.time,
) -> MeetingPlan:
    weak, phase, focus = suggestion_inputs(results=results)
    blocks = suggest_blocks(
        minutes=minutes, group_size=group_size, weak_tools=weak, phase_tools=phase, focus=focus
    )
    return plan_create(
        space=space, title=title, date=date, start_time=start_time, minutes_available=minutes, blocks=blocks
    )


def finder_url(*, request=None) -> str:
    """The tool finder's address, for the plan page's link to it."""
    index = ToolIndexPage.objects.live().order_by("path").first()
    return (index.get_url(request) or "") if index else ""
