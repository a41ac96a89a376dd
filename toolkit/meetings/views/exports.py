"""The agenda, the calendar file and the facilitation view of a plan (read-only)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from toolkit.meetings import export, services
from toolkit.meetings.views.page import plan_url
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view
from toolkit.tools.facilitation import facilitation_context


@require_GET
@team_view
def agenda(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    blocks = services.plan_blocks(plan=plan)
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
    return TemplateResponse(
        request, "toolkit/meetings/agenda.html", {"space": space, "plan": plan, "schedule": schedule}
    )


@require_GET
@team_view
def facilitate(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    """The whole plan in the facilitation view of branch facilitate (docs/facilitation.md): each block in turn,
    a tool's own steps nested in its block; clock times from the plan's start."""
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    schedule = services.plan_schedule(plan=plan, blocks=services.plan_blocks(plan=plan))
    context = facilitation_context(
        export.plan_facilitation(plan=plan, schedule=schedule),
        back_url=plan_url(space, plan),
        back_label=_("Takaisin palaverin suunnitelmaan"),
        start=schedule.start,
    )
    return TemplateResponse(request, "toolkit/facilitate/facilitate.html", context)


@require_GET
@team_view
def calendar_file(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    schedule = services.plan_schedule(plan=plan, blocks=services.plan_blocks(plan=plan))
    response = HttpResponse(
        export.plan_ics(plan=plan, schedule=schedule), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.ics_filename(plan)}"'
    return response
