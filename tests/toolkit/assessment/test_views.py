"""Both modes end to end through the site, the self-assessments, CSV, and bad input (400, never 500)."""

import re

import pytest
from django.urls import reverse

from toolkit.assessment import services
from toolkit.assessment.views.respond import RESPONDENT_COOKIE
from toolkit.models import AssessmentResponse, AssessmentRound, TeamSpace

from .conftest import all_ratings

pytestmark = pytest.mark.django_db


def form_data(keys, value):
    return {f"s-{key}": str(value) for key in keys}


def start(client, page, **data):
    return client.post(reverse("toolkit:assessment_start", kwargs={"page_id": page.pk}), data)


def round_urls(assessment_round):
    kwargs = {"token": assessment_round.space.token, "round_id": assessment_round.pk}
    return {
        "round": reverse("toolkit:assessment_round", kwargs=kwargs),
        "save": reverse("toolkit:assessment_consensus_save", kwargs=kwargs),
        "state": reverse("toolkit:assessment_state", kwargs=kwargs),
        "results": reverse("toolkit:assessment_results", kwargs=kwargs),
        "csv": reverse("toolkit:assessment_results_csv", kwargs=kwargs),
        "respond": reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token}),
        "respond_results": reverse(
            "toolkit:assessment_respond_results", kwargs={"round_token": assessment_round.token}
        ),
    }


def test_team_page_offers_the_start_form(client, team_page):
    response = client.get(team_page.url)
    assert response.status_code == 200
    assert b"Aloita tiimin arviointi" in response.content
    assert response.content.count(b"<li>") >= 12


def test_consensus_mode_end_to_end(client, team_page, keys):
    spaces_before = TeamSpace.objects.count()
    response = start(client, team_page, mode="consensus", threshold="3")
    assert response.status_code == 302
    assert TeamSpace.objects.count() == spaces_before + 1
    assessment_round = AssessmentRound.objects.latest("pk")
    urls = round_urls(assessment_round)
    assert response["Location"] == urls["round"]
    page = client.get(urls["round"])
    assert page.status_code == 200
    assert b'name="robots" content="noindex' in page.content
    # Without JS: a plain POST per statement redirects back to it.
    saved = client.post(urls["save"], {"statement": keys[0], "value": "2"})
    assert saved.status_code == 302 and saved["Location"].endswith(f"#s-{keys[0]}")
    # With JS: the same POST answers JSON (docs/team-space.md, "Progressive saving").
    ajax = client.post(urls["save"], {"statement": keys[1], "value": "3"}, HTTP_ACCEPT="application/json")
    # "progress" counts the statements rated so far (two), for the page's progress line.
    assert ajax.json()["progress"] == {"done": 2, "total": len(keys)}
    bad = client.post(urls["save"], {"statement": keys[1], "value": "9"}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and bad.json()["status"] == "invalid"
    assert client.post(urls["save"], {"statement": "ei-ole", "value": "1"}).status_code == 400
    assert client.post(urls["save"], {"statement": keys[1], "value": "kolme"}).status_code == 400
    results = client.get(urls["results"])
    assert results.status_code == 200
    assert b"<svg" in results.content and b"<title" in results.content and b"<table" in results.content
    # One joint answer: the team's agreed rating, not a survey's mean of "1 vastaus"; the phase is a suggestion.
    html = results.content.decode()
    assert "Sovittu arvio keskimäärin 2,50." in html and "vastaus)." not in html
    assert "Vastaustenne perusteella tiimi näyttää olevan vaiheessa" in html
    assert "ovat VALOA-sivuston malli" in html


def test_existing_space_is_used_when_the_link_is_pasted(client, team_page, space):
    link = f"https://valoa.example/tiimi/{space.token}/"
    response = start(client, team_page, mode="anonymous", threshold="4", team_link=link)
    assert response.status_code == 302
    assessment_round = AssessmentRound.objects.get(space=space)
    assert assessment_round.threshold == 4
    bad = start(client, team_page, mode="anonymous", threshold="3", team_link="https://x/tiimi/eiole/")
    assert bad.status_code == 400
    assert "Linkillä ei löytynyt" in bad.content.decode()
    low = start(client, team_page, mode="anonymous", threshold="2")
    assert low.status_code == 400
    assert "Vähimmäismäärä on 3 vastausta." in low.content.decode()


def test_anonymous_mode_end_to_end(client, team_page, keys, anonymous_round, django_user_model):
    from django.test import Client

    urls = round_urls(anonymous_round)
    facilitator = client.get(urls["round"])
    assert facilitator.status_code == 200
    assert b'<svg viewBox="0 0' in facilitator.content and b'class="qr"' in facilitator.content
    assert b"0 vastausta" in facilitator.content
    members = [Client() for _ in range(3)]
    for i, member in enumerate(members):
        assert member.get(urls["respond"]).status_code == 200
        assert RESPONDENT_COOKIE in member.cookies
        response = member.post(urls["respond"], form_data(keys, i + 1))
        assert response.status_code == 302
    # The same browser again: its answer changes, no second response.
    members[0].post(urls["respond"], form_data(keys, 2))
    assert AssessmentResponse.objects.filter(round=anonymous_round).count() == 3
    assert b"Olet jo vastannut" in members[0].get(urls["respond"]).content
    # Before the reveal: counts only, results hidden for everyone.
    assert b"3 vastausta" in client.get(urls["round"]).content
    assert client.get(urls["results"]).status_code == 403
    assert client.get(urls["csv"]).status_code == 403
    assert members[1].get(urls["respond_results"]).status_code == 403
    # Reveal.
    assert client.post(urls["state"], {"action": "reveal"}).status_code == 302
    assert members[1].get(urls["respond_results"]).status_code == 200
    results = client.get(urls["results"])
    assert "keskustelkaa tästä ensin".encode() not in results.content  # 2, 2, 3: spread 0.47
    assert ">Hajonta</th>" in results.content.decode()  # three answers: a spread to show
    # Close: answers can no longer change.
    assert client.post(urls["state"], {"action": "close"}).status_code == 302
    closed = members[2].post(urls["respond"], form_data(keys, 1))
    assert closed.status_code == 400
    assert "suljettu" in closed.content.decode()
    assert client.post(urls["state"], {"action": "close"}).status_code == 400
    assert client.post(urls["state"], {"action": "poista"}).status_code == 400


def test_invalid_and_incomplete_responses_are_400(client, anonymous_round, keys):
    urls = round_urls(anonymous_round)
    assert client.post(urls["respond"], {f"s-{keys[0]}": "x"}).status_code == 400
    assert client.post(urls["respond"], form_data(keys, 7)).status_code == 400
    incomplete = client.post(urls["respond"], {f"s-{keys[0]}": "2"})
    assert incomplete.status_code == 400
    html = incomplete.content.decode()
    # Each error names its statement, so the summary's links can be told apart.
    assert "Väittämä 2: valitse arvio." in html and "Väittämä 3: valitse arvio." in html
    assert "Väittämä 1: valitse arvio." not in html
    assert f'href="#s-{keys[1]}"' in html and f'aria-describedby="s-{keys[1]}-error' in html
    assert not AssessmentResponse.objects.filter(round=anonymous_round).exists()


def test_unknown_tokens_are_404(client, anonymous_round):
    assert client.get("/tiimi/vastaa/" + "x" * 43 + "/").status_code == 404
    assert client.get("/tiimi/vastaa/lyhyt/").status_code == 404
    kwargs = {"token": "y" * 43, "round_id": anonymous_round.pk}
    assert client.get(reverse("toolkit:assessment_results", kwargs=kwargs)).status_code == 404
    other = TeamSpace.objects.create()
    kwargs = {"token": other.token, "round_id": anonymous_round.pk}
    assert client.get(reverse("toolkit:assessment_round", kwargs=kwargs)).status_code == 404


def test_get_is_not_allowed_where_state_changes(client, anonymous_round):
    urls = round_urls(anonymous_round)
    assert client.get(urls["state"]).status_code == 405
    assert client.get(urls["save"]).status_code == 405


def test_csv_has_bom_and_the_numbers(client, anonymous_round, keys):
    for i in range(3):
        services.response_save(
            assessment_round=anonymous_round, respondent=f"p{i}", ratings=all_ratings(keys, i + 1)
        )
    services.round_reveal(assessment_round=anonymous_round)
    response = client.get(round_urls(anonymous_round)["csv"])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Ryhmä;Väittämä;Tunniste;1 ei vielä;2 osittain;3 hyvin;Vastauksia;Keskiarvo")
    assert lines[1].split(";")[2:9] == [keys[0], "1", "1", "1", "3", "2,00", "0,82"]


def test_self_assessment_shows_at_once_and_stores_nothing(client, employee_page):
    keys = [s.key for g in employee_page.statement_groups() for s in g.statements]
    rounds_before = AssessmentRound.objects.count()
    page = client.get(employee_page.url)
    assert page.status_code == 200 and b'type="radio"' in page.content
    url = reverse("toolkit:self_assessment", kwargs={"page_id": employee_page.pk})
    response = client.post(url, form_data(keys, 2))
    assert response.status_code == 200
    assert "Kokonaistulos" in response.content.decode()
    # The phase is worded as a suggestion to the one person who answered.
    assert "Vastaustesi perusteella näytät olevan vaiheessa 3: Kokeileminen" in response.content.decode()
    # One person's answers have no spread: no column for it, and the count reads "1 vastaus".
    assert "Hajonta" not in response.content.decode()
    assert "(1 vastaus)." in response.content.decode()
    assert AssessmentRound.objects.count() == rounds_before
    assert client.post(url, {f"s-{keys[0]}": "2"}).status_code == 400
    assert client.post(url, {f"s-{keys[0]}": "zz"}).status_code == 400
    # The person chooses to save it into a new space.
    signed = re.search(r'name="ratings" value="([^"]+)"', response.content.decode()).group(1)
    save_url = reverse("toolkit:self_assessment_save", kwargs={"page_id": employee_page.pk})
    saved = client.post(save_url, {"ratings": signed, "team_link": ""})
    assert saved.status_code == 302
    assessment_round = AssessmentRound.objects.latest("pk")
    assert assessment_round.mode == "self" and assessment_round.state == "closed"
    saved_result = client.get(saved["Location"])
    assert saved_result.status_code == 200 and "Hajonta" not in saved_result.content.decode()
    facilitator_url = saved["Location"].replace("tulokset/", "")
    assert client.get(facilitator_url)["Location"] == saved["Location"]
    # Tampered ratings are refused.
    assert client.post(save_url, {"ratings": signed[:-2] + "xx", "team_link": ""}).status_code == 400
    # Saving into an existing team's space by pasting its link.
    space = TeamSpace.objects.create()
    again = client.post(save_url, {"ratings": signed, "team_link": f"http://testserver/tiimi/{space.token}/"})
    assert again.status_code == 302
    assert AssessmentRound.objects.filter(space=space, mode="self").count() == 1


def test_space_rounds_partial_lists_rounds(client, anonymous_round):
    response = client.get(reverse("toolkit:assessment_rounds", kwargs={"token": anonymous_round.space.token}))
    assert response.status_code == 200
    assert "Tiimin yhteinen arviointi" in response.content.decode()
    assert "0 vastausta" in response.content.decode()
