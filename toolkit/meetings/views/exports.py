"""The agenda, the calendar file and the facilitation view of a plan (read-only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from toolkit.meetings import export, services
from toolkit.meetings.views.page import plan_url, plan_view
from toolkit.tools.facilitation import facilitation_context
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count


@require_GET
@plan_view
def agenda(request: HttpRequest, space, plan) -> HttpResponse:
    blocks = services.plan_blocks(plan=plan)
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
    return TemplateResponse(
        request, "toolkit/meetings/agenda.html", {"space": space, "plan": plan, "schedule": schedule}
    )


@require_GET
@plan_view
def facilitate(request: HttpRequest, space, plan) -> HttpResponse:
    """The whole plan in the facilitation view of branch facilitate (docs/facilitation.md): each block in turn,
    a tool's own steps nested in its block; clock times from the plan's start."""
    blocks = services.plan_blocks(plan=plan)
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
    if not space.usage_opt_out:
        # Once per plan and day: a facilitator reloads the screen, a meeting does not run twice a day.
        tool_usage_count(
            tool_ids=[block.tool_id for block in blocks],
            event=ToolEvent.FACILITATE,
            once_key=f"plan{plan.pk}",
        )
    context = facilitation_context(
        export.plan_facilitation(plan=plan, schedule=schedule),
        back_url=plan_url(space, plan),
        back_label=_("Takaisin palaverin suunnitelmaan"),
        start=schedule.start,
    )
    return TemplateResponse(request, "toolkit/facilitate/facilitate.html", context)


@require_GET
@plan_view
def calendar_file(request: HttpRequest, space, plan) -> HttpResponse:
    schedule = services.plan_schedule(plan=plan, blocks=services.plan_blocks(plan=plan))
    response = HttpResponse(
        export.plan_ics(plan=plan, schedule=schedule), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.ics_filename(plan)}"'
    return response
