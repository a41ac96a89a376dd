"""The benchmark's team data: generated assessment rounds a team can open, and the answer-saving
scenario's check, which must report an answer that the server acknowledged but the database lost."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.bench import lua
from tests.bench.apps import toolkit as toolkit_bench
from tests.performance.test_query_counts import generate
from toolkit.models import AssessmentRound, TeamSpace, WorkbookAnswer, WorkbookSession
from toolkit.workbook import services

pytestmark = pytest.mark.django_db

Mode, State = AssessmentRound.Mode, AssessmentRound.State


def test_generated_spaces_have_assessment_rounds_with_results_a_team_can_open(client, demo_site):
    generate(0.02, seed=3)  # four spaces
    spaces = list(TeamSpace.objects.filter(name__startswith="Tiimi ").order_by("pk"))
    assert len(spaces) == 4
    for space in spaces:
        assert space.assessment_rounds.filter(page__kind="team").exists(), space

    revealed = AssessmentRound.objects.filter(mode=Mode.ANONYMOUS, state=State.REVEALED).first()
    assert revealed.responses.count() >= 3
    html = client.get(f"/tiimi/{revealed.space.token}/arviointi/{revealed.pk}/tulokset/").content.decode()
    assert "Kuuntelemme toisiamme loppuun asti" in html  # a statement of the team assessment, with results

    # The trend scenario's round: a consensus round after a revealed anonymous one in the same space.
    url = toolkit_bench._assessment_results_url(None)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Tulos kierroksittain" in html and "Muutos" in html
    )  # the phase history and the trend per statement

    # A round still open with fewer responses than the threshold keeps its results hidden.
    hidden = AssessmentRound.objects.filter(mode=Mode.ANONYMOUS, state=State.OPEN).first()
    assert hidden.responses.count() == 2
    assert client.get(f"/tiimi/{hidden.space.token}/arviointi/{hidden.pk}/tulokset/").status_code == 403

    # A saved self-assessment belongs to a self-assessment page, never to the team's.
    self_round = AssessmentRound.objects.filter(mode=Mode.SELF).first()
    assert self_round.page.kind != "team" and self_round.state == State.CLOSED


def test_generated_workbook_answers_are_answers_the_questions_accept(demo_site):
    generate(0.01, seed=4)
    questions = {question.key: question for question in services.workbook_get().questions}
    answers = WorkbookAnswer.objects.filter(session__space__name__startswith="Tiimi ")
    assert answers.exists()
    for answer in answers:
        assert questions[answer.question_key].clean_answer(answer.text) == answer.text.strip()


def _save(client, version, text):
    session = WorkbookSession.objects.get(pk=client["session_id"])
    question = services.workbook_get().by_key[client["key"]]
    result = services.workbook_answer_save(
        session=session, question=question, text=text, base_version=version
    )
    assert not result.conflict
    return result.answer.version


def test_answer_clients_each_save_an_open_question_of_their_own(demo_site):
    generate(0.01, seed=5)  # two spaces: 30 clients need fifteen open questions in each
    clients = toolkit_bench._answer_clients(6)
    pairs = {(client["session_id"], client["key"]) for client in clients}
    assert len(pairs) == 6
    kinds = {question.key: question.kind for question in services.workbook_get().questions}
    assert {kinds[client["key"]] for client in clients} == {"text"}
    assert all(len(client["csrf"]) == 32 and client["csrf"].isalnum() for client in clients)


def test_answer_check_finds_lost_answers_and_accepts_a_save_still_in_flight(demo_site):
    generate(0.01, seed=6)
    clients = toolkit_bench._answer_clients(3)
    for client in clients:
        client["warm_text"] = "alku"
        client["base"] = _save(
            client,
            WorkbookAnswer.objects.filter(session_id=client["session_id"], question_key=client["key"])
            .values_list("version", flat=True)
            .first()
            or 0,
            "alku",
        )
    # Client 1: two saves acknowledged. Client 2: one acknowledged, a second landed as wrk stopped.
    # Client 3: two acknowledged, but the database holds only the first (lost).
    _save(clients[0], _save(clients[0], clients[0]["base"], "b1-1"), "b1-2")
    _save(clients[1], _save(clients[1], clients[1]["base"], "b2-1"), "b2-2")
    _save(clients[2], clients[2]["base"], "b3-1")
    output = "\n".join(
        [
            "Running 8s test @ http://127.0.0.1:8120/",
            "VALOA-CLIENT 1 2 0 0 9 b1-2 b1-2",
            "VALOA-CLIENT 2 1 0 0 9 b2-1 b2-2",
            "VALOA-CLIENT 3 2 0 0 9 b3-2 b3-2",
        ]
    )
    verdict = toolkit_bench._verify_answers(clients, output)
    assert verdict.lost == 1
    assert "asiakas 3" in verdict.detail and "1 tallentui ajon lopussa" in verdict.detail

    # A client wrk did not report cannot be checked: it counts as lost, not as fine.
    verdict = toolkit_bench._verify_answers(clients, "\n".join(output.splitlines()[:3]))
    assert verdict.lost == 1 and "1 asiakkaan tiedot puuttuivat" in verdict.detail


def test_lua_literal_escapes_what_would_break_the_script():
    assert lua.literal({"path": '/a"b\\c', "n": 3, "ok": True, "none": None}) == (
        '{["path"] = "/a\\034b\\092c", ["n"] = 3, ["ok"] = true, ["none"] = nil}'
    )
    assert lua.literal(["ä", 1.5]) == '{"\\195\\164", 1.5}'
    with pytest.raises(TypeError):
        lua.literal(object())


@pytest.mark.skipif(shutil.which("wrk") is None, reason="needs wrk (apt-get install wrk), as make bench does")
def test_answer_saving_script_keeps_each_clients_version_and_nothing_is_lost(live_server):
    """The real wrk script against a server: every save is acknowledged with the next version, none is
    a conflict, and the check finds every client's last text in the database."""
    generate(0.01, seed=7)
    server = SimpleNamespace(base_url=live_server.url)
    load = toolkit_bench._prepare_answer_save(None, server, "", count=2)
    script = Path(tempfile.mkdtemp()) / "answers.lua"
    script.write_text(load.script)
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", "-c2", "-d1s", "--timeout", "10s", "-s", str(script), live_server.url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    verdict = load.verify(output)
    saves = sum(int(n) for n in re.findall(r"^VALOA-CLIENT \d+ (\d+) 0 0 ", output, re.M))
    assert saves > 2 and len(re.findall("^VALOA-CLIENT", output, re.M)) == 2, output
    assert "Non-2xx" not in output, output
    assert (verdict.lost, verdict.errors) == (0, 0), verdict.detail
