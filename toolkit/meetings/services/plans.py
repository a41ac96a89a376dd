"""Plans: creating, changing and deleting a plan, the version claim every change starts with, the tools a
block can be made of, and a plan suggested from an assessment round. See the package's docstring."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from toolkit.meetings.models import MeetingBlock, MeetingPlan
from toolkit.meetings.suggest import SuggestedBlock
from toolkit.team import services as team_services
from toolkit.team.models import TeamSpace
from toolkit.tools.models import ToolIndexPage, ToolPage
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count
from valoa.languages.locales import locale_id_of_language, prefer_active_language
from valoa.pages.queries import public_q

MAX_DB_INT = 2**31 - 1


class PlanConflict(Exception):
    """Another member changed the plan after `base_version`: nothing was written."""

    def __init__(self, plan: MeetingPlan):
        super().__init__("conflict")
        self.plan = plan


# --- Reading ------------------------------------------------------------------------------------------


def plan_list(*, space: TeamSpace) -> list[MeetingPlan]:
    plans = list(MeetingPlan.objects.filter(space=space).order_by("-date", "-start_time", "-pk"))
    for plan in plans:
        plan.space = space  # the caller's instance: no query for it later (e.g. for its usage_opt_out)
    return plans


def plan_get(*, space: TeamSpace, plan_id: int) -> MeetingPlan:
    if not 0 < plan_id <= MAX_DB_INT:
        raise Http404
    try:
        plan = MeetingPlan.objects.get(space=space, pk=plan_id)
    except MeetingPlan.DoesNotExist:
        raise Http404 from None
    plan.space = space  # the caller's instance: no query for it later
    return plan


# --- Changing -----------------------------------------------------------------------------------------


def claim(*, plan: MeetingPlan, base_version: int | None) -> None:
    """Take the next version, or raise PlanConflict. Must run inside the change's transaction.

    Shared with services.blocks (the package's own helper, not for views).

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


def clean_text(value: str) -> str:
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
    assessment_round_id: int | None = None,
) -> MeetingPlan:
    plan = MeetingPlan(
        space=space,
        title=clean_text(title),
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
            assessment_round_id=assessment_round_id if suggested.results else None,
        )
        block.full_clean(exclude=["plan", "assessment_round"])
        rows.append(block)
    MeetingBlock.objects.bulk_create(rows)
    team_services.team_space_touch(space=space)
    if not space.usage_opt_out:
        tool_usage_count(tool_ids=[block.tool_id for block in rows], event=ToolEvent.PLAN)
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
    claim(plan=plan, base_version=base_version)
    plan.title = clean_text(title)
    plan.date = date
    plan.start_time = start_time
    plan.minutes_available = minutes_available
    plan.full_clean()
    plan.save(update_fields=["title", "date", "start_time", "minutes_available"])
    return plan


@transaction.atomic
def plan_delete(*, plan: MeetingPlan, base_version: int) -> None:
    claim(plan=plan, base_version=base_version)
    plan.delete()


# --- Tools --------------------------------------------------------------------------------------------


def live_tools():
    return ToolPage.objects.live().filter(public_q())


def tools_for_choice():
    """The live tools of the reader's language a block can be made of, by title (the plan page's select), as
    (id, title, minutes) rows."""
    return (
        live_tools()
        .filter(locale_id=locale_id_of_language(get_language()))
        .order_by("title")
        .values_list("pk", "title", "duration_minutes")
    )


def tool_get(*, tool_id: int) -> ToolPage:
    """The live tool `tool_id` in the language being read: its translation when it has a live one, else the tool
    itself (the add-from-card link names the card's own tool; the same link under /sv/ adds the Swedish tool)."""
    if not 0 < tool_id <= MAX_DB_INT:
        raise Http404
    tool = prefer_active_language(live_tools(), tool_id).only("title", "duration_minutes").first()
    if tool is None:
        raise Http404
    return tool


# --- A plan suggested from an assessment round --------------------------------------------------------


def finder_url(*, request=None) -> str:
    """The tool finder's address in the reader's language, for the plan page's link to it."""
    index = (
        ToolIndexPage.objects.live()
        .filter(locale_id=locale_id_of_language(get_language()))
        .order_by("path")
        .first()
    )
    return (index.get_url(request) or "") if index else ""
