"""The agenda and the calendar file of a plan (read-only); the facilitation view is in views.facilitation."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from toolkit.meetings import export, services
from toolkit.meetings.views.page import plan_view
from toolkit.team.page_cache import cached_team_page
from toolkit.team.views import team_view


@require_GET
@team_view
@cached_team_page
@plan_view
def agenda(request: HttpRequest, space, plan) -> HttpResponse:
    blocks = services.plan_blocks(plan=plan)
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
    return TemplateResponse(
        request, "toolkit/meetings/agenda.html", {"space": space, "plan": plan, "schedule": schedule}
    )


@require_GET
@plan_view
def calendar_file(request: HttpRequest, space, plan) -> HttpResponse:
    schedule = services.plan_schedule(plan=plan, blocks=services.plan_blocks(plan=plan))
    response = HttpResponse(
        export.plan_ics(plan=plan, schedule=schedule), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.ics_filename(plan)}"'
    return response
