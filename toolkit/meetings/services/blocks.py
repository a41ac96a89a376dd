"""A plan's blocks: adding, editing, moving and deleting one. Each change claims the plan's next version first
(services.plans.claim), in the same transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from toolkit.meetings.models import MAX_BLOCKS, MeetingBlock, MeetingPlan
from toolkit.meetings.services.plans import claim, clean_text
from toolkit.tools.models import ToolPage
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count


def _renumber(blocks: list[MeetingBlock]) -> None:
    changed = []
    for position, block in enumerate(blocks):
        if block.position != position:
            block.position = position
            changed.append(block)
    if changed:
        MeetingBlock.objects.bulk_update(changed, ["position"])


@transaction.atomic
def block_add(
    *,
    plan: MeetingPlan,
    kind: str,
    minutes: int,
    title: str = "",
    note: str = "",
    tool: ToolPage | None = None,
    position: int | None = None,
) -> MeetingBlock:
    """Add a block at `position` (0-based; clamped to the plan), by default before the closing block when the
    plan ends with one, else last. No base version: adding overwrites nothing, so two members adding at once
    both win (the plan's row lock orders them)."""
    claim(plan=plan, base_version=None)
    blocks = list(plan.blocks.select_for_update().only("pk", "position", "kind"))
    count = len(blocks)
    if count >= MAX_BLOCKS:
        raise ValidationError(_("Palaverissa voi olla enintään %(max)s osiota.") % {"max": MAX_BLOCKS})
    if kind == MeetingBlock.Kind.TOOL:
        if tool is None:
            raise ValidationError(_("Valitse työkalu."))
        title = title or tool.title
    else:
        tool = None
        title = clean_text(title) or str(MeetingBlock.Kind(kind).label)
    if position is None:
        closing_last = bool(blocks) and blocks[-1].kind == MeetingBlock.Kind.CLOSING
        position = count - 1 if closing_last and kind != MeetingBlock.Kind.CLOSING else count
    position = max(0, min(position, count))
    block = MeetingBlock(
        plan=plan,
        position=position,
        kind=kind,
        tool=tool,
        title=title,
        minutes=minutes,
        note=clean_text(note),
    )
    block.full_clean()
    block.save()
    blocks.insert(position, block)
    _renumber(blocks)
    if tool is not None and not plan.space.usage_opt_out:
        tool_usage_count(tool_ids=[tool.pk], event=ToolEvent.PLAN)
    return block


def _block_of(plan: MeetingPlan, block_id: int) -> tuple[list[MeetingBlock], int]:
    blocks = list(plan.blocks.select_for_update())
    for index, block in enumerate(blocks):
        if block.pk == block_id:
            return blocks, index
    raise Http404


@transaction.atomic
def block_update(
    *, plan: MeetingPlan, block_id: int, base_version: int, title: str, minutes: int, note: str
) -> MeetingBlock:
    claim(plan=plan, base_version=base_version)
    blocks, index = _block_of(plan, block_id)
    block = blocks[index]
    block.title = clean_text(title) or block.title
    block.minutes = minutes
    block.note = clean_text(note)
    block.full_clean()
    block.save(update_fields=["title", "minutes", "note"])
    return block


@transaction.atomic
def block_move(*, plan: MeetingPlan, block_id: int, base_version: int, up: bool) -> tuple[int, int]:
    """Move a block one place up or down; returns its new 1-based place and the number of blocks."""
    claim(plan=plan, base_version=base_version)
    blocks, index = _block_of(plan, block_id)
    target = index - 1 if up else index + 1
    if 0 <= target < len(blocks):
        blocks[index], blocks[target] = blocks[target], blocks[index]
        index = target
    _renumber(blocks)
    return index + 1, len(blocks)


@transaction.atomic
def block_delete(*, plan: MeetingPlan, block_id: int, base_version: int) -> MeetingBlock:
    claim(plan=plan, base_version=base_version)
    blocks, index = _block_of(plan, block_id)
    block = blocks.pop(index)
    block.delete()
    _renumber(blocks)
    return block
