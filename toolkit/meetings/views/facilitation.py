"""A plan's facilitation view, its follower view and its shared state (docs/facilitation.md).

The views render the same template: the list of all steps without JavaScript, the timer stage with it. The
stage reads the run's state from a data island, listens on the space's live channel for changes and fetches
the state again on every (re)connect, or polls it while the channel is down. The controls are POSTs to
`state`, answered with the state as JSON (409 and the current state when the screen saw an older version or
does not hold the controls).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from toolkit.meetings import export, services
from toolkit.meetings.forms import FacilitationActionForm
from toolkit.meetings.views.page import plan_url, plan_view
from toolkit.tools.facilitation import facilitation_context, step_minutes
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count

MINUTE_MS = 60 * 1000


def _plan_data(plan, blocks=None) -> dict:
    blocks = services.plan_blocks(plan=plan) if blocks is None else blocks
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
    return {"schedule": schedule, "data": export.plan_facilitation(plan=plan, schedule=schedule)}


def _render(request: HttpRequest, space, plan, *, follower: bool, blocks=None) -> TemplateResponse:
    built = _plan_data(plan, blocks)
    data = built["data"]
    run = services.run_get(plan=plan, planned_ms=[m * MINUTE_MS for m in step_minutes(data)])
    kwargs = {"token": space.token, "plan_id": plan.pk}
    follow_url = reverse("toolkit:meeting_facilitate_follow", kwargs=kwargs)
    context = facilitation_context(
        data,
        back_url=plan_url(space, plan),
        back_label=_("Takaisin palaverin suunnitelmaan"),
        start=built["schedule"].start,
    )
    context.update(
        {
            "follower": follower,
            "follow_url": follow_url,
            "follow_link": request.build_absolute_uri(follow_url),
            "control_url": reverse("toolkit:meeting_facilitate", kwargs=kwargs),
            "shared": {
                "state": reverse("toolkit:meeting_facilitate_state", kwargs=kwargs),
                "live": f"/live/tiimi/{space.token}/",
                "topic": services.facilitation_topic(plan),
                "follower": follower,
                "initial": services.run_state(run=run),
            },
        }
    )
    return TemplateResponse(request, "toolkit/facilitate/facilitate.html", context)


@require_GET
@plan_view
def facilitate(request: HttpRequest, space, plan) -> HttpResponse:
    """The whole plan, each block in turn, a tool's own steps nested in its block; clock times from the plan's
    start. With JavaScript the timer is the team's shared run: every screen shows the same step and time."""
    blocks = services.plan_blocks(plan=plan)
    if not space.usage_opt_out:
        # Once per plan and day: a facilitator reloads the screen, a meeting does not run twice a day.
        tool_usage_count(
            tool_ids=[block.tool_id for block in blocks],
            event=ToolEvent.FACILITATE,
            once_key=f"plan{plan.pk}",
        )
    return _render(request, space, plan, follower=False, blocks=blocks)


@require_GET
@plan_view
def follow(request: HttpRequest, space, plan) -> HttpResponse:
    """The same run for the projector and remote members: big type, no controls, follows live."""
    return _render(request, space, plan, follower=True)


@require_http_methods(["GET", "POST"])
@plan_view
def state(request: HttpRequest, space, plan) -> HttpResponse:
    """GET: the run's state (catch-up on every reconnect, and the polling fallback). POST: one control."""
    if request.method == "GET":
        run = services.run_find(plan=plan)
        if run is None:
            run = services.run_get(
                plan=plan, planned_ms=[m * MINUTE_MS for m in step_minutes(_plan_data(plan)["data"])]
            )
        key = request.GET.get("avain", "")
        key = key if FacilitationActionForm.base_fields["key"].regex.match(key) else ""
        return JsonResponse({"status": "ok", "state": services.run_state(run=run, key=key)})
    form = FacilitationActionForm(request.POST)
    if not form.is_valid():
        return JsonResponse(
            {"status": "invalid", "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}},
            status=400,
        )
    key = form.cleaned_data["key"]
    run = services.run_find(plan=plan)
    if run is None:
        return JsonResponse({"status": "gone", "message": _("Lataa sivu uudelleen.")}, status=404)
    try:
        run = services.run_act(
            plan=plan,
            action=form.cleaned_data["action"],
            base_version=form.cleaned_data["version"],
            key=key,
        )
    except services.RunConflict as conflict:
        return JsonResponse(
            {"status": "conflict", "state": services.run_state(run=conflict.run, key=key)}, status=409
        )
    return JsonResponse({"status": "ok", "state": services.run_state(run=run, key=key)})
