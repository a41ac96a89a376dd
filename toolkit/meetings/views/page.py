"""The plan page's context and the helpers the plan and block views share."""

from __future__ import annotations

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from toolkit.meetings import services
from toolkit.meetings.forms import BlockEditForm, BlockForm, PlanForm, ToolBlockForm
from toolkit.team.secret_links import get_space
from toolkit.team.views import team_view

# Form prefixes: the plan page holds several forms, and their fields' ids must not clash.
DETAILS, NEW_BLOCK, NEW_TOOL = "tiedot", "uusi", "tyokalu"


def plan_view(view):
    """A view of one plan in a team space: `view(request, space, plan, **kwargs)`. The space (by its secret
    link) and the plan are found first; an unknown token or plan gets the team's friendly 404 (team_view)."""

    @team_view
    @wraps(view)
    def wrapper(request, token: str, plan_id: int, **kwargs):
        space = get_space(request, token)
        plan = services.plan_get(space=space, plan_id=plan_id)
        return view(request, space, plan, **kwargs)

    return wrapper


def bad_request() -> HttpResponse:
    """A POST that no form of the page could send (a tampered or truncated request)."""
    return HttpResponse(_("Virheellinen pyyntö."), status=400, content_type="text/plain; charset=utf-8")


def plan_url(space, plan, fragment: str = "") -> str:
    url = reverse("toolkit:meeting_plan", kwargs={"token": space.token, "plan_id": plan.pk})
    return f"{url}#{fragment}" if fragment else url


def plans_url(space) -> str:
    return reverse("toolkit:meeting_plans", kwargs={"token": space.token})


def see_other(url: str) -> HttpResponse:
    response = redirect(url)
    response.status_code = 303
    return response


def _plan_context(request, space, plan, *, editing: int | None = None, **forms) -> dict:
    """The plan page. A block's edit form is rendered only for the block being edited (`editing`, the block's
    own …/muokkaa/ page, or the bound form of a failed or conflicting save): the others link to theirs, which
    keeps the page's CPU time from growing with a form per block."""
    blocks = services.plan_blocks(plan=plan)
    schedule = services.plan_schedule(plan=plan, blocks=blocks)
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
                "version": plan.version,
            },
        ),
        "block_form": BlockForm(initial={"minutes": 10}, prefix=NEW_BLOCK),
        "tool_form": ToolBlockForm(tools=services.tools_for_choice(), prefix=NEW_TOOL),
        "finder_url": services.finder_url(request=request),
        "moved": _moved(request, schedule),
        "removed": _removed(request, plan),
        "template_saved": request.GET.get("pohja") == "tallennettu",
        "copied": request.GET.get("kopioitu") == "1",
    }
    edit_form = forms.pop("edit_form", None)
    context.update(forms)
    for name in ("block_form", "tool_form"):
        context[name].set_positions(blocks)  # "Sijainti": the blocks as shown
    if edit_form is not None:
        editing = edit_form.block_id
    rows = []
    for row in schedule.rows:
        form = None
        if row.block.pk == editing:
            form = edit_form or BlockEditForm(
                initial={
                    "title": row.block.title,
                    "minutes": row.block.minutes,
                    "note": row.block.note,
                    "version": row.block.version,
                },
                prefix=f"osio-{row.block.pk}",
            )
        rows.append({"row": row, "form": form, "open": form is not None})
    if editing is not None and not any(item["open"] for item in rows):
        raise Http404  # not a block of this plan (or deleted meanwhile)
    context["rows"] = rows
    context["editing"] = editing
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
                    "time": time_format(row.start),  # the language's TIME_FORMAT (valoa/formats)
                },
            }
    return None


def _removed(request, plan):
    """The block just removed (from the redirect's query), for the "Peru poisto" notice: one query, only then."""
    value = request.GET.get("poistettu", "")
    if not value.isdigit() or len(value) > 10:
        return None
    return services.removed_block_get(plan=plan, block_id=int(value))


def render_plan(request, space, plan, *, status=200, editing=None, **extra) -> TemplateResponse:
    forms = {k: v for k, v in extra.items() if k.endswith("_form")}
    context = _plan_context(request, space, plan, editing=editing, **forms)
    context.update({k: v for k, v in extra.items() if not k.endswith("_form")})
    return TemplateResponse(request, "toolkit/meetings/plan.html", context, status=status)


def with_version(form, version: int, prefix: str = ""):
    """A copy of a bound form's data on the current version: sending it again saves the member's input."""
    data = form.data.copy()
    data[f"{prefix}-version" if prefix else "version"] = str(version)
    return type(form)(data, prefix=prefix or None)


def render_conflict(request, space, plan, **extra) -> TemplateResponse:
    return render_plan(request, space, plan, status=409, conflict=True, **extra)
