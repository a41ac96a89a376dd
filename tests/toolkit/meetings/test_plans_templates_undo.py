"""Issue 26's plans: duplicating a plan, the space's template, a block at a chosen place, undoing a removal and
per-block versions (an edit names its block's version, moves and removals the plan's order version)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from tests.toolkit.meetings.support import make_plan, plan_url, tools, url
from toolkit.meetings import services
from toolkit.meetings.models import TITLE_MAX_LENGTH, MeetingBlock, MeetingPlan
from toolkit.meetings.services import BlockConflict, PlanConflict

pytestmark = pytest.mark.django_db


def titles(plan):
    return [block.title for block in services.plan_blocks(plan=plan)]


def planned(**kwargs):
    """A plan with an opening, a topic with a note, a tool and a closing."""
    space, plan = make_plan(**kwargs)
    tool = tools(1)[0]
    services.block_add(plan=plan, kind="avaus", minutes=5)
    services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20, note="Luvut")
    services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=15)
    services.block_add(plan=plan, kind="lopetus", minutes=5)
    plan.refresh_from_db()
    return space, plan


# --- Duplicate ----------------------------------------------------------------------------------------


def test_a_duplicate_has_copies_of_the_blocks_on_the_same_date_and_leaves_the_original_alone(demo_site):
    _space, plan = planned()
    copy = services.plan_duplicate(plan=plan)
    assert copy.title == "Torstain palaveri (kopio)" and not copy.is_template
    assert (copy.date, copy.start_time, copy.minutes_available) == (plan.date, plan.start_time, 60)
    original = services.plan_blocks(plan=plan)
    copied = services.plan_blocks(plan=copy)
    fields = ("kind", "title", "minutes", "note", "tool_id", "position")
    assert [[getattr(b, f) for f in fields] for b in copied] == [
        [getattr(b, f) for f in fields] for b in original
    ]
    assert not {b.pk for b in copied} & {b.pk for b in original}
    # Changing the copy does not change the original.
    budget = copied[1]
    services.block_update(
        plan=copy, block_id=budget.pk, base_version=budget.version, title="Muu", minutes=5, note=""
    )
    assert titles(plan)[1] == "Budjetti"


def test_a_duplicate_leaves_removed_blocks_out_and_its_title_fits(demo_site):
    _space, plan = planned(title="x" * TITLE_MAX_LENGTH)
    budget = services.plan_blocks(plan=plan)[1]
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    copy = services.plan_duplicate(plan=plan)
    assert "Budjetti" not in titles(copy) and len(titles(copy)) == 3
    assert len(copy.title) <= TITLE_MAX_LENGTH and copy.title.endswith(" (kopio)")
    copy.full_clean()


# --- Template -----------------------------------------------------------------------------------------


def test_the_template_is_not_a_meeting_and_new_plans_start_from_it(demo_site):
    from toolkit.meetings.slots import team_space_meetings

    space, plan = planned()
    template = services.plan_save_as_template(plan=plan)
    assert template.is_template and template.pk != plan.pk
    assert services.plan_list(space=space) == [plan]
    assert services.plans_and_template(space=space) == ([plan], template)
    panel = team_space_meetings(None, space)
    assert panel.context["next_plan"] is None or panel.context["next_plan"].pk == plan.pk
    assert template not in panel.context["plans"]
    new = services.plan_create_from_template(
        space=space,
        title="Seuraava",
        date=dt.date(2026, 12, 10),
        start_time=dt.time(13, 0),
        minutes_available=45,
    )
    assert titles(new) == titles(plan)
    assert (new.title, new.minutes_available, new.is_template) == ("Seuraava", 45, False)


def test_saving_a_template_again_replaces_it_and_later_changes_of_the_plan_do_not_reach_it(demo_site):
    space, plan = planned()
    first = services.plan_save_as_template(plan=plan)
    _, other = make_plan(space=space, title="Toinen")
    services.block_add(plan=other, kind="aihe", title="Vain toisessa", minutes=10)
    second = services.plan_save_as_template(plan=other)
    assert not MeetingPlan.objects.filter(pk=first.pk).exists()
    assert list(MeetingPlan.objects.filter(space=space, is_template=True)) == [second]
    assert titles(second) == ["Vain toisessa"]
    services.block_add(plan=other, kind="tauko", minutes=5)
    assert titles(services.template_get(space=space)) == ["Vain toisessa"]


def test_a_new_plan_from_a_template_deleted_meanwhile_is_refused(demo_site):
    space, _ = make_plan()
    with pytest.raises(ValidationError):
        services.plan_create_from_template(
            space=space, title="X", date=dt.date(2026, 12, 10), start_time=dt.time(9, 0), minutes_available=30
        )


# --- A block at a chosen place -------------------------------------------------------------------------


def test_a_block_lands_before_the_closing_at_the_start_or_after_a_chosen_block(demo_site):
    _space, plan = planned()
    budget = services.plan_blocks(plan=plan)[1]
    services.block_add(plan=plan, kind="aihe", title="Oletus", minutes=5)
    services.block_add(plan=plan, kind="aihe", title="Alkuun", minutes=5, after=services.AT_START)
    services.block_add(plan=plan, kind="aihe", title="Budjetin jälkeen", minutes=5, after=budget.pk)
    assert titles(plan)[0] == "Alkuun" and titles(plan)[-2:] == ["Oletus", "Lopetus"]
    assert titles(plan)[titles(plan).index("Budjetti") + 1] == "Budjetin jälkeen"
    positions = list(plan.live_blocks().values_list("position", flat=True))
    assert positions == list(range(len(positions)))


def test_after_a_block_removed_meanwhile_is_refused_next_to_the_position_field(demo_site):
    _space, plan = planned()
    budget = services.plan_blocks(plan=plan)[1]
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    with pytest.raises(ValidationError) as refused:
        services.block_add(plan=plan, kind="aihe", title="X", minutes=5, after=budget.pk)
    assert "after" in refused.value.message_dict
    assert "X" not in titles(plan)


# --- Undo a removal -----------------------------------------------------------------------------------


def test_an_undone_removal_brings_the_block_back_at_its_place_with_its_fields(demo_site):
    _space, plan = planned()
    before = [(b.pk, b.kind, b.title, b.minutes, b.note, b.tool_id) for b in services.plan_blocks(plan=plan)]
    budget = services.plan_blocks(plan=plan)[1]
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    assert "Budjetti" not in titles(plan)
    assert services.removed_block_get(plan=plan, block_id=budget.pk).title == "Budjetti"
    services.block_restore(plan=plan, block_id=budget.pk)
    after = [(b.pk, b.kind, b.title, b.minutes, b.note, b.tool_id) for b in services.plan_blocks(plan=plan)]
    assert after == before
    assert services.removed_block_get(plan=plan, block_id=budget.pk) is None
    # Restoring again changes nothing.
    services.block_restore(plan=plan, block_id=budget.pk)
    assert len(titles(plan)) == 4


def test_an_undo_after_other_members_changes_still_works(demo_site):
    _space, plan = planned()
    blocks = services.plan_blocks(plan=plan)
    budget, closing = blocks[1], blocks[-1]
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    # Meanwhile: another member removes the closing and moves the tool first.
    services.block_delete(plan=plan, block_id=closing.pk, base_version=plan.order_version)
    services.block_move(plan=plan, block_id=blocks[2].pk, base_version=plan.order_version, up=True)
    services.block_restore(plan=plan, block_id=budget.pk)
    # Back after the block it followed, wherever that is now.
    assert titles(plan) == [blocks[2].title, "Avaus", "Budjetti"]
    # The block it followed removed too: back at its old place.
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    services.block_delete(plan=plan, block_id=blocks[0].pk, base_version=plan.order_version)
    services.block_restore(plan=plan, block_id=budget.pk)
    assert titles(plan) == [blocks[2].title, "Budjetti"]
    assert sorted(plan.live_blocks().values_list("position", flat=True)) == [0, 1]


def test_removed_blocks_are_purged_a_day_later_and_an_unknown_undo_is_404(demo_site):
    from django.http import Http404

    _space, plan = planned()
    first, second = services.plan_blocks(plan=plan)[:2]
    services.block_delete(plan=plan, block_id=first.pk, base_version=plan.order_version)
    MeetingBlock.objects.filter(pk=first.pk).update(removed_at=timezone.now() - dt.timedelta(days=2))
    services.block_delete(plan=plan, block_id=second.pk, base_version=plan.order_version)
    assert not MeetingBlock.objects.filter(pk=first.pk).exists()
    assert MeetingBlock.objects.filter(pk=second.pk).exists()
    with pytest.raises(Http404):
        services.block_restore(plan=plan, block_id=first.pk)


# --- Versions per block -------------------------------------------------------------------------------


def test_editing_a_block_after_another_was_moved_is_no_conflict_but_a_stale_edit_of_it_is(demo_site):
    _space, plan = planned()
    opening, budget, tool_block, _ = services.plan_blocks(plan=plan)
    stale_order = plan.order_version
    # Another member moves the tool up and edits the opening.
    services.block_move(plan=plan, block_id=tool_block.pk, base_version=stale_order, up=True)
    services.block_update(
        plan=plan, block_id=opening.pk, base_version=opening.version, title="Kuulumiset", minutes=5, note=""
    )
    # This member's edit of the budget, on the versions it loaded: saved.
    services.block_update(
        plan=plan, block_id=budget.pk, base_version=budget.version, title="Budjetti", minutes=25, note="Uudet"
    )
    assert MeetingBlock.objects.get(pk=budget.pk).note == "Uudet"
    # A second edit of the budget on the same (now stale) version: a conflict carrying the block as saved.
    with pytest.raises(BlockConflict) as conflict:
        services.block_update(
            plan=plan, block_id=budget.pk, base_version=budget.version, title="X", minutes=5, note="Vanha"
        )
    assert conflict.value.block.note == "Uudet" and conflict.value.block.version == budget.version + 1
    # A move on the stale order version: a conflict (the order changed).
    with pytest.raises(PlanConflict):
        services.block_move(plan=plan, block_id=budget.pk, base_version=stale_order, up=True)


def test_an_edit_of_a_removed_block_is_a_conflict_without_a_block_and_the_details_stand_apart(demo_site):
    _space, plan = planned()
    budget = services.plan_blocks(plan=plan)[1]
    details = plan.version
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    with pytest.raises(BlockConflict) as conflict:
        services.block_update(
            plan=plan, block_id=budget.pk, base_version=budget.version, title="X", minutes=5, note=""
        )
    assert conflict.value.block is None
    # The details' version did not move with the blocks: the details form loaded earlier still saves.
    services.plan_update(
        plan=plan,
        base_version=details,
        title="Uusi",
        date=plan.date,
        start_time=plan.start_time,
        minutes_available=60,
    )
    assert MeetingPlan.objects.get(pk=plan.pk).title == "Uusi"


# --- Views --------------------------------------------------------------------------------------------


def test_duplicate_from_the_plan_page_and_the_list_opens_the_copy(client, demo_site):
    space, plan = planned()
    duplicate = plan_url(space, plan, "meeting_plan_duplicate")
    assert f'action="{duplicate}"' in client.get(plan_url(space, plan)).content.decode()
    assert f'action="{duplicate}"' in client.get(url("meeting_plans", space)).content.decode()
    assert client.get(duplicate).status_code == 405
    response = client.post(duplicate)
    assert response.status_code == 303
    copy = MeetingPlan.objects.get(space=space, title="Torstain palaveri (kopio)")
    assert response["Location"].startswith(plan_url(space, copy))
    html = client.get(response["Location"]).content.decode()
    assert "Tämä on kopio." in html and "Budjetti" in html


def test_save_as_template_and_a_new_plan_from_it_without_javascript(client, demo_site):
    space, plan = planned()
    listing = client.get(url("meeting_plans", space)).content.decode()
    assert "Teillä ei ole vielä pohjaa." in listing and 'name="start"' not in listing
    response = client.post(plan_url(space, plan, "meeting_plan_save_template"))
    assert response.status_code == 303
    assert (
        "Suunnitelma on tallennettu tiimin palaveripohjaksi."
        in client.get(response["Location"]).content.decode()
    )
    template = services.template_get(space=space)
    listing = client.get(url("meeting_plans", space)).content.decode()
    assert 'name="start"' in listing and "Tiimin palaveripohjasta: Torstain palaveri" in listing
    # Listed as the template only, not among the meetings.
    assert listing.count(f'href="{plan_url(space, template)}"') == 1
    assert "Tiimin palaveripohja" in client.get(plan_url(space, template)).content.decode()
    fields = {"title": "Pohjasta", "date": "10.12.2026", "start_time": "9.00", "minutes_available": "60"}
    bad = client.post(url("meeting_plans", space), {**fields, "start": "muu"})
    assert bad.status_code == 400 and "Valitkaa, mistä suunnitelma aloitetaan." in bad.content.decode()
    assert 'value="Pohjasta"' in bad.content.decode()
    response = client.post(url("meeting_plans", space), {**fields, "start": "pohja"})
    assert response.status_code == 303
    new = MeetingPlan.objects.get(space=space, title="Pohjasta")
    assert titles(new) == titles(plan)
    client.post(url("meeting_plans", space), {**fields, "title": "Tyhjä", "start": "tyhja"})
    assert titles(MeetingPlan.objects.get(space=space, title="Tyhjä")) == []


def test_the_position_field_places_a_block_and_a_stale_choice_keeps_the_input(client, demo_site):
    space, plan = planned()
    budget = services.plan_blocks(plan=plan)[1]
    html = client.get(plan_url(space, plan)).content.decode()
    assert "Sijainti" in html and "Ennen lopetusta" in html and "Osion 2 jälkeen: Budjetti" in html
    add = plan_url(space, plan, "meeting_block_add")
    data = {"uusi-kind": "aihe", "uusi-title": "Alkuun", "uusi-minutes": "5"}
    assert client.post(add, {**data, "uusi-after": "alku"}).status_code == 303
    assert client.post(add, {**data, "uusi-title": "Sen jälkeen", "uusi-after": budget.pk}).status_code == 303
    assert titles(plan)[0] == "Alkuun" and titles(plan)[3] == "Sen jälkeen"
    plan.refresh_from_db()
    services.block_delete(plan=plan, block_id=budget.pk, base_version=plan.order_version)
    response = client.post(add, {**data, "uusi-title": "Myöhässä", "uusi-after": budget.pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Valitkaa sijainti luettelosta" in html and 'value="Myöhässä"' in html
    assert 'aria-describedby="id_uusi-after_error"' in html
    tool = tools(1)[0]
    response = client.post(
        plan_url(space, plan, "meeting_tool_add"), {"tyokalu-tool": tool.pk, "tyokalu-after": "alku"}
    )
    assert response.status_code == 303 and titles(plan)[0] == tool.title


def test_remove_then_peru_poisto_without_javascript(client, demo_site):
    space, plan = planned()
    budget = services.plan_blocks(plan=plan)[1]
    response = client.post(
        plan_url(space, plan, "meeting_block_delete", block_id=budget.pk), {"version": plan.order_version}
    )
    assert response.status_code == 303
    assert response["Location"].endswith(f"?poistettu={budget.pk}#poistettu")
    html = client.get(response["Location"]).content.decode()
    restore = plan_url(space, plan, "meeting_block_restore", block_id=budget.pk)
    assert "Osio poistettu." in html and "Peru poisto" in html and f'action="{restore}"' in html
    assert f'id="osio-{budget.pk}"' not in html
    response = client.post(restore)
    assert response.status_code == 303
    assert titles(plan)[1] == "Budjetti"
    # The notice is gone once the block is back (a reload of the old address).
    html = client.get(f"{plan_url(space, plan)}?poistettu={budget.pk}").content.decode()
    assert "Osio poistettu." not in html
    assert client.get(f"{plan_url(space, plan)}?poistettu=abc").status_code == 200


def test_an_edit_of_one_block_after_another_members_edit_of_another_saves(client, demo_site):
    space, plan = planned()
    opening, budget = services.plan_blocks(plan=plan)[:2]
    services.block_update(
        plan=plan, block_id=opening.pk, base_version=opening.version, title="Kuulumiset", minutes=5, note=""
    )
    prefix = f"osio-{budget.pk}"
    response = client.post(
        plan_url(space, plan, "meeting_block_edit", block_id=budget.pk),
        {
            f"{prefix}-title": "Budjetti",
            f"{prefix}-minutes": "30",
            f"{prefix}-note": "",
            f"{prefix}-version": 1,
        },
    )
    assert response.status_code == 303
    assert titles(plan)[:2] == ["Kuulumiset", "Budjetti"]


def test_the_calendar_files_sequence_grows_with_a_blocks_edit(client, demo_site):
    space, plan = planned()
    budget = services.plan_blocks(plan=plan)[1]
    MeetingPlan.objects.filter(pk=plan.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))

    def sequence():
        calendar = Calendar.from_ical(client.get(plan_url(space, plan, "meeting_ics")).content)
        return int(next(iter(calendar.walk("VEVENT")))["sequence"])

    before = sequence()
    services.block_update(
        plan=plan, block_id=budget.pk, base_version=budget.version, title="B", minutes=5, note=""
    )
    assert sequence() > before


@pytest.mark.parametrize("name", ["meeting_plan_duplicate", "meeting_plan_save_template", "restore"])
def test_another_spaces_plan_or_block_is_404(client, demo_site, name):
    space, plan = planned()
    other, other_plan = make_plan(name="Toinen tiimi")
    if name == "restore":
        block = services.plan_blocks(plan=plan)[1]
        services.block_delete(plan=plan, block_id=block.pk, base_version=plan.order_version)
        addresses = [
            plan_url(other, plan, "meeting_block_restore", block_id=block.pk),  # another space's plan
            plan_url(other, other_plan, "meeting_block_restore", block_id=block.pk),  # another plan's block
            plan_url(space, plan, "meeting_block_restore", block_id=99999999999),
        ]
    else:
        addresses = [plan_url(other, plan, name), plan_url(space, plan, name).replace(space.token, "x" * 43)]
    for address in addresses:
        assert client.post(address).status_code == 404
    assert MeetingPlan.objects.filter(space=other).count() == 1


@pytest.mark.parametrize("name", ["meeting_plan_duplicate", "meeting_plan_save_template", "restore"])
def test_the_new_posts_need_the_csrf_token(demo_site, name):
    space, plan = planned()
    block = services.plan_blocks(plan=plan)[1]
    services.block_delete(plan=plan, block_id=block.pk, base_version=plan.order_version)
    address = (
        plan_url(space, plan, "meeting_block_restore", block_id=block.pk)
        if name == "restore"
        else plan_url(space, plan, name)
    )
    checked = Client(enforce_csrf_checks=True)
    assert checked.post(address).status_code == 403
    assert MeetingPlan.objects.filter(space=space).count() == 1
    assert "Budjetti" not in titles(plan)
