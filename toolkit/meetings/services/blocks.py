"""A plan's blocks: adding, editing, moving, removing and restoring one.

Structural changes (add, move, remove, restore) claim the plan's next `order_version` first
(services.plans.claim_order), in the same transaction; a block's edit claims only the block's own `version` with
the same conditional UPDATE, so members editing different blocks, or one editing while another moves, never
conflict (docs/decisions/013-per-block-versions.md).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.meetings.models import MAX_BLOCKS, MeetingBlock, MeetingPlan
from toolkit.meetings.services.plans import MAX_DB_INT, BlockConflict, claim_order, clean_text
from toolkit.team import services as team_services
from toolkit.tools.models import ToolPage
from toolkit.tools.usage import Event as ToolEvent
from toolkit.tools.usage import tool_usage_count

# How long a removed block waits for its undo: it is purged at the plan's next removal after that.
UNDO_KEPT = dt.timedelta(days=1)

# `after` of block_add: at the start of the plan (a block's id is never 0).
AT_START = 0


def _renumber(blocks: list[MeetingBlock]) -> None:
    changed = []
    for position, block in enumerate(blocks):
        if block.position != position:
            block.position = position
            changed.append(block)
    if changed:
        MeetingBlock.objects.bulk_update(changed, ["position"])


def _live_locked(plan: MeetingPlan, *fields: str) -> list[MeetingBlock]:
    blocks = plan.live_blocks().select_for_update()
    return list(blocks.only(*fields) if fields else blocks)


@transaction.atomic
def block_add(
    *,
    plan: MeetingPlan,
    kind: str,
    minutes: int,
    title: str = "",
    note: str = "",
    tool: ToolPage | None = None,
    after: int | None = None,
) -> MeetingBlock:
    """Add a block after the block `after` (its id), at the start (`AT_START`), or by default before the closing
    block when the plan ends with one, else last. No base version: adding overwrites nothing, so two members
    adding at once both win (the plan's row lock orders them). A ValidationError keyed "after" when that block
    was removed meanwhile."""
    claim_order(plan=plan, base_order_version=None)
    blocks = _live_locked(plan, "pk", "position", "kind")
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
    if after is None:
        closing_last = bool(blocks) and blocks[-1].kind == MeetingBlock.Kind.CLOSING
        position = count - 1 if closing_last and kind != MeetingBlock.Kind.CLOSING else count
    elif after == AT_START:
        position = 0
    else:
        index = next((i for i, block in enumerate(blocks) if block.pk == after), None)
        if index is None:
            raise ValidationError(
                {"after": _("Osio, jonka jälkeen lisättäisiin, on poistettu sillä välin. Valitkaa sijainti.")}
            )
        position = index + 1
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
    blocks = _live_locked(plan)
    for index, block in enumerate(blocks):
        if block.pk == block_id:
            return blocks, index
    raise Http404


def _check_id(block_id: int) -> None:
    if not 0 < block_id <= MAX_DB_INT:
        raise Http404


@transaction.atomic
def block_update(
    *, plan: MeetingPlan, block_id: int, base_version: int, title: str, minutes: int, note: str
) -> MeetingBlock:
    """Save a block's title, minutes and note if the block is still at `base_version` (the block's own
    version), else raise BlockConflict with the block as now saved (None if removed). The plan's versions are
    not named: another block's edit, or a move, does not conflict with this one."""
    _check_id(block_id)
    # The plan's row first (its "changed" time, not a version), as every structural change locks it first:
    # the same order of locks, so an edit and a move wait for each other but never deadlock.
    MeetingPlan.objects.filter(pk=plan.pk).update(updated_at=timezone.now())
    blocks = MeetingBlock.objects.filter(plan=plan, pk=block_id, removed_at__isnull=True)
    # The conditional UPDATE locks the block's row: a second member's edit waits, then finds the version changed.
    if not blocks.filter(version=base_version).update(version=F("version") + 1):
        if not MeetingBlock.objects.filter(plan=plan, pk=block_id).exists():
            raise Http404  # never a block of this plan
        current = blocks.first()
        plan.refresh_from_db(fields=["version", "order_version", "updated_at"])
        raise BlockConflict(plan, current)
    block = blocks.get()
    block.title = clean_text(title) or block.title
    block.minutes = minutes
    block.note = clean_text(note)
    block.full_clean()
    block.save(update_fields=["title", "minutes", "note"])
    team_services.team_space_touch(space=plan.space)
    return block


@transaction.atomic
def block_move(*, plan: MeetingPlan, block_id: int, base_version: int, up: bool) -> tuple[int, int]:
    """Move a block one place up or down if the plan's order is still at `base_version` (its
    `order_version`); returns its new 1-based place and the number of blocks."""
    _check_id(block_id)
    claim_order(plan=plan, base_order_version=base_version)
    blocks, index = _block_of(plan, block_id)
    target = index - 1 if up else index + 1
    if 0 <= target < len(blocks):
        blocks[index], blocks[target] = blocks[target], blocks[index]
        index = target
    _renumber(blocks)
    return index + 1, len(blocks)


@transaction.atomic
def block_delete(*, plan: MeetingPlan, block_id: int, base_version: int) -> MeetingBlock:
    """Remove a block if the plan's order is still at `base_version`. The block is kept, marked removed, with
    its place, so that block_restore can undo the removal; blocks removed more than UNDO_KEPT ago are purged."""
    _check_id(block_id)
    claim_order(plan=plan, base_order_version=base_version)
    blocks, index = _block_of(plan, block_id)
    block = blocks.pop(index)
    now = timezone.now()
    plan.blocks.filter(removed_at__lt=now - UNDO_KEPT).delete()
    block.removed_at = now
    block.position = index  # its place when removed: where the undo puts it back
    block.removed_after = blocks[index - 1].pk if index else 0
    block.save(update_fields=["removed_at", "position", "removed_after"])
    _renumber(blocks)
    return block


def removed_block_get(*, plan: MeetingPlan, block_id: int) -> MeetingBlock | None:
    """The removed block `block_id` of the plan, for the page's undo notice; None when it is not removed (it was
    restored meanwhile, or purged), or not a block of this plan."""
    if not 0 < block_id <= MAX_DB_INT:
        return None
    return plan.blocks.filter(pk=block_id, removed_at__isnull=False).only("pk", "title", "plan_id").first()


@transaction.atomic
def block_restore(*, plan: MeetingPlan, block_id: int) -> MeetingBlock:
    """Undo a block's removal: the block comes back with its fields at the place it had: after the block it
    followed if that is still there, else at its old index (clamped to the plan's current length). No base version, as adding: restoring overwrites nothing, so it works after other members'
    changes too. Restoring a block that is not removed changes nothing; 404 for a block not of this plan (or
    purged)."""
    _check_id(block_id)
    claim_order(plan=plan, base_order_version=None)
    try:
        block = plan.blocks.select_for_update().get(pk=block_id)
    except MeetingBlock.DoesNotExist:
        raise Http404 from None
    if block.removed_at is None:
        return block
    blocks = _live_locked(plan, "pk", "position")
    if len(blocks) >= MAX_BLOCKS:
        raise ValidationError(_("Palaverissa voi olla enintään %(max)s osiota.") % {"max": MAX_BLOCKS})
    if block.removed_after == 0:
        position = 0
    else:
        before = next((i for i, live in enumerate(blocks) if live.pk == block.removed_after), None)
        position = before + 1 if before is not None else min(block.position, len(blocks))
    block.removed_at = None
    block.version += 1  # a form opened before the removal does not save over the restored block unseen
    block.save(update_fields=["removed_at", "version"])
    blocks.insert(position, block)
    block.position = -1  # renumbered below with the others
    _renumber(blocks)
    return block
