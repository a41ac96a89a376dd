"""What the assessment's views tell the live channel: to which group, with which (minimal) data, and when.

The team's screens (space.<id>) hear the response count, the state changes, each consensus rating and the
presenter's slide; the respondents' pages (round.<id>) hear only that the round was revealed or closed. Nothing of
anonymous respondents goes out before the reveal but the count.
"""

import pytest
from django.test import Client
from django.urls import reverse

from toolkit.assessment import services
from toolkit.models import AssessmentRound
from toolkit.team.services import team_space_create
from valoa.live import publishing

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch, django_capture_on_commit_callbacks):
    """The messages the views send after their commits, as (group, message)."""
    messages = []
    monkeypatch.setattr(publishing, "send_now", lambda group, message: messages.append((group, message)))

    class Sent(list):
        def during(self, action):
            with django_capture_on_commit_callbacks(execute=True):
                return action()

    sent = Sent()
    sent.messages = messages
    return sent


def form_data(keys, value):
    return {f"s-{key}": str(value) for key in keys}


def urls(assessment_round):
    kwargs = {"token": assessment_round.space.token, "round_id": assessment_round.pk}
    return {
        "round": reverse("toolkit:assessment_round", kwargs=kwargs),
        "state": reverse("toolkit:assessment_state", kwargs=kwargs),
        "save": reverse("toolkit:assessment_consensus_save", kwargs=kwargs),
        "presented": reverse("toolkit:assessment_presented", kwargs=kwargs),
        "follow": reverse("toolkit:assessment_follow", kwargs=kwargs),
        "respond": reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token}),
    }


def test_each_answer_tells_the_team_the_count_and_the_respondents_nothing(
    client, sent, anonymous_round, keys
):
    url = urls(anonymous_round)
    space_group, round_group = f"space.{anonymous_round.space_id}", f"round.{anonymous_round.pk}"
    for n in range(1, anonymous_round.threshold + 1):
        response = sent.during(lambda: Client().post(url["respond"], form_data(keys, 3)))
        assert response.status_code == 302
        assert sent.messages[-1] == (
            space_group,
            {
                "topic": f"round:{anonymous_round.pk}",
                "event": "count",
                "data": {"count": n, "can_reveal": n >= anonymous_round.threshold},
            },
        )
    # Only the count: no rating, no statement, no respondent, and nothing to the respondents' group.
    assert [group for group, _message in sent.messages] == [space_group] * anonymous_round.threshold
    assert all(set(message["data"]) == {"count", "can_reveal"} for _group, message in sent.messages)
    assert round_group not in {group for group, _message in sent.messages}
    # An answer that was refused (invalid) announces nothing.
    before = len(sent.messages)
    assert sent.during(lambda: Client().post(url["respond"], {})).status_code == 400
    assert len(sent.messages) == before


def test_reveal_and_close_reach_the_team_and_the_respondents_without_data(
    client, sent, anonymous_round, keys
):
    url = urls(anonymous_round)
    for n in range(anonymous_round.threshold):
        sent.during(lambda n=n: Client().post(url["respond"], form_data(keys, n % 5 + 1)))
    sent.messages.clear()
    assert sent.during(lambda: client.post(url["state"], {"action": "reveal"})).status_code == 302
    assert sent.during(lambda: client.post(url["state"], {"action": "close"})).status_code == 302
    topic = f"round:{anonymous_round.pk}"
    assert sent.messages == [
        (f"space.{anonymous_round.space_id}", {"topic": topic, "event": "revealed", "data": {}}),
        (f"round.{anonymous_round.pk}", {"topic": topic, "event": "revealed", "data": {}}),
        (f"space.{anonymous_round.space_id}", {"topic": topic, "event": "closed", "data": {}}),
        (f"round.{anonymous_round.pk}", {"topic": topic, "event": "closed", "data": {}}),
    ]
    # A refused change (closing twice) announces nothing.
    assert sent.during(lambda: client.post(url["state"], {"action": "close"})).status_code == 400
    assert len(sent.messages) == 4


def test_a_reveal_too_early_announces_nothing(client, sent, anonymous_round):
    assert (
        sent.during(lambda: client.post(urls(anonymous_round)["state"], {"action": "reveal"})).status_code
        == 400
    )
    assert sent.messages == []


def test_a_consensus_rating_reaches_the_teams_screens_only(client, sent, space, team_page, keys):
    consensus = services.round_open(space=space, page=team_page, mode=AssessmentRound.Mode.CONSENSUS)
    url = urls(consensus)
    response = sent.during(
        lambda: client.post(
            url["save"], {"statement": keys[0], "value": "2", "version": ""}, HTTP_ACCEPT="application/json"
        )
    )
    assert response.status_code == 200
    assert sent.messages == [
        (
            f"space.{space.pk}",
            {
                "topic": f"round:{consensus.pk}",
                "event": "rating",
                "data": {"statement": keys[0], "value": 2, "done": 1},
            },
        )
    ]
    # A conflict (someone saved first) changes nothing and announces nothing.
    conflict = sent.during(
        lambda: client.post(
            url["save"], {"statement": keys[0], "value": "3", "version": ""}, HTTP_ACCEPT="application/json"
        )
    )
    assert conflict.status_code == 409
    assert len(sent.messages) == 1


def test_the_presenters_slide_is_kept_and_followers_land_on_it(client, sent, space, team_page, keys):
    consensus = services.round_open(space=space, page=team_page, mode=AssessmentRound.Mode.CONSENSUS)
    for key in keys:
        services.consensus_save(assessment_round=consensus, statement_key=key, value=3, base=None)
    url = urls(consensus)

    def present(n):
        return reverse(
            "toolkit:assessment_present",
            kwargs={"token": space.token, "round_id": consensus.pk, "position": n},
        )

    # Nobody has presented yet: a follower starts at the first slide.
    assert client.get(url["follow"])["Location"] == present(1) + "?seuraa=1"
    assert sent.during(lambda: client.post(url["presented"], {"position": "3"})).status_code == 200
    assert sent.messages == [
        (f"space.{space.pk}", {"topic": f"round:{consensus.pk}", "event": "slide", "data": {"position": 3}})
    ]
    consensus.refresh_from_db()
    assert consensus.presented_position == 3
    # A late joiner lands on the presenter's slide; the follower page keeps following on its links.
    follower = client.get(url["follow"], follow=True)
    assert follower.redirect_chain[-1][0] == present(3) + "?seuraa=1"
    assert "Tämä näyttö seuraa esittäjää." in follower.content.decode()
    assert present(4) + "?seuraa=1" in follower.content.decode()
    # The presenter's page carries the form its script sends, and its links keep presenting.
    presenter = client.get(present(2) + "?esita=1").content.decode()
    assert f'action="{url["presented"]}"' in presenter and present(3) + "?esita=1" in presenter
    # Bad input: 400 or 404, never 500, and nothing announced.
    for bad in ("", "0", "x", "-1", "99999"):
        assert (
            sent.during(lambda bad=bad: client.post(url["presented"], {"position": bad})).status_code == 400
        )
    other = team_space_create(name="Toinen")
    wrong = reverse("toolkit:assessment_presented", kwargs={"token": other.token, "round_id": consensus.pk})
    assert client.post(wrong, {"position": "2"}).status_code == 404
    assert client.get(url["presented"]).status_code == 405
    assert len(sent.messages) == 1


def test_the_respondent_page_stops_promising_results_once_revealed(client, anonymous_round, keys):
    url = urls(anonymous_round)
    promise = "Tulokset näytetään vasta, kun vastauksia on riittävästi."
    assert promise in client.get(url["respond"]).content.decode()
    for n in range(anonymous_round.threshold):
        Client().post(url["respond"], form_data(keys, n % 5 + 1))
    client.post(url["state"], {"action": "reveal"})
    page = client.get(url["respond"]).content.decode()
    assert promise not in page
    assert "Katso tiimin tulokset" in page
    # The page listens on the round's own channel, never the team's.
    assert f'data-live-url="/live/vastaa/{anonymous_round.token}/"' in page
    assert "/live/tiimi/" not in page
