"""Thin views of the meeting plans under /tiimi/<token>/palaverit/. The rules are in toolkit.meetings.services.

Every change is a plain POST form that redirects back (303) to the plan; errors re-render the plan with the
member's input next to the fields (400), and a stale edit re-renders it with the current plan and the
member's input kept (409). JavaScript only moves focus and announces moves.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from toolkit.assessment import services as assessment_services
from toolkit.meetings import export, services
from toolkit.meetings.forms import (
    BlockEditForm,
    BlockForm,
    DeletePlanForm,
    PlanForm,
    SuggestForm,
    TeamLinkForm,
    ToolBlockForm,
    VersionOnlyForm,
)
from toolkit.meetings.models import MeetingBlock
from toolkit.meetings.services import PlanConflict
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view
from toolkit.tools.facilitation import facilitation_context

# Form prefixes: the plan page holds several forms, and their fields' ids must not clash.
DETAILS, NEW_BLOCK, NEW_TOOL = "tiedot", "uusi", "tyokalu"


def _plan_url(space, plan, fragment: str = "") -> str:
    url = reverse("toolkit:meeting_plan", kwargs={"token": space.token, "plan_id": plan.pk})
    return f"{url}#{fragment}" if fragment else url


def _plans_url(space) -> str:
    return reverse("toolkit:meeting_plans", kwargs={"token": space.token})


def _see_other(url: str) -> HttpResponse:
    response = redirect(url)
    response.status_code = 303
    return response


# --- The list of plans and a new plan ----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@team_view
def plan_list(request: HttpRequest, token: str) -> HttpResponse:
    space = get_space(request, token)
    form = PlanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = services.plan_create(
            space=space,
            title=data["title"],
            date=data["date"],
            start_time=data["start_time"],
            minutes_available=data["minutes_available"],
        )
        return _see_other(_plan_url(space, plan))
    if request.method == "GET":
        form = PlanForm(initial={"minutes_available": 60, **SuggestForm.initial_when()})
    return TemplateResponse(
        request,
        "toolkit/meetings/plan_list.html",
        {"space": space, "plans": services.plan_list(space=space), "form": form},
        status=400 if form.is_bound else 200,
    )


# --- One plan ----------------------------------------------------------------------------------------


def _plan_context(request, space, plan, **forms) -> dict:
    blocks = services.plan_blocks(plan=plan)
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
    version = {"version": plan.version}
    context = {
        "space": space,
        "plan": plan,
        "schedule": schedule,
        "details_form": PlanForm(
            prefix=DETAILS,
            initial={
                "title": plan.title,
                "date": plan.date,
                "start_time": plan.start_time,
                "minutes_available": plan.minutes_available,
                **version,
            },
        ),
        "block_form": BlockForm(initial={"minutes": 10}, prefix=NEW_BLOCK),
        "tool_form": ToolBlockForm(tools=services.tools_for_choice(), prefix=NEW_TOOL),
        "finder_url": services.finder_url(request=request),
        "edit_forms": {},
        "moved": _moved(request, schedule),
    }
    for name, form in forms.items():
        if name == "edit_form":
            context["edit_forms"] = {form.block_id: form}
        else:
            context[name] = form
    rows = []
    for row in schedule.rows:
        form = context["edit_forms"].get(row.block.pk) or BlockEditForm(
            initial={
                "title": row.block.title,
                "minutes": row.block.minutes,
                "note": row.block.note,
                **version,
            },
            prefix=f"osio-{row.block.pk}",
        )
        rows.append({"row": row, "form": form, "open": row.block.pk in context["edit_forms"]})
    context["rows"] = rows
    return context


def _moved(request, schedule) -> dict | None:
    """The block just moved (from the redirect's query), for the focus and the announcement."""
    try:
        block_id = int(request.GET.get("siirretty", ""))
    except ValueError:
        return None
    for row in schedule.rows:
        if row.block.pk == block_id:
            return {
                "id": block_id,
                "up": request.GET.get("suunta") == "ylos",
                "message": _("”%(title)s” on nyt kohdassa %(place)s/%(count)s, alkaa klo %(time)s.")
                % {
                    "title": row.block.title,
                    "place": row.number,
                    "count": len(schedule.rows),
                    "time": f"{row.start.hour}.{row.start.minute:02d}",
                },
            }
    return None


def _render_plan(request, space, plan, *, status=200, **extra) -> TemplateResponse:
    forms = {k: v for k, v in extra.items() if k.endswith("_form")}
    context = _plan_context(request, space, plan, **forms)
    context.update({k: v for k, v in extra.items() if not k.endswith("_form")})
    return TemplateResponse(request, "toolkit/meetings/plan.html", context, status=status)


def _with_version(form, version: int, prefix: str = ""):
    """A copy of a bound form's data on the current version: sending it again saves the member's input."""
    data = form.data.copy()
    data[f"{prefix}-version" if prefix else "version"] = str(version)
    return type(form)(data, prefix=prefix or None)


@require_http_methods(["GET", "POST"])
@team_view
def plan_detail(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    if request.method == "GET":
        return _render_plan(request, space, plan)
    form = PlanForm(request.POST, prefix=DETAILS)
    if not form.is_valid() or form.cleaned_data["version"] is None:
        if form.is_valid():
            raise Http404
        return _render_plan(request, space, plan, status=400, details_form=form, details_open=True)
    data = form.cleaned_data
    try:
        services.plan_update(
            plan=plan,
            base_version=data["version"],
            title=data["title"],
            date=data["date"],
            start_time=data["start_time"],
            minutes_available=data["minutes_available"],
        )
    except PlanConflict as conflict:
        return _conflict(
            request, space, conflict.plan, details_form=_with_version(form, conflict.plan.version, DETAILS)
        )
    return _see_other(_plan_url(space, plan))


def _conflict(request, space, plan, **extra) -> TemplateResponse:
    return _render_plan(request, space, plan, status=409, conflict=True, **extra)


@require_POST
@team_view
def block_add(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    form = BlockForm(request.POST, prefix=NEW_BLOCK)
    if not form.is_valid():
        return _render_plan(request, space, plan, status=400, block_form=form)
    data = form.cleaned_data
    try:
        block = services.block_add(
            plan=plan, kind=data["kind"], title=data["title"], minutes=data["minutes"], note=data["note"]
        )
    except services.ValidationError as error:
        form.add_error(None, error)
        return _render_plan(request, space, plan, status=400, block_form=form)
    return _see_other(_plan_url(space, plan, f"osio-{block.pk}"))


@require_POST
@team_view
def tool_add(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    form = ToolBlockForm(request.POST, tools=services.tools_for_choice(), prefix=NEW_TOOL)
    if not form.is_valid():
        return _render_plan(request, space, plan, status=400, tool_form=form)
    tool = form.cleaned_data["tool"]
    try:
        block = services.block_add(
            plan=plan,
            kind=MeetingBlock.Kind.TOOL,
            tool=tool,
            minutes=form.cleaned_data["minutes"] or tool.duration_minutes,
        )
    except services.ValidationError as error:
        form.add_error(None, error)
        return _render_plan(request, space, plan, status=400, tool_form=form)
    return _see_other(_plan_url(space, plan, f"osio-{block.pk}"))


@require_POST
@team_view
def block_edit(request: HttpRequest, token: str, plan_id: int, block_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    prefix = f"osio-{block_id}"
    form = BlockEditForm(request.POST, prefix=prefix)
    form.block_id = block_id
    if not form.is_valid():
        return _render_plan(request, space, plan, status=400, edit_form=form)
    data = form.cleaned_data
    try:
        services.block_update(
            plan=plan,
            block_id=block_id,
            base_version=data["version"],
            title=data["title"],
            minutes=data["minutes"],
            note=data["note"],
        )
    except PlanConflict as conflict:
        current = conflict.plan
        if not current.blocks.filter(pk=block_id).exists():
            # Deleted meanwhile: offer the member's text as a new block, so nothing typed is lost.
            kept = BlockForm(
                {
                    f"{NEW_BLOCK}-kind": MeetingBlock.Kind.TOPIC,
                    f"{NEW_BLOCK}-title": data["title"],
                    f"{NEW_BLOCK}-minutes": data["minutes"],
                    f"{NEW_BLOCK}-note": data["note"],
                },
                prefix=NEW_BLOCK,
            )
            return _conflict(request, space, current, block_form=kept, block_gone=True)
        kept = _with_version(form, current.version, prefix)
        kept.block_id = block_id
        return _conflict(request, space, current, edit_form=kept)
    return _see_other(_plan_url(space, plan, f"osio-{block_id}"))


@require_POST
@team_view
def block_move(request: HttpRequest, token: str, plan_id: int, block_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    form = VersionOnlyForm(request.POST)
    direction = request.POST.get("suunta")
    if not form.is_valid() or direction not in ("ylos", "alas"):
        return HttpResponse(_("Virheellinen pyyntö."), status=400, content_type="text/plain; charset=utf-8")
    try:
        services.block_move(
            plan=plan, block_id=block_id, base_version=form.cleaned_data["version"], up=direction == "ylos"
        )
    except PlanConflict as conflict:
        return _conflict(request, space, conflict.plan, move_conflict=True)
    url = _plan_url(space, plan)
    return _see_other(f"{url}?siirretty={block_id}&suunta={direction}#osio-{block_id}")


@require_POST
@team_view
def block_delete(request: HttpRequest, token: str, plan_id: int, block_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    form = VersionOnlyForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Virheellinen pyyntö."), status=400, content_type="text/plain; charset=utf-8")
    try:
        services.block_delete(plan=plan, block_id=block_id, base_version=form.cleaned_data["version"])
    except PlanConflict as conflict:
        return _conflict(request, space, conflict.plan, delete_conflict=True)
    return _see_other(_plan_url(space, plan, "osiot"))


@require_http_methods(["GET", "POST"])
@team_view
def plan_delete(request: HttpRequest, token: str, plan_id: int) -> HttpResponse:
    space = get_space(request, token)
    plan = services.plan_get(space=space, plan_id=plan_id)
    form = DeletePlanForm(
        request.POST if request.method == "POST" else None, initial={"version": plan.version}
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.plan_delete(plan=plan, base_version=form.cleaned_data["version"])
                return _see_other(_plans_url(space))
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


# --- The agenda, the calendar file and the facilitation data -------------------------------------------


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
        back_url=_plan_url(space, plan),
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


# --- Adding a tool from its card or the finder ---------------------------------------------------------


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
            return _see_other(
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
                data = new_form.cleaned_data
                plan = services.plan_create(
                    space=space,
                    title=data["title"],
                    date=data["date"],
                    start_time=data["start_time"],
                    minutes_available=data["minutes_available"],
                )
                block = services.block_add(
                    plan=plan, kind=MeetingBlock.Kind.TOOL, tool=tool, minutes=tool.duration_minutes
                )
                return _see_other(_plan_url(space, plan, f"osio-{block.pk}"))
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
                    return _see_other(_plan_url(space, plan, f"osio-{block.pk}"))
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


# --- Ehdota palaveri -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@team_view
def suggest(request: HttpRequest, token: str, round_id: int) -> HttpResponse:
    space = get_space(request, token)
    assessment_round = assessment_services.round_get(space=space, round_id=round_id)
    results = assessment_services.round_results(assessment_round=assessment_round)
    if results is None:
        raise Http404  # no results to suggest from yet (the results page says why)
    form = SuggestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = services.plan_suggest(
            space=space,
            results=results,
            title=_("Palaveri: %(page)s") % {"page": results.page.title},
            minutes=form.minutes,
            group_size=data["group_size"],
            date=data["date"],
            start_time=data["start_time"],
        )
        return _see_other(_plan_url(space, plan))
    if not form.is_bound:
        form = SuggestForm(initial=SuggestForm.initial_when())
    return TemplateResponse(
        request,
        "toolkit/meetings/suggest.html",
        {"space": space, "round": assessment_round, "results": results, "form": form},
        status=400 if form.is_bound else 200,
    )
