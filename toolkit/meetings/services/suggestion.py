"""A plan suggested from an assessment round: the rule's inputs from the round's results and the team's
running experiments, and the plan it makes (toolkit/meetings/suggest.py holds the rule itself)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import get_language

from toolkit.meetings.models import MeetingPlan
from toolkit.meetings.services.experiments import experiments_due
from toolkit.meetings.services.plans import live_tools, plan_create
from toolkit.meetings.suggest import ToolOption, WeakStatement, suggest_blocks
from toolkit.team.models import TeamSpace
from toolkit.tools.models import ToolPage
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count
from valoa.languages.locales import locale_id_of_language

# A check-in tool: its slug names one in some language (the Finnish and English slugs say "check-in", the
# Swedish one "incheckning"). Its translations share its translation key, so one query marks them all.
CHECK_IN_SLUG_PARTS = ("check-in", "incheckning")


def _check_in_keys() -> set:
    query = Q()
    for part in CHECK_IN_SLUG_PARTS:
        query |= Q(slug__icontains=part)
    return set(ToolPage.objects.filter(query).values_list("translation_key", flat=True))


def _options(tools: list[ToolPage], check_in_keys: set) -> list[ToolOption]:
    return [
        ToolOption(
            id=tool.pk,
            title=tool.title,
            minutes=tool.duration_minutes or 0,
            group_min=tool.group_size_min or 1,
            group_max=tool.group_size_max,
            check_in=tool.translation_key in check_in_keys,
        )
        for tool in tools
    ]


def suggestion_inputs(*, results) -> tuple[list[WeakStatement], list[ToolOption]]:
    """The suggestion rule's inputs from a round's results: the weakest statements (weakest first) with the tools
    recommended for each, and the live tools of the team's phase (by title). Three queries."""
    check_in_keys = _check_in_keys()
    weak_ids = list(dict.fromkeys(tool.pk for _result, tools in results.recommendations for tool in tools))
    tools = live_tools()
    fields = ("title", "duration_minutes", "group_size_min", "group_size_max", "translation_key")
    by_id = {
        option.id: option
        for option in _options(list(tools.filter(pk__in=weak_ids).only(*fields)), check_in_keys)
    }
    weak = [
        WeakStatement(
            number=result.statement.number,
            text=result.statement.text,
            tools=tuple(by_id[tool.pk] for tool in recommended if tool.pk in by_id),
        )
        for result, recommended in results.recommendations
    ]
    phase = []
    if results.phase is not None:
        # The phase's tools in the reader's language (the round's phase is in the language it was taken in).
        in_phase = tools.filter(
            locale_id=locale_id_of_language(get_language()),
            phases__translation_key=results.phase.translation_key,
        )
        phase = _options(list(in_phase.order_by("title").only(*fields)), check_in_keys)
    return weak, phase


def plan_suggest(
    *,
    space: TeamSpace,
    results,
    assessment_round_id: int,
    title: str,
    minutes: int,
    group_size: int,
    date: dt.date,
    start_time: dt.time,
) -> MeetingPlan:
    """A plan from the round's results; the running experiments whose follow-up date has come by the meeting's
    date are followed up in it."""
    weak, phase = suggestion_inputs(results=results)
    follow_ups = [experiment.title for experiment in experiments_due(space=space, on=date)]
    blocks = suggest_blocks(
        minutes=minutes, group_size=group_size, weak=weak, phase_tools=phase, follow_ups=follow_ups
    )
    plan = plan_create(
        space=space,
        title=title,
        date=date,
        start_time=start_time,
        minutes_available=minutes,
        blocks=blocks,
        assessment_round_id=assessment_round_id,
    )
    if not space.usage_opt_out:
        # Chosen after a recommendation: the tools recommended for the weakest statements that the plan kept.
        recommended = {tool.id for statement in weak for tool in statement.tools}
        tool_usage_count(
            tool_ids=[block.tool_id for block in blocks if block.tool_id in recommended],
            event=ToolEvent.CHOSEN,
        )
    return plan
