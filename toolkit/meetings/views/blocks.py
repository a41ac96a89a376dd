"""A plan's blocks: adding a block or a tool at a chosen place, editing, moving, removing one and undoing the
removal."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_POST

from toolkit.meetings import services
from toolkit.meetings.forms import BlockEditForm, BlockForm, ToolBlockForm, VersionOnlyForm
from toolkit.meetings.models import MeetingBlock
from toolkit.meetings.services import BlockConflict, PlanConflict
from toolkit.meetings.views.page import (
    NEW_BLOCK,
    NEW_TOOL,
    bad_request,
    plan_url,
    plan_view,
    render_conflict,
    render_plan,
    see_other,
    with_version,
)


def _add_error(form, error: services.ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)


@require_POST
@plan_view
def block_add(request: HttpRequest, space, plan) -> HttpResponse:
    form = BlockForm(request.POST, prefix=NEW_BLOCK)
    form.set_positions(plan.live_blocks().only("pk", "title", "kind"))  # validated against the saved blocks
    if not form.is_valid():
        return render_plan(request, space, plan, status=400, block_form=form)
    data = form.cleaned_data
    try:
        block = services.block_add(
            plan=plan,
            kind=data["kind"],
            title=data["title"],
            minutes=data["minutes"],
            note=data["note"],
            after=data["after"],
        )
    except services.ValidationError as error:
        _add_error(form, error)
        return render_plan(request, space, plan, status=400, block_form=form)
    return see_other(plan_url(space, plan, f"osio-{block.pk}"))


@require_POST
@plan_view
def tool_add(request: HttpRequest, space, plan) -> HttpResponse:
    form = ToolBlockForm(request.POST, tools=services.tools_for_choice(), prefix=NEW_TOOL)
    form.set_positions(plan.live_blocks().only("pk", "title", "kind"))
    if not form.is_valid():
        return render_plan(request, space, plan, status=400, tool_form=form)
    tool = services.tool_get(tool_id=form.cleaned_data["tool"])
    try:
        block = services.block_add(
            plan=plan,
            kind=MeetingBlock.Kind.TOOL,
            tool=tool,
            minutes=form.cleaned_data["minutes"] or tool.duration_minutes,
            after=form.cleaned_data["after"],
        )
    except services.ValidationError as error:
        _add_error(form, error)
        return render_plan(request, space, plan, status=400, tool_form=form)
    return see_other(plan_url(space, plan, f"osio-{block.pk}"))


@require_GET
@plan_view
def block_edit_page(request: HttpRequest, space, plan, block_id: int) -> HttpResponse:
    """The plan with one block's edit form open (the "Muokkaa" link of a block): a page of its own, so the plan
    page renders no form per block. The form posts to block_edit, with the block's version it was opened on."""
    return render_plan(request, space, plan, editing=block_id)


@require_POST
@plan_view
def block_edit(request: HttpRequest, space, plan, block_id: int) -> HttpResponse:
    prefix = f"osio-{block_id}"
    form = BlockEditForm(request.POST, prefix=prefix)
    form.block_id = block_id
    if not form.is_valid():
        return render_plan(request, space, plan, status=400, edit_form=form)
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
    except BlockConflict as conflict:
        current = conflict.plan
        if conflict.block is None:
            # Removed meanwhile: offer the member's text as a new block, so nothing typed is lost.
            kept = BlockForm(
                {
                    f"{NEW_BLOCK}-kind": MeetingBlock.Kind.TOPIC,
                    f"{NEW_BLOCK}-title": data["title"],
                    f"{NEW_BLOCK}-minutes": data["minutes"],
                    f"{NEW_BLOCK}-note": data["note"],
                },
                prefix=NEW_BLOCK,
            )
            return render_conflict(request, space, current, block_form=kept, block_gone=True)
        # Only this block changed: the form keeps the member's input, on the block's version now saved.
        kept = with_version(form, conflict.block.version, prefix)
        kept.block_id = block_id
        return render_conflict(request, space, current, edit_form=kept)
    return see_other(plan_url(space, plan, f"osio-{block_id}"))


@require_POST
@plan_view
def block_move(request: HttpRequest, space, plan, block_id: int) -> HttpResponse:
    """The form names the plan's order version (`order_version`): two members moving at once conflict."""
    form = VersionOnlyForm(request.POST)
    direction = request.POST.get("suunta")
    if not form.is_valid() or direction not in ("ylos", "alas"):
        return bad_request()
    try:
        services.block_move(
            plan=plan, block_id=block_id, base_version=form.cleaned_data["version"], up=direction == "ylos"
        )
    except PlanConflict as conflict:
        return render_conflict(request, space, conflict.plan, move_conflict=True)
    url = plan_url(space, plan)
    return see_other(f"{url}?siirretty={block_id}&suunta={direction}#osio-{block_id}")


@require_POST
@plan_view
def block_delete(request: HttpRequest, space, plan, block_id: int) -> HttpResponse:
    form = VersionOnlyForm(request.POST)
    if not form.is_valid():
        return bad_request()
    try:
        services.block_delete(plan=plan, block_id=block_id, base_version=form.cleaned_data["version"])
    except PlanConflict as conflict:
        return render_conflict(request, space, conflict.plan, delete_conflict=True)
    # The page offers the undo ("Peru poisto") for this block.
    return see_other(f"{plan_url(space, plan)}?poistettu={block_id}#poistettu")


@require_POST
@plan_view
def block_restore(request: HttpRequest, space, plan, block_id: int) -> HttpResponse:
    """ "Peru poisto": the removed block back at its place (no version: it overwrites nothing)."""
    try:
        services.block_restore(plan=plan, block_id=block_id)
    except services.ValidationError as error:
        return render_plan(request, space, plan, status=400, restore_error=" ".join(error.messages))
    return see_other(plan_url(space, plan, f"osio-{block_id}"))
