"""Adding a tool to a plan from the tool's card or the finder: the team's link, then the plan to add it to."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from toolkit.meetings import services
from toolkit.meetings.forms import PlanForm, SuggestForm, TeamLinkForm
from toolkit.meetings.models import MeetingBlock
from toolkit.meetings.views.page import plan_url, see_other
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view


@require_http_methods(["GET", "POST"])
def add_from_tool(request: HttpRequest, tool_id: int) -> HttpResponse:
    """ "Lisää palaveriin" on a tool card: the team pastes its link (nothing is remembered server-side)."""
    tool = services.tool_get(tool_id=tool_id)
    form = TeamLinkForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            space = get_space(request, form.token())
        except Http404:
            form.add_error(
                "link", _("Tällä linkillä ei löydy tiimin työtilaa. Tarkista, että kopioit koko linkin.")
            )
        else:
            return see_other(
                reverse("toolkit:meeting_add_tool", kwargs={"token": space.token, "tool_id": tool.pk})
            )
    return TemplateResponse(
        request,
        "toolkit/meetings/add_from_tool.html",
        {"tool": tool, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
@team_view
def add_tool_to_plan(request: HttpRequest, token: str, tool_id: int) -> HttpResponse:
    """Choose the plan (or start a new one) for a tool picked on its card or in the finder."""
    space = get_space(request, token)
    tool = services.tool_get(tool_id=tool_id)
    plans = services.plan_list(space=space)
    error = ""
    new_form = PlanForm(
        initial={"title": _("Palaveri"), "minutes_available": 60, **SuggestForm.initial_when()}
    )
    if request.method == "POST":
        if request.POST.get("plan") == "uusi":
            new_form = PlanForm(request.POST)
            if new_form.is_valid():
                plan = services.plan_create(space=space, **new_form.plan_fields())
                block = services.block_add(
                    plan=plan, kind=MeetingBlock.Kind.TOOL, tool=tool, minutes=tool.duration_minutes
                )
                return see_other(plan_url(space, plan, f"osio-{block.pk}"))
        else:
            plan = next((p for p in plans if str(p.pk) == request.POST.get("plan")), None)
            if plan is not None:
                try:
                    block = services.block_add(
                        plan=plan, kind=MeetingBlock.Kind.TOOL, tool=tool, minutes=tool.duration_minutes
                    )
                except services.ValidationError as invalid:
                    error = " ".join(invalid.messages)
                else:
                    return see_other(plan_url(space, plan, f"osio-{block.pk}"))
            else:
                error = _("Valitse palaveri, johon työkalu lisätään.")
    return TemplateResponse(
        request,
        "toolkit/meetings/add_tool.html",
        {
            "space": space,
            "tool": tool,
            "plans": plans,
            "new_form": new_form,
            "error": error,
            "chosen": request.POST.get("plan", ""),
        },
        status=400 if request.method == "POST" else 200,
    )
