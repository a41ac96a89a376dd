"""The list of plans and a new plan (empty or from the space's template), a plan's page and its details form,
duplicating a plan, saving it as the space's template, deleting a plan."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from toolkit.meetings import services
from toolkit.meetings.forms import DeletePlanForm, NewPlanForm, PlanForm, SuggestForm
from toolkit.meetings.services import PlanConflict
from toolkit.meetings.views.page import (
    DETAILS,
    plan_url,
    plan_view,
    plans_url,
    render_conflict,
    render_plan,
    see_other,
    with_version,
)
from toolkit.team.page_cache import cached_team_page
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view


@require_http_methods(["GET", "POST"])
@team_view
def plan_list(request: HttpRequest, token: str) -> HttpResponse:
    space = get_space(request, token)
    plans, template = services.plans_and_template(space=space)
    form = NewPlanForm(request.POST if request.method == "POST" else None, template=template)
    if request.method == "POST" and form.is_valid():
        try:
            if form.from_template:
                plan = services.plan_create_from_template(space=space, **form.plan_fields())
            else:
                plan = services.plan_create(space=space, **form.plan_fields())
        except services.ValidationError as error:
            form.add_error("start", error)
        else:
            return see_other(plan_url(space, plan))
    if request.method == "GET":
        minutes = template.minutes_available if template else 60
        form = NewPlanForm(
            initial={"minutes_available": minutes, **SuggestForm.initial_when()}, template=template
        )
    return TemplateResponse(
        request,
        "toolkit/meetings/plan_list.html",
        {"space": space, "plans": plans, "template": template, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
@team_view
@cached_team_page
@plan_view
def plan_detail(request: HttpRequest, space, plan) -> HttpResponse:
    if request.method == "GET":
        return render_plan(request, space, plan)
    form = PlanForm(request.POST, prefix=DETAILS)
    if not form.is_valid() or form.cleaned_data["version"] is None:
        if form.is_valid():
            raise Http404
        return render_plan(request, space, plan, status=400, details_form=form, details_open=True)
    try:
        services.plan_update(plan=plan, base_version=form.cleaned_data["version"], **form.plan_fields())
    except PlanConflict as conflict:
        return render_conflict(
            request, space, conflict.plan, details_form=with_version(form, conflict.plan.version, DETAILS)
        )
    return see_other(plan_url(space, plan))


@require_POST
@plan_view
def plan_duplicate(request: HttpRequest, space, plan) -> HttpResponse:
    """ "Kopioi": a copy of the plan with copies of its blocks, on the same date; the copy's page opens."""
    copy = services.plan_duplicate(plan=plan)
    return see_other(f"{plan_url(space, copy)}?kopioitu=1")


@require_POST
@plan_view
def plan_save_as_template(request: HttpRequest, space, plan) -> HttpResponse:
    """ "Tallenna tiimin palaveripohjaksi": a copy of the plan becomes the space's one template."""
    services.plan_save_as_template(plan=plan)
    return see_other(f"{plan_url(space, plan)}?pohja=tallennettu#pohja")


@require_http_methods(["GET", "POST"])
@plan_view
def plan_delete(request: HttpRequest, space, plan) -> HttpResponse:
    form = DeletePlanForm(
        request.POST if request.method == "POST" else None, initial={"version": plan.version}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.plan_delete(plan=plan, base_version=form.cleaned_data["version"])
                return see_other(plans_url(space))
            except PlanConflict as conflict:
                plan = conflict.plan
                form = DeletePlanForm(initial={"version": plan.version})
                status = 409
    return TemplateResponse(
        request,
        "toolkit/meetings/plan_delete.html",
        {"space": space, "plan": plan, "form": form, "conflict": status == 409},
        status=status,
    )
