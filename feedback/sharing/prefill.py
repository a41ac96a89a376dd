"""What the share form starts from: an ended experiment's fields, mapped to a story's experiment fields."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext

from feedback.models import HYPOTHESIS_MAX_LENGTH, LEARNED_MAX_LENGTH, TITLE_MAX_LENGTH
from inspire.choices import ExperimentStatus
from toolkit.models import MeetingBlock, TeamExperiment

# The team's choice after an ended experiment, as Innostu names an experiment's state.
STATUS_OF_OUTCOME = {
    TeamExperiment.Outcome.CONTINUE: ExperimentStatus.RUNNING,
    TeamExperiment.Outcome.ADOPT: ExperimentStatus.ADOPTED,
    TeamExperiment.Outcome.STOP: ExperimentStatus.STOPPED,
}


@dataclass(frozen=True)
class PlanTool:
    tool_id: int
    title: str


def duration_text(experiment: TeamExperiment) -> str:
    """ "3 viikkoa" for whole weeks (both dates counted), else "10 päivää"; "" without both dates."""
    if (
        experiment.starts_on is None
        or experiment.ends_on is None
        or experiment.ends_on < experiment.starts_on
    ):
        return ""
    days = (experiment.ends_on - experiment.starts_on).days + 1
    if days % 7 == 0:
        weeks = days // 7
        return ngettext("%(count)d viikko", "%(count)d viikkoa", weeks) % {"count": weeks}
    return ngettext("%(count)d päivä", "%(count)d päivää", days) % {"count": days}


def status_of(experiment: TeamExperiment) -> str:
    return STATUS_OF_OUTCOME.get(experiment.outcome, ExperimentStatus.ENDED)


def plan_tools(experiment: TeamExperiment) -> list[PlanTool]:
    """The site's tools in the meeting the experiment was agreed on, in the plan's order (one query; none
    without a plan)."""
    if experiment.plan_id is None:
        return []
    blocks = MeetingBlock.objects.filter(
        plan_id=experiment.plan_id, kind=MeetingBlock.Kind.TOOL, tool__isnull=False
    ).values_list("tool_id", "title")
    seen: set[int] = set()
    tools = []
    for tool_id, title in blocks:
        if tool_id not in seen:
            seen.add(tool_id)
            tools.append(PlanTool(tool_id=tool_id, title=title))
    return tools


def initial_of(experiment: TeamExperiment, tools: list[PlanTool]) -> dict:
    """The form's starting values: the team reads and edits each before anything is sent. The caretaker is
    left out (a person's name or role, not part of what worked)."""
    hypothesis = "\n\n".join(part for part in (experiment.why, experiment.success) if part)
    return {
        "title": experiment.title[:TITLE_MAX_LENGTH],
        "hypothesis": hypothesis[:HYPOTHESIS_MAX_LENGTH],
        "duration": duration_text(experiment),
        "status": status_of(experiment),
        "learned": experiment.learned[:LEARNED_MAX_LENGTH],
        "tools": "\n".join(tool.title for tool in tools),
    }


def tool_ids_named(tools: list[PlanTool], text: str) -> list[int]:
    """The plan's tools whose line the team kept in the tools text (a removed line unlinks its tool)."""
    lines = {line.strip().casefold() for line in text.splitlines() if line.strip()}
    return [tool.tool_id for tool in tools if tool.title.strip().casefold() in lines]
