"""One JSON convention for progressive saving (docs/team-space.md, "Progressive saving"): the workbook's
answers and the consensus ratings answer a save, an invalid value, a stale version and a vanished target in
the same shape, and without JavaScript the same POSTs still work as forms."""

import pytest
from django.urls import reverse

from tests.toolkit.workbook.support import question, set_workbook, start_session
from toolkit.assessment import services as assessment_services
from toolkit.assessment.models import AssessmentRating, AssessmentRound
from toolkit.team import services as team_services
from toolkit.workbook.models import WorkbookAnswer

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}
SAVED_KEYS = {"status", "version", "value", "saved_at", "progress"}


@pytest.fixture
def workbook_url(demo_site):
    set_workbook([("Ilmiöhahmotus", [question("open", "ilmio"), question("scale", "asteikko")])])
    _space, session = start_session()
    return reverse("toolkit:workbook_answer", kwargs={"token": session.space.token, "number": session.number})


@pytest.fixture
def consensus(space, team_page):
    assessment_round = assessment_services.round_open(
        space=space, page=team_page, mode=AssessmentRound.Mode.CONSENSUS
    )
    url = reverse(
        "toolkit:assessment_consensus_save", kwargs={"token": space.token, "round_id": assessment_round.pk}
    )
    return assessment_round, url


def test_workbook_saved_invalid_conflict(client, workbook_url):
    saved = client.post(workbook_url, {"key": "ilmio", "version": "0", "answer": "Anna"}, **JSON)
    assert saved.status_code == 200
    data = saved.json()
    assert set(data) == SAVED_KEYS
    assert data["status"] == "saved" and data["version"] == 1 and data["value"] == "Anna"
    assert data["progress"] == {"done": 1, "total": 2}

    invalid = client.post(workbook_url, {"key": "asteikko", "version": "0", "answer": "99"}, **JSON)
    assert invalid.status_code == 400
    assert invalid.json()["status"] == "invalid"
    assert list(invalid.json()["errors"]) == ["answer"] and invalid.json()["errors"]["answer"]

    stale = client.post(workbook_url, {"key": "ilmio", "version": "0", "answer": "Bertta"}, **JSON)
    assert stale.status_code == 409
    assert stale.json() == {"status": "conflict", "version": 1, "value": "Anna", "mine": "Bertta"}
    assert WorkbookAnswer.objects.get().text == "Anna"


def test_consensus_saved_invalid_conflict(client, consensus, keys, team_page):
    assessment_round, url = consensus
    saved = client.post(url, {"statement": keys[0], "value": "2", "version": ""}, **JSON)
    assert saved.status_code == 200
    data = saved.json()
    assert set(data) == SAVED_KEYS
    assert data["status"] == "saved" and data["version"] == "2" and data["value"] == "2"
    assert data["progress"] == {"done": 1, "total": len(keys)}

    out_of_range = client.post(url, {"statement": keys[1], "value": "9", "version": ""}, **JSON)
    assert out_of_range.status_code == 400
    assert out_of_range.json()["status"] == "invalid"
    assert out_of_range.json()["errors"] == {"value": ["Valitse arvio asteikolta."]}
    unknown = client.post(url, {"statement": "ei-ole", "value": "1", "version": ""}, **JSON)
    assert unknown.status_code == 400
    assert unknown.json()["errors"] == {"statement": ["Tuntematon väittämä."]}

    # Another device saved 3 over the 2 this page saw: nothing is written, the page learns the 3.
    assert client.post(url, {"statement": keys[0], "value": "3", "version": "2"}, **JSON).status_code == 200
    stale = client.post(url, {"statement": keys[0], "value": "1", "version": "2"}, **JSON)
    assert stale.status_code == 409
    assert stale.json() == {"status": "conflict", "version": "3", "value": "3", "mine": "1"}
    assert AssessmentRating.objects.get(round=assessment_round, statement_key=keys[0]).value == 3
    # The same value from a stale page is no conflict: it is what the team chose anyway.
    assert client.post(url, {"statement": keys[0], "value": "3", "version": ""}, **JSON).status_code == 200


def test_gone_space_session_and_closed_round(client, workbook_url, consensus, keys):
    assessment_round, url = consensus
    assessment_services.round_close(assessment_round=assessment_round)
    closed = client.post(url, {"statement": keys[0], "value": "2", "version": ""}, **JSON)
    assert closed.status_code == 410
    assert closed.json()["status"] == "gone" and "suljettu" in closed.json()["message"]

    missing_session = workbook_url.replace("/tyokirja/1/", "/tyokirja/99/")
    gone = client.post(missing_session, {"key": "ilmio", "version": "0", "answer": "x"}, **JSON)
    assert gone.status_code == 404 and gone.json()["status"] == "gone"
    team_services.team_space_delete(space=assessment_round.space)
    gone = client.post(url, {"statement": keys[0], "value": "2", "version": ""}, **JSON)
    assert gone.status_code == 404 and gone.json()["status"] == "gone"


def test_without_javascript_the_consensus_form_keeps_working(client, consensus, keys):
    assessment_round, url = consensus
    saved = client.post(url, {"statement": keys[0], "value": "2", "version": ""})
    assert saved.status_code == 302 and saved["Location"].endswith(f"#s-{keys[0]}")

    invalid = client.post(url, {"statement": keys[1], "value": "9", "version": ""})
    assert invalid.status_code == 400
    html = invalid.content.decode()
    assert f'id="s-{keys[1]}-error"' in html and "Valitse arvio asteikolta." in html

    stale = client.post(url, {"statement": keys[0], "value": "1", "version": ""})
    assert stale.status_code == 409
    html = stale.content.decode()
    assert f'id="s-{keys[0]}-error"' in html and "sillä välin" in html
    # The form now carries the saved rating as its version: sending again saves.
    again = client.post(url, {"statement": keys[0], "value": "1", "version": "2"})
    assert again.status_code == 302
    assert AssessmentRating.objects.get(round=assessment_round, statement_key=keys[0]).value == 1
