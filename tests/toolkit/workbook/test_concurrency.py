"""Several members saving at once, on PostgreSQL: nothing is lost and no newer answer is overwritten."""

import pytest

from tests.toolkit.concurrency import run_threads
from tests.toolkit.workbook.support import question, set_workbook, start_session
from toolkit.models import WorkbookAnswer
from toolkit.workbook import services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_twenty_members_saving_different_answers_lose_nothing(demo_site):
    set_workbook([("Ilmiöhahmotus", [question("open", f"q-{i}") for i in range(20)])])
    workbook = services.workbook_get()
    _, session = start_session()

    def save(i):
        return lambda: services.workbook_answer_save(
            session=session, question=workbook.by_key[f"q-{i}"], text=f"Vastaus {i}", base_version=0
        )

    run_threads([save(i) for i in range(20)])
    saved = dict(WorkbookAnswer.objects.filter(session=session).values_list("question_key", "text"))
    assert saved == {f"q-{i}": f"Vastaus {i}" for i in range(20)}


@pytest.mark.parametrize("base_version", [0, 1])
def test_two_members_saving_the_same_answer_get_exactly_one_conflict(demo_site, base_version):
    set_workbook([("Ilmiöhahmotus", [question("open", "yhteinen")])])
    q = services.workbook_get().by_key["yhteinen"]
    _, session = start_session()
    if base_version:
        services.workbook_answer_save(session=session, question=q, text="Alku", base_version=0)
    results = []

    def save(text):
        return lambda: results.append(
            services.workbook_answer_save(session=session, question=q, text=text, base_version=base_version)
        )

    run_threads([save("Annan versio"), save("Bertan versio")])
    assert sorted(r.conflict for r in results) == [False, True]
    winner = next(r for r in results if not r.conflict)
    loser = next(r for r in results if r.conflict)
    stored = WorkbookAnswer.objects.get(session=session, question_key="yhteinen")
    assert stored.text == winner.answer.text
    assert stored.version == base_version + 1
    # The loser sees the winner's text and still has its own: nothing is lost silently.
    assert loser.answer.text == stored.text
    assert loser.attempted_text in {"Annan versio", "Bertan versio"} and loser.attempted_text != stored.text
