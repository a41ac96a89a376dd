"""A team's pages are rendered once per change of its space, shared by its members, and never shown stale
(toolkit/team/page_cache.py, docs/decisions/017-team-pages-by-revision.md).

Every change below goes through the request a member's browser sends, because that is what raises the space's
revision; a page viewed again without a change costs the space's lookup and nothing else.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.toolkit.meetings.support import make_plan, plan_url, revealed_round, tools, url
from toolkit.meetings import services as meeting_services
from toolkit.models import ToolPage
from toolkit.team.models import TeamSpace
from toolkit.team.page_cache import csrf_placeholder, shareable
from toolkit.workbook import services as workbook_services
from valoa.live import publishing

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
DUMMY_CACHE = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"} for alias in ("default", "renditions")
}


def view(client, address) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200, address
    return len(ctx.captured_queries), response.content.decode()


def without_tokens(html: str) -> str:
    return TOKEN.sub("", html)


@pytest.fixture
def team(demo_site):
    """A space with a revealed round, a plan with a tool and a topic, and a workbook session."""
    space, assessment_round = revealed_round()
    plan = meeting_services.plans_and_template(space=space)[0][0]
    tool = tools(1)[0]
    meeting_services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=tool.duration_minutes)
    meeting_services.block_add(plan=plan, kind="aihe", title="Ajankohtaiset", minutes=10)
    session = workbook_services.workbook_session_start(space=space)
    session.space = space
    return space, plan, assessment_round, session, tool


def addresses(space, plan, assessment_round, session) -> dict[str, str]:
    round_kwargs = {"token": space.token, "round_id": assessment_round.pk}
    return {
        "space": space.get_absolute_url(),
        "plan": plan_url(space, plan),
        "agenda": plan_url(space, plan, "meeting_agenda"),
        "results": reverse("toolkit:assessment_results", kwargs=round_kwargs),
        "slides": reverse("toolkit:assessment_present", kwargs={**round_kwargs, "position": 1}),
        "session": session.get_absolute_url(),
        "summary": session.get_absolute_url() + "yhteenveto/",
    }


def test_a_team_page_viewed_again_costs_only_the_spaces_lookup(client, team):
    space, plan, assessment_round, session, _tool = team
    for name, address in addresses(space, plan, assessment_round, session).items():
        rendered, first = view(client, address)
        again, second = view(client, address)
        assert rendered >= 3, name
        assert again == 1, name  # the space, by its token
        assert without_tokens(second) == without_tokens(first), name


def test_what_a_member_changes_shows_on_the_next_view_of_every_page(client, team):
    space, plan, assessment_round, session, _tool = team
    pages = addresses(space, plan, assessment_round, session)
    for address in pages.values():
        view(client, address)  # all cached now

    named = [name for name, address in pages.items() if space.name in view(client, address)[1]]
    assert {"space", "plan", "session"} <= set(named)  # the heading or the breadcrumb
    assert client.post(url("team_space_rename", space), {"name": "Uusi nimi"}).status_code == 302
    for name in named:
        html = view(client, pages[name])[1]
        assert "Uusi nimi" in html and space.name not in html, name

    add = plan_url(space, plan, "meeting_block_add")
    assert (
        client.post(add, {"uusi-kind": "aihe", "uusi-title": "Budjetti", "uusi-minutes": "5"}).status_code
        == 303
    )
    assert "Budjetti" in view(client, pages["plan"])[1]
    assert "Budjetti" in view(client, pages["agenda"])[1]

    saved = client.post(
        reverse("toolkit:workbook_answer", kwargs={"token": space.token, "number": session.number}),
        {
            "key": workbook_services.workbook_get().questions[0].key,
            "answer": "Sovimme uuden tavan",
            "version": "0",
        },
        HTTP_ACCEPT="application/json",
    )
    assert saved.status_code == 200
    assert "Sovimme uuden tavan" in view(client, pages["session"])[1]
    assert "Sovimme uuden tavan" in view(client, pages["summary"])[1]


def test_a_respondents_answer_through_the_round_link_shows_in_the_teams_results(client, team):
    space, plan, assessment_round, session, _tool = team
    results = addresses(space, plan, assessment_round, session)["results"]
    assert "(3 vastausta)" in view(client, results)[1]
    keys = [s.key for g in assessment_round.page.statement_groups() for s in g.statements]
    respondent = Client()
    respond = reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token})
    respondent.get(respond)
    assert respondent.post(respond, {f"s-{key}": "2" for key in keys}).status_code == 302
    assert "(4 vastausta)" in view(client, results)[1]


def test_a_respondent_who_has_not_answered_gets_the_shared_form_and_one_who_has_their_own(team):
    _space, _plan, assessment_round, _session, _tool = team
    respond = reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token})
    keys = [s.key for g in assessment_round.page.statement_groups() for s in g.statements]
    first, second = Client(), Client()
    answered = "Olet jo vastannut."
    assert view(first, respond)[0] >= 3  # rendered
    queries, html = view(second, respond)
    assert queries == 1  # the round with its space; a new respondent has no answer to look up
    assert answered not in html and second.cookies.get("valoa_vastaaja")  # each gets a cookie of their own
    assert first.post(respond, {f"s-{key}": "2" for key in keys}).status_code == 302
    mine = view(first, respond)[1]
    assert answered in mine and mine.count('value="2" checked') == len(keys)
    assert answered not in view(second, respond)[1]
    assert first.cookies["valoa_vastaaja"].value != second.cookies["valoa_vastaaja"].value


def test_a_screen_told_of_a_respondents_answer_fetches_the_page_that_shows_it(client, team, monkeypatch):
    """The live message goes out when the answer commits: at once, in autocommit, before the request has ended.
    The screen that hears it fetches its page again, which must then be rendered anew."""
    space, plan, assessment_round, session, _tool = team
    results = addresses(space, plan, assessment_round, session)["results"]
    view(client, results)
    fetched = []

    def screen_hears(group, message):
        if group == f"space.{space.pk}":
            fetched.append(view(client, results)[1])

    monkeypatch.setattr(publishing, "send_now", screen_hears)
    monkeypatch.setattr(publishing.transaction, "on_commit", lambda callback, **kwargs: callback())
    keys = [s.key for g in assessment_round.page.statement_groups() for s in g.statements]
    respond = reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token})
    assert Client().post(respond, {f"s-{key}": "2" for key in keys}).status_code == 302
    assert fetched and "(4 vastausta)" in fetched[0]


def test_each_member_gets_a_page_with_their_own_csrf_token(team):
    space, *_rest = team
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    _queries, first_html = view(first, space.get_absolute_url())
    queries, second_html = view(second, space.get_absolute_url())
    assert queries == 1  # the second member's page came from the cache
    first_tokens, second_tokens = set(TOKEN.findall(first_html)), set(TOKEN.findall(second_html))
    assert len(first_tokens) == 1 and len(second_tokens) == 1
    assert first_tokens != second_tokens
    assert csrf_placeholder() not in first_html + second_html
    rename = url("team_space_rename", space)
    # The first member's token is no good with the second member's cookie; the second member's own is.
    assert second.post(rename, {"name": "X", "csrfmiddlewaretoken": first_tokens.pop()}).status_code == 403
    assert (
        second.post(rename, {"name": "Toinen", "csrfmiddlewaretoken": second_tokens.pop()}).status_code == 302
    )
    assert "Toinen" in view(first, space.get_absolute_url())[1]


def test_the_link_shown_once_to_the_spaces_creator_is_never_in_the_shared_page(client, demo_site):
    created = client.post(reverse("toolkit:team_space_create"), {"name": "Asiakaspalvelu"}, follow=True)
    assert 'id="team-link-input"' in created.content.decode()
    space = TeamSpace.objects.get(name="Asiakaspalvelu")
    assert 'id="team-link-input"' not in view(Client(), space.get_absolute_url())[1]  # stored in the cache
    assert 'id="team-link-input"' not in view(client, space.get_absolute_url())[1]  # the creator's next view


def test_a_message_for_one_member_is_shown_to_that_member_only(client, team):
    space, plan, assessment_round, session, _tool = team
    results = addresses(space, plan, assessment_round, session)["results"]
    closed = "Kierros on suljettu."
    state = reverse(
        "toolkit:assessment_state", kwargs={"token": space.token, "round_id": assessment_round.pk}
    )
    assert client.post(state, {"action": "close"}).status_code == 302
    assert closed in view(client, results)[1]  # the message waiting for this member
    other = Client()
    assert closed not in view(other, results)[1]
    assert closed not in view(client, results)[1]  # shown once
    assert view(other, results)[0] == 1  # and the page without it is the shared one


def test_a_published_change_to_a_tool_shows_on_the_plan_at_once(
    client, team, django_capture_on_commit_callbacks
):
    space, plan, _round, _session, tool = team
    view(client, plan_url(space, plan))
    tool = ToolPage.objects.get(pk=tool.pk)
    tool.title = "Uudistettu työkalu"
    with django_capture_on_commit_callbacks(execute=True):
        tool.save_revision().publish()
    assert "Uudistettu työkalu" in view(client, plan_url(space, plan))[1]


def test_only_a_request_that_may_change_data_raises_the_revision_of_the_space_it_found(client, team):
    space, *_rest = team
    other, _plan = make_plan(name="Toinen tiimi")

    def revisions():
        return dict(TeamSpace.objects.filter(pk__in=[space.pk, other.pk]).values_list("pk", "revision"))

    before = revisions()
    view(client, space.get_absolute_url())
    assert revisions() == before
    client.post(url("team_space_rename", space), {"name": "Tiimi"})
    assert revisions() == {space.pk: before[space.pk] + 1, other.pk: before[other.pk]}
    client.post(reverse("toolkit:team_space_rename", kwargs={"token": "x" * 43}), {"name": "Arvaus"})
    assert revisions() == {space.pk: before[space.pk] + 1, other.pk: before[other.pk]}


def test_a_page_with_a_members_own_token_in_it_is_not_shared():
    placeholder = csrf_placeholder()
    assert shareable(f'<input type="hidden" name="csrfmiddlewaretoken" value="{placeholder}">' * 2)
    assert not shareable(
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{placeholder}">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="a1B2c3">'
    )


def test_without_a_working_cache_team_pages_are_rendered_every_time(client, team):
    space, plan, assessment_round, session, _tool = team
    with override_settings(CACHES=DUMMY_CACHE):
        cache.clear()
        for name, address in addresses(space, plan, assessment_round, session).items():
            assert view(client, address)[0] >= 3, name
            assert view(client, address)[0] >= 3, name
