"""Two members editing one plan at once, on PostgreSQL: one conflict when they change the same thing (a block, or
the order), none when they change different things; nothing lost, nothing overwritten."""

import pytest

from tests.toolkit.concurrency import run_threads
from tests.toolkit.meetings.support import make_plan
from toolkit.meetings import services
from toolkit.meetings.models import MeetingBlock, MeetingPlan
from toolkit.meetings.services import PlanConflict

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_two_members_editing_the_same_block_get_exactly_one_conflict(demo_site):
    space, plan = make_plan()
    block = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20)
    base = block.version
    saved, conflicts = [], []

    def edit(note, minutes):
        def run():
            # Each member has loaded the page at `base`: its own copy of the plan.
            own = MeetingPlan.objects.get(pk=plan.pk)
            own.space = space
            try:
                services.block_update(
                    plan=own,
                    block_id=block.pk,
                    base_version=base,
                    title="Budjetti",
                    minutes=minutes,
                    note=note,
                )
                saved.append(note)
            except PlanConflict as conflict:
                conflicts.append((note, conflict.block.version))

        return run

    run_threads([edit("Annan muistiinpano", 25), edit("Bertan muistiinpano", 30)])
    assert len(saved) == 1 and len(conflicts) == 1
    stored = MeetingBlock.objects.get(pk=block.pk)
    assert stored.note == saved[0]
    assert stored.version == base + 1
    # The loser was told, with the version to try again from: its text was not written over the winner's.
    loser_note, current_version = conflicts[0]
    assert loser_note != stored.note and current_version == base + 1


def test_members_adding_and_moving_at_once_lose_no_block(demo_site):
    space, plan = make_plan()
    first = services.block_add(plan=plan, kind="avaus", minutes=5)
    services.block_add(plan=plan, kind="lopetus", minutes=5)
    plan.refresh_from_db()
    base = plan.order_version
    outcomes = []

    def add(i):
        def run():
            own = MeetingPlan.objects.get(pk=plan.pk)
            own.space = space
            services.block_add(plan=own, kind="aihe", title=f"Aihe {i}", minutes=10)

        return run

    def move():
        own = MeetingPlan.objects.get(pk=plan.pk)
        own.space = space
        try:
            services.block_move(plan=own, block_id=first.pk, base_version=base, up=False)
            outcomes.append("moved")
        except PlanConflict:
            outcomes.append("conflict")

    run_threads([add(i) for i in range(6)] + [move])
    titles = list(MeetingBlock.objects.filter(plan=plan).values_list("title", flat=True))
    assert sorted(titles) == sorted(["Avaus", "Lopetus", *[f"Aihe {i}" for i in range(6)]])
    positions = list(MeetingBlock.objects.filter(plan=plan).values_list("position", flat=True))
    assert sorted(positions) == list(range(8))
    assert MeetingPlan.objects.get(pk=plan.pk).order_version == base + 6 + outcomes.count("moved")


def _own(plan, space):
    """A member's own copy of the plan, as loaded with the page."""
    own = MeetingPlan.objects.get(pk=plan.pk)
    own.space = space
    return own


def test_editing_one_block_while_another_is_moved_and_another_edited_never_conflicts(demo_site):
    space, plan = make_plan()
    a = services.block_add(plan=plan, kind="aihe", title="A", minutes=10)
    b = services.block_add(plan=plan, kind="aihe", title="B", minutes=10)
    c = services.block_add(plan=plan, kind="aihe", title="C", minutes=10)
    plan.refresh_from_db()
    order = plan.order_version
    outcomes = []

    def edit(block, note):
        def run():
            services.block_update(
                plan=_own(plan, space),
                block_id=block.pk,
                base_version=block.version,
                title=block.title,
                minutes=15,
                note=note,
            )
            outcomes.append(note)

        return run

    def move():
        services.block_move(plan=_own(plan, space), block_id=b.pk, base_version=order, up=True)
        outcomes.append("moved")

    # Any PlanConflict would fail the thread and the count below.
    run_threads([edit(a, "Annan"), edit(c, "Bertan"), move])
    assert sorted(outcomes) == ["Annan", "Bertan", "moved"]
    stored = {block.title: block for block in MeetingBlock.objects.filter(plan=plan)}
    assert (stored["A"].note, stored["C"].note) == ("Annan", "Bertan")
    assert [block.title for block in MeetingBlock.objects.filter(plan=plan).order_by("position")] == [
        "B",
        "A",
        "C",
    ]


def test_two_members_moving_blocks_at_once_get_exactly_one_conflict(demo_site):
    space, plan = make_plan()
    first = services.block_add(plan=plan, kind="aihe", title="A", minutes=10)
    services.block_add(plan=plan, kind="aihe", title="B", minutes=10)
    last = services.block_add(plan=plan, kind="aihe", title="C", minutes=10)
    plan.refresh_from_db()
    order = plan.order_version
    outcomes = []

    def move(block, up):
        def run():
            try:
                services.block_move(plan=_own(plan, space), block_id=block.pk, base_version=order, up=up)
                outcomes.append("moved")
            except PlanConflict:
                outcomes.append("conflict")

        return run

    run_threads([move(first, False), move(last, True)])
    assert sorted(outcomes) == ["conflict", "moved"]
    positions = list(MeetingBlock.objects.filter(plan=plan).values_list("position", flat=True))
    assert sorted(positions) == [0, 1, 2]
    assert MeetingPlan.objects.get(pk=plan.pk).order_version == order + 1
