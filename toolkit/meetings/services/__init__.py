"""The rules of meeting plans, in one place: every change names the version it started from.

A change runs one conditional `UPDATE … SET version = version + 1 WHERE version = <base>` first, in the same
transaction as the change itself. If another member changed the same thing meanwhile, nothing is written and
the caller gets a conflict to show with the current plan (the member's input is kept by the view). What a
change names: the plan's details name the plan's `version`; moving and removing blocks name the plan's
`order_version`; a block's edit names that block's `version` (docs/decisions/013-per-block-versions.md).
Adding a block and undoing a removal need no base: they overwrite nothing.

The package's modules: facilitation (a plan's shared facilitation run), plans (a plan's own changes, the
version claim, tools), blocks (a plan's blocks), schedule (reading the blocks and their clock times),
experiments (a team's experiments, versioned the same way) and suggestion (a plan suggested from an
assessment round and the running experiments). Callers use this package's names.
"""

from django.core.exceptions import ValidationError

from toolkit.meetings.services.blocks import (
    AT_START,
    block_add,
    block_delete,
    block_move,
    block_restore,
    block_update,
    removed_block_get,
)
from toolkit.meetings.services.experiments import (
    ExperimentConflict,
    experiment_create,
    experiment_get,
    experiment_initial_from_plan,
    experiment_initial_from_workbook,
    experiment_list,
    experiment_start,
    experiment_update,
    experiments_due,
    experiments_open,
)
from toolkit.meetings.services.facilitation import (
    RunConflict,
    run_act,
    run_find,
    run_get,
    run_state,
)
from toolkit.meetings.services.facilitation import topic as facilitation_topic
from toolkit.meetings.services.plans import (
    MAX_DB_INT,
    BlockConflict,
    PlanConflict,
    finder_url,
    plan_create,
    plan_create_from_template,
    plan_delete,
    plan_duplicate,
    plan_get,
    plan_list,
    plan_save_as_template,
    plan_update,
    plans_and_template,
    template_get,
    tool_get,
    tools_for_choice,
)
from toolkit.meetings.services.schedule import (
    HELSINKI,
    Schedule,
    ScheduledBlock,
    plan_blocks,
    plan_schedule,
    plan_start,
)
from toolkit.meetings.services.suggestion import plan_suggest, suggestion_inputs
from toolkit.meetings.suggest import SuggestedBlock, ToolOption, WeakStatement, suggest_blocks

__all__ = [
    "AT_START",
    "HELSINKI",
    "MAX_DB_INT",
    "BlockConflict",
    "ExperimentConflict",
    "PlanConflict",
    "RunConflict",
    "Schedule",
    "ScheduledBlock",
    "SuggestedBlock",
    "ToolOption",
    "ValidationError",
    "WeakStatement",
    "block_add",
    "block_delete",
    "block_move",
    "block_restore",
    "block_update",
    "experiment_create",
    "experiment_get",
    "experiment_initial_from_plan",
    "experiment_initial_from_workbook",
    "experiment_list",
    "experiment_start",
    "experiment_update",
    "experiments_due",
    "experiments_open",
    "facilitation_topic",
    "finder_url",
    "plan_blocks",
    "plan_create",
    "plan_create_from_template",
    "plan_delete",
    "plan_duplicate",
    "plan_get",
    "plan_list",
    "plan_save_as_template",
    "plan_schedule",
    "plan_start",
    "plan_suggest",
    "plan_update",
    "plans_and_template",
    "removed_block_get",
    "run_act",
    "run_find",
    "run_get",
    "run_state",
    "suggest_blocks",
    "suggestion_inputs",
    "template_get",
    "tool_get",
    "tools_for_choice",
]
