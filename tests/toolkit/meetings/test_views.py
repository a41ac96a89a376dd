"""Plan pages without JavaScript: plain POST forms, errors next to the fields, input kept, conflicts shown."""

import re

import pytest

from tests.toolkit.meetings.support import make_plan, plan_url, tools, url
from toolkit.meetings import services
from toolkit.meetings.models import MeetingBlock, MeetingPlan

pytestmark = pytest.mark.django_db


def blocks_of(plan):
    return list(MeetingBlock.objects.filter(plan=plan, removed_at=None).values_list("title", "minutes"))


def test_space_page_links_to_the_plans_and_a_plan_is_created(client, demo_site):
    space, _ = make_plan()
    page = client.get(space.get_absolute_url()).content.decode()
    assert url("meeting_plans", space) in page and "Suunnittele palaveri" in page
    response = client.post(
        url("meeting_plans", space),
        {
            "title": "Maanantain palaveri",
            "date": "7.12.2026",
            "start_time": "13.30",
            "minutes_available": "90",
        },
    )
    assert response.status_code == 303
    plan = MeetingPlan.objects.get(space=space, title="Maanantain palaveri")
    assert response["Location"] == plan_url(space, plan)
    assert (str(plan.date), str(plan.start_time), plan.minutes_available) == ("2026-12-07", "13:30:00", 90)
    listing = client.get(url("meeting_plans", space)).content.decode()
    assert "Maanantain palaveri" in listing and "Torstain palaveri" in listing


def test_invalid_new_plan_keeps_the_input_and_says_what_is_wrong_next_to_the_field(client, demo_site):
    space, _ = make_plan()
    response = client.post(
        url("meeting_plans", space),
        {"title": "Pitkä palaveri", "date": "31.2.2026", "start_time": "25.00", "minutes_available": "9999"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Pitkä palaveri"' in html
    assert "Anna päivä muodossa pp.kk.vvvv" in html
    assert "Antakaa aika muodossa tt.mm" in html
    assert "Enintään 480 min." in html
    assert re.search(
        r'id="id_minutes_available"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="id_minutes_available"',
        html,
    )
    assert MeetingPlan.objects.filter(space=space).count() == 1


def test_blocks_get_start_times_and_the_total_warns_when_over(client, demo_site):
    space, plan = make_plan(minutes=15)
    tool = tools(1)[0]
    add = plan_url(space, plan, "meeting_block_add")
    assert client.post(add, {"uusi-kind": "avaus", "uusi-title": "", "uusi-minutes": "5"}).status_code == 303
    response = client.post(plan_url(space, plan, "meeting_tool_add"), {"tyokalu-tool": tool.pk})
    assert response.status_code == 303
    client.post(add, {"uusi-kind": "tauko", "uusi-title": "", "uusi-minutes": "10", "uusi-note": "Kahvi"})
    assert blocks_of(plan) == [("Avaus", 5), (tool.title, tool.duration_minutes), ("Tauko", 10)]
    html = client.get(plan_url(space, plan)).content.decode()
    # 9.00 start: the tool starts at 9.05 and the break after it.
    end = 5 + tool.duration_minutes
    assert "9.00</time>–<time" in html and "9.05</time>" in html
    assert f"{9 + end // 60}.{end % 60:02d}</time>" in html
    total = 15 + tool.duration_minutes
    assert "Aika ei riitä:" in html
    assert f"ylittää varatun ajan {total - 15} minuutilla" in html


def test_within_the_time_there_is_no_warning(client, demo_site):
    space, plan = make_plan(minutes=60)
    services.block_add(plan=plan, kind="avaus", minutes=10)
    html = client.get(plan_url(space, plan)).content.decode()
    assert "Aika ei riitä" not in html and "50 min jää vapaaksi" in html


def test_invalid_block_keeps_input_and_errors_are_next_to_the_fields(client, demo_site):
    space, plan = make_plan()
    response = client.post(
        plan_url(space, plan, "meeting_block_add"),
        {
            "uusi-kind": "aihe",
            "uusi-title": "Ajankohtaiset",
            "uusi-minutes": "kymmenen",
            "uusi-note": "Muista budjetti",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Ajankohtaiset"' in html and "Muista budjetti</textarea>" in html
    assert "Antakaa minuutit kokonaislukuna" in html
    assert 'aria-describedby="id_uusi-minutes_error"' in html
    assert blocks_of(plan) == []


def test_moving_a_block_redirects_to_it_and_says_where_it_went(client, demo_site):
    space, plan = make_plan()
    first = services.block_add(plan=plan, kind="avaus", minutes=5)
    second = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20)
    plan.refresh_from_db()
    move = plan_url(space, plan, "meeting_block_move", block_id=second.pk)
    response = client.post(move, {"version": plan.order_version, "suunta": "ylos"})
    assert response.status_code == 303
    assert response["Location"].endswith(f"?siirretty={second.pk}&suunta=ylos#osio-{second.pk}")
    assert blocks_of(plan) == [("Budjetti", 20), ("Avaus", 5)]
    html = client.get(response["Location"]).content.decode()
    assert "”Budjetti” on nyt kohdassa 1/2, alkaa klo 9.00." in html
    assert first.pk != second.pk


def test_a_stale_edit_is_a_conflict_that_shows_the_current_plan_and_keeps_the_input(client, demo_site):
    space, plan = make_plan()
    block = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20)
    plan.refresh_from_db()
    stale = block.version
    services.block_update(
        plan=plan,
        block_id=block.pk,
        base_version=stale,
        title="Budjetti 2027",
        minutes=25,
        note="Annan teksti",
    )
    prefix = f"osio-{block.pk}"
    response = client.post(
        plan_url(space, plan, "meeting_block_edit", block_id=block.pk),
        {
            f"{prefix}-title": "Budjetti",
            f"{prefix}-minutes": "30",
            f"{prefix}-note": "Bertan teksti",
            f"{prefix}-version": stale,
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Joku muu muutti suunnitelmaa sillä välin" in html
    assert "Annan teksti" in html and "Bertan teksti</textarea>" in html
    assert "Tallenna minun versioni" in html
    assert MeetingBlock.objects.get(pk=block.pk).note == "Annan teksti"
    current = MeetingBlock.objects.get(pk=block.pk).version
    assert current == stale + 1
    assert f'name="{prefix}-version" value="{current}"' in html
    # Sending the kept form again saves it on top of the version now shown.
    again = client.post(
        plan_url(space, plan, "meeting_block_edit", block_id=block.pk),
        {
            f"{prefix}-title": "Budjetti",
            f"{prefix}-minutes": "30",
            f"{prefix}-note": "Bertan teksti",
            f"{prefix}-version": current,
        },
    )
    assert again.status_code == 303
    assert MeetingBlock.objects.get(pk=block.pk).note == "Bertan teksti"


def test_an_edit_of_a_block_deleted_meanwhile_keeps_the_text_as_a_new_block(client, demo_site):
    space, plan = make_plan()
    block = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20)
    plan.refresh_from_db()
    stale = block.version
    services.block_delete(plan=plan, block_id=block.pk, base_version=plan.order_version)
    prefix = f"osio-{block.pk}"
    response = client.post(
        plan_url(space, plan, "meeting_block_edit", block_id=block.pk),
        {
            f"{prefix}-title": "Budjetti",
            f"{prefix}-minutes": "30",
            f"{prefix}-note": "Tärkeä muistiinpano",
            f"{prefix}-version": stale,
        },
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "on poistettu sillä välin" in html and "Tärkeä muistiinpano</textarea>" in html


def test_stale_details_edit_is_a_conflict(client, demo_site):
    space, plan = make_plan()
    stale = plan.version
    services.plan_update(
        plan=plan,
        base_version=stale,
        title="Toisen nimi",
        date=plan.date,
        start_time=plan.start_time,
        minutes_available=60,
    )
    response = client.post(
        plan_url(space, plan),
        {
            "tiedot-title": "Uusi nimi",
            "tiedot-date": "2026-12-04",
            "tiedot-start_time": "10:00",
            "tiedot-minutes_available": "45",
            "tiedot-version": stale,
        },
    )
    assert response.status_code == 409
    assert 'value="Uusi nimi"' in response.content.decode()
    assert MeetingPlan.objects.get(pk=plan.pk).title == "Toisen nimi"


def test_delete_a_plan_with_confirmation(client, demo_site):
    space, plan = make_plan()
    delete = plan_url(space, plan, "meeting_plan_delete")
    assert client.post(delete, {"version": plan.version}).status_code == 400
    assert client.post(delete, {"version": plan.version, "confirm": "on"}).status_code == 303
    assert not MeetingPlan.objects.filter(pk=plan.pk).exists()


def test_plan_pages_are_private_and_not_stored(client, demo_site):
    space, plan = make_plan()
    for address in [
        url("meeting_plans", space),
        plan_url(space, plan),
        plan_url(space, plan, "meeting_agenda"),
    ]:
        response = client.get(address)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert response["X-Robots-Tag"].startswith("noindex")
        assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "make_address",
    [
        lambda space, plan, other: plan_url(space, plan).replace(space.token, "x" * 43),
        lambda space, plan, other: plan_url(space, plan).replace(space.token, "lyhyt"),
        lambda space, plan, other: plan_url(other, plan),  # another team's plan
        lambda space, plan, other: f"/tiimi/{space.token}/palaverit/999999/",
        lambda space, plan, other: f"/tiimi/{space.token}/palaverit/99999999999999999999/",
        lambda space, plan, other: plan_url(space, plan, "meeting_agenda").replace(space.token, "x" * 43),
        lambda space, plan, other: plan_url(space, plan, "meeting_ics").replace(str(plan.pk), "999999"),
        lambda space, plan, other: f"/tiimi/{space.token}/palaverit/lisaa/999999/",
        lambda space, plan, other: "/tiimi/palaveriin/999999/",
    ],
)
def test_bad_tokens_and_ids_are_404(client, demo_site, make_address):
    space, plan = make_plan()
    other, _ = make_plan(name="Toinen tiimi")
    response = client.get(make_address(space, plan, other))
    assert response.status_code == 404


def test_a_block_of_another_plan_is_404(client, demo_site):
    space, plan = make_plan()
    _, other_plan = make_plan(space=space, title="Toinen")
    block = services.block_add(plan=other_plan, kind="avaus", minutes=5)
    plan.refresh_from_db()
    response = client.post(
        plan_url(space, plan, "meeting_block_move", block_id=block.pk),
        {"version": plan.order_version, "suunta": "ylos"},
    )
    assert response.status_code == 404


def test_the_plan_page_links_to_each_blocks_edit_page_which_opens_that_form_alone(client, demo_site):
    space, plan = make_plan()
    first = services.block_add(plan=plan, kind="aihe", title="Budjetti", minutes=20, note="Luvut")
    second = services.block_add(plan=plan, kind="tauko", minutes=5)
    plan.refresh_from_db()
    html = client.get(plan_url(space, plan)).content.decode()
    # No edit form per block on the plan page: a link to each block's own edit page.
    assert 'name="osio-' not in html
    edit_url = plan_url(space, plan, "meeting_block_edit_page", block_id=first.pk)
    assert f'href="{edit_url}#osio-{first.pk}-muokkaa"' in html
    page = client.get(edit_url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'id="osio-{first.pk}-muokkaa"' in html and "Muokkaa osiota" in html
    assert f'name="osio-{first.pk}-title"' in html and "Luvut</textarea>" in html
    assert f'name="osio-{first.pk}-version" value="{first.version}"' in html
    assert f'name="osio-{second.pk}-' not in html  # the other block keeps its link
    assert plan_url(space, plan, "meeting_block_edit_page", block_id=second.pk) in html
    # Saving it from there saves the block and returns to the plan.
    response = client.post(
        plan_url(space, plan, "meeting_block_edit", block_id=first.pk),
        {
            f"osio-{first.pk}-title": "Budjetti 2027",
            f"osio-{first.pk}-minutes": "25",
            f"osio-{first.pk}-note": "Luvut",
            f"osio-{first.pk}-version": first.version,
        },
    )
    assert response.status_code == 303
    assert MeetingBlock.objects.get(pk=first.pk).title == "Budjetti 2027"


def test_the_edit_page_of_a_block_of_another_plan_or_none_is_404(client, demo_site):
    space, plan = make_plan()
    _, other_plan = make_plan(space=space, title="Toinen")
    block = services.block_add(plan=other_plan, kind="avaus", minutes=5)
    for block_id in (block.pk, 999999, 99999999999):
        response = client.get(plan_url(space, plan, "meeting_block_edit_page", block_id=block_id))
        assert response.status_code == 404


def test_add_from_a_tool_card_with_a_pasted_link(client, demo_site):
    space, plan = make_plan()
    tool = tools(1)[0]
    card = client.get(tool.url).content.decode()
    paste_url = f"/tiimi/palaveriin/{tool.pk}/"
    assert paste_url in card and "Lisää palaveriin" in card
    wrong = client.post(paste_url, {"link": "https://example.fi/tiimi/" + "y" * 43 + "/"})
    assert wrong.status_code == 400 and "Tällä linkillä ei löydy tiimin työtilaa" in wrong.content.decode()
    response = client.post(paste_url, {"link": f"https://valoa.example/tiimi/{space.token}/palaverit/"})
    assert response.status_code == 303
    assert response["Location"] == url("meeting_add_tool", space, tool_id=tool.pk)
    chosen = client.post(response["Location"], {"plan": plan.pk})
    assert chosen.status_code == 303
    assert blocks_of(plan) == [(tool.title, tool.duration_minutes)]


def test_add_a_tool_to_a_new_plan(client, demo_site):
    space, _ = make_plan()
    tool = tools(1)[0]
    response = client.post(
        url("meeting_add_tool", space, tool_id=tool.pk),
        {
            "plan": "uusi",
            "title": "Uusi palaveri",
            "date": "2026-12-10",
            "start_time": "12:00",
            "minutes_available": "60",
        },
    )
    assert response.status_code == 303
    plan = MeetingPlan.objects.get(title="Uusi palaveri")
    assert blocks_of(plan) == [(tool.title, tool.duration_minutes)]


def test_finder_results_carry_a_hidden_add_link_for_a_remembered_team(client, demo_site):
    from toolkit.models import ToolIndexPage

    finder = ToolIndexPage.objects.get()
    html = client.get(finder.url).content.decode()
    tool = tools(1)[0]
    assert f'href="/tiimi/palaveriin/{tool.pk}/"' in html
    # Hidden until this browser has a remembered team link (meetings.js); no team data on a public page.
    assert re.search(r'<p class="add-to-plan" data-meeting-needs-team hidden>', html)
    assert "/tiimi/" + "" not in html.replace("/tiimi/palaveriin/", "")


def test_a_tool_added_lands_before_the_closing_and_a_position_can_be_chosen(client, demo_site):
    space, plan = make_plan()
    services.block_add(plan=plan, kind="avaus", minutes=5)
    closing = services.block_add(plan=plan, kind="lopetus", minutes=5)
    tool = tools(1)[0]
    response = client.post(
        plan_url(space, plan, "meeting_tool_add"), {"tyokalu-tool": tool.pk, "tyokalu-minutes": "15"}
    )
    assert response.status_code == 303
    assert [kind for (kind,) in MeetingBlock.objects.filter(plan=plan).values_list("kind")] == [
        "avaus",
        "tyokalu",
        "lopetus",
    ]
    # A chosen position is kept: at the start, or after a chosen block (here the closing one).
    services.block_add(plan=plan, kind="aihe", title="Ensin", minutes=5, after=services.AT_START)
    services.block_add(plan=plan, kind="aihe", title="Viimeiseksi", minutes=5, after=closing.pk)
    assert [title for title, _ in blocks_of(plan)] == ["Ensin", "Avaus", tool.title, "Lopetus", "Viimeiseksi"]
    assert list(MeetingBlock.objects.filter(plan=plan).values_list("position", flat=True)) == [0, 1, 2, 3, 4]
