"""The rules of the team space and the workbook (toolkit/team/services.py, toolkit/workbook/services.py)."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from wagtail import blocks

from tests.toolkit.workbook.support import question, set_workbook, start_session
from toolkit.models import TeamSpace, WorkbookAnswer, WorkbookSession
from toolkit.team import services as team_services
from toolkit.workbook import exports, selectors, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(demo_site):
    set_workbook(
        [
            ("Ilmiöhahmotus", [question("open", "ilmio", "Mitä tapahtui?"), question("list", "lista")]),
            ("Muutoshahmotus", [question("scale", "asteikko"), question("choice", "valinta")]),
        ]
    )
    return services.workbook_get()


def test_workbook_definition_reads_sections_questions_and_numbers(workbook):
    assert [s.title for s in workbook.sections] == ["Ilmiöhahmotus", "Muutoshahmotus"]
    assert [(q.key, q.kind, q.number) for q in workbook.questions] == [
        ("ilmio", "text", 1),
        ("lista", "list", 2),
        ("asteikko", "scale", 3),
        ("valinta", "choice", 4),
    ]
    assert workbook.by_key["asteikko"].scale_values == ["1", "2", "3", "4", "5"]


def test_the_demo_workbook_has_the_three_parts(demo_site):
    workbook = services.workbook_get()
    assert [s.title for s in workbook.sections] == [
        "Ilmiöhahmotus",
        "Muutoshahmotus",
        "Kokeilujen suunnittelu",
    ]
    assert {q.kind for q in workbook.questions} == {"text", "list", "scale", "choice"}
    assert len(workbook.by_key) == len(workbook.questions)


def test_session_numbers_grow_per_space(demo_site):
    space, first = start_session()
    second = services.workbook_session_start(space=space)
    _, other = start_session("Toinen")
    assert (first.number, second.number, other.number) == (1, 2, 1)
    assert services.workbook_session_previous(session=second) == first
    assert services.workbook_session_previous(session=first) is None


def test_session_get_404s_for_other_spaces_sessions(demo_site):
    space, session = start_session()
    other, _ = start_session("Toinen")
    assert services.workbook_session_get(space=space, number=1) == session
    with pytest.raises(Http404):
        services.workbook_session_get(space=space, number=2)
    with pytest.raises(Http404):
        services.workbook_session_get(space=other, number=2)


def test_answer_save_creates_then_updates_with_versions(workbook):
    _, session = start_session()
    q = workbook.by_key["ilmio"]
    first = services.workbook_answer_save(session=session, question=q, text=" Kiire ", base_version=0)
    assert not first.conflict and first.answer.version == 1 and first.answer.text == "Kiire"
    second = services.workbook_answer_save(
        session=session, question=q, text="Kiire ja muutos", base_version=1
    )
    assert not second.conflict and second.answer.version == 2
    assert WorkbookAnswer.objects.get(session=session, question_key="ilmio").text == "Kiire ja muutos"


def test_version_conflict_reports_both_texts_and_overwrites_nothing(workbook):
    _, session = start_session()
    q = workbook.by_key["ilmio"]
    services.workbook_answer_save(session=session, question=q, text="Alku", base_version=0)
    services.workbook_answer_save(session=session, question=q, text="Annan versio", base_version=1)
    # Bertta's page still has version 1.
    result = services.workbook_answer_save(session=session, question=q, text="Bertan versio", base_version=1)
    assert result.conflict
    assert result.answer.text == "Annan versio" and result.answer.version == 2
    assert result.attempted_text == "Bertan versio"
    assert WorkbookAnswer.objects.get(session=session, question_key="ilmio").text == "Annan versio"
    # Choosing after seeing both: saving from the reported version succeeds.
    merged = services.workbook_answer_save(
        session=session, question=q, text="Annan ja Bertan versio", base_version=result.answer.version
    )
    assert not merged.conflict and merged.answer.version == 3


def test_two_first_answers_conflict_too(workbook):
    _, session = start_session()
    q = workbook.by_key["ilmio"]
    services.workbook_answer_save(session=session, question=q, text="Ensimmäinen", base_version=0)
    result = services.workbook_answer_save(session=session, question=q, text="Toinen", base_version=0)
    assert result.conflict and result.answer.text == "Ensimmäinen"


def test_identical_texts_are_not_a_conflict(workbook):
    _, session = start_session()
    q = workbook.by_key["ilmio"]
    services.workbook_answer_save(session=session, question=q, text="Sama", base_version=0)
    result = services.workbook_answer_save(session=session, question=q, text="Sama", base_version=0)
    assert not result.conflict


def test_stale_version_of_a_missing_answer_starts_afresh(workbook):
    _, session = start_session()
    result = services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="Uusi", base_version=7
    )
    assert not result.conflict and result.answer.version == 1


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("asteikko", "6", "asteikolta"),
        ("asteikko", "kolme", "asteikolta"),
        ("valinta", "Jokin muu", "vaihtoehdoista"),
        ("ilmio", "x" * 5001, "liian pitkä"),
    ],
)
def test_invalid_answers_are_refused_in_finnish(workbook, key, text, message):
    _, session = start_session()
    with pytest.raises(ValidationError) as error:
        services.workbook_answer_save(
            session=session, question=workbook.by_key[key], text=text, base_version=0
        )
    assert message in " ".join(error.value.messages)
    assert not WorkbookAnswer.objects.exists()


def test_list_answers_drop_empty_lines_and_nul(workbook):
    _, session = start_session()
    result = services.workbook_answer_save(
        session=session, question=workbook.by_key["lista"], text="yksi\r\n\r\n kaksi \x00\n", base_version=0
    )
    assert result.answer.text == "yksi\nkaksi"


def test_progress_counts_current_questions_with_text(workbook):
    _, session = start_session()
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="a", base_version=0
    )
    services.workbook_answer_save(session=session, question=workbook.by_key["lista"], text="", base_version=0)
    WorkbookAnswer.objects.create(session=session, question_key="poistettu-kysymys", text="vanha")
    answers = services.workbook_answers(session=session)
    assert services.workbook_progress(workbook=workbook, answers=answers) == (1, 4)


def test_rewording_and_reordering_keep_answers_removing_hides_them(workbook):
    _, session = start_session()
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="Tiimin havainto", base_version=0
    )
    set_workbook(
        [
            ("Muutoshahmotus", [question("scale", "asteikko")]),
            ("Ilmiöhahmotus", [question("list", "uusi"), question("open", "ilmio", "Mitä työssä tapahtui?")]),
        ]
    )
    reworded = services.workbook_get()
    assert reworded.by_key["ilmio"].text == "Mitä työssä tapahtui?"
    assert services.workbook_answers(session=session)["ilmio"].text == "Tiimin havainto"
    set_workbook([("Muutoshahmotus", [question("scale", "asteikko")])])
    removed = services.workbook_get()
    csv_text = exports.workbook_session_csv(session=session, workbook=removed).decode("utf-8-sig")
    assert "Tiimin havainto" not in csv_text
    assert WorkbookAnswer.objects.filter(session=session, question_key="ilmio").exists()


def test_csv_is_utf8_with_bom_and_escapes_formulas(workbook):
    _, session = start_session()
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text='Työssä äänekäs; "kiire"', base_version=0
    )
    services.workbook_answer_save(
        session=session, question=workbook.by_key["lista"], text="=1+1", base_version=0
    )
    content = exports.workbook_session_csv(session=session, workbook=workbook)
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Osa", "Nro", "Kysymys", "Vastaus", "Muokattu"]
    assert rows[1][:4] == ["Ilmiöhahmotus", "1", "Mitä tapahtui?", 'Työssä äänekäs; "kiire"']
    assert rows[2][3] == "'=1+1"
    assert len(rows) == 5


def test_space_delete_removes_sessions_and_answers(workbook):
    space, session = start_session()
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="a", base_version=0
    )
    team_services.team_space_delete(space=space)
    assert not TeamSpace.objects.exists()
    assert not WorkbookSession.objects.exists()
    assert not WorkbookAnswer.objects.exists()


def _session_as_a_request_sees_it(session):
    space = team_services.team_space_get(token=session.space.token)
    return services.workbook_session_get(space=space, number=session.number)


def test_saving_an_answer_counts_as_activity(workbook):
    space, session = start_session()
    TeamSpace.objects.update(last_active_at=timezone.now() - timedelta(days=400))
    services.workbook_answer_save(
        session=_session_as_a_request_sees_it(session),
        question=workbook.by_key["ilmio"],
        text="a",
        base_version=0,
    )
    space.refresh_from_db()
    assert space.last_active_at > timezone.now() - timedelta(minutes=1)


def test_activity_is_written_at_most_once_an_hour(workbook):
    """Autosave saves every pause in typing; the retention clock (months) needs one write an hour, not each."""
    space, session = start_session()
    recently = timezone.now() - timedelta(minutes=10)
    TeamSpace.objects.update(last_active_at=recently)
    for version, text in enumerate(["a", "ab", "abc"]):
        services.workbook_answer_save(
            session=_session_as_a_request_sees_it(session),
            question=workbook.by_key["ilmio"],
            text=text,
            base_version=version,
        )
    space.refresh_from_db()
    assert space.last_active_at == recently
    assert WorkbookAnswer.objects.get().version == 3


def test_a_changed_workbook_is_parsed_afresh(workbook):
    """The parsed questions are kept per process, keyed on the stored content: an edit shows at once."""
    assert services.workbook_get().by_key["ilmio"].text == "Mitä tapahtui?"
    set_workbook([("Ilmiöhahmotus", [question("open", "ilmio", "Mitä oikeasti tapahtui?")])])
    assert services.workbook_get().by_key["ilmio"].text == "Mitä oikeasti tapahtui?"
    assert list(services.workbook_get().by_key) == ["ilmio"]


def test_the_questions_alone_are_the_workbooks_questions_without_its_page(
    workbook, django_assert_num_queries
):
    """What saving an answer reads (workbook_questions): the same questions as the page's, and an edit at once."""
    with django_assert_num_queries(1):
        questions = services.workbook_questions()
    assert questions.page is None
    assert questions.questions == workbook.questions
    set_workbook([("Ilmiöhahmotus", [question("open", "ilmio", "Mitä oikeasti tapahtui?")])])
    assert [(q.key, q.text) for q in services.workbook_questions().questions] == [
        ("ilmio", "Mitä oikeasti tapahtui?")
    ]


def test_monthly_counts_give_numbers_only(workbook):
    _, session = start_session()
    services.workbook_answer_save(
        session=session, question=workbook.by_key["ilmio"], text="salaisuus", base_version=0
    )
    rows = selectors.team_data_monthly_counts()
    assert rows[0]["spaces"] == 1 and rows[0]["sessions"] == 1 and rows[0]["answers"] == 1
    assert "salaisuus" not in repr(rows)
    # A team that opted out of the usage figures is left out of these counts too.
    session.space.usage_opt_out = True
    session.space.save(update_fields=["usage_opt_out"])
    assert selectors.team_data_monthly_counts() == []


def test_duplicate_question_keys_fail_validation(demo_site):
    from toolkit.models import WorkbookPage

    block = WorkbookPage.sections.field.stream_block
    raw = [
        {"type": "section", "value": {"title": "A", "intro": "", "questions": [question("open", "sama")]}},
        {"type": "section", "value": {"title": "B", "intro": "", "questions": [question("open", "sama")]}},
    ]
    with pytest.raises(blocks.StreamBlockValidationError) as error:
        block.clean(block.to_python(raw))
    # Reported on the second section's question that repeats the key, not above the whole field.
    data = error.value.as_json_data()
    assert "messages" not in data
    question_errors = data["blockErrors"][1]["blockErrors"]["questions"]["blockErrors"][0]["blockErrors"]
    assert question_errors["key"]["messages"] == ["Tunniste ”sama” on jo käytössä toisella kysymyksellä."]


def test_empty_question_keys_are_filled_in_from_the_question(demo_site):
    from toolkit.models import WorkbookPage

    block = WorkbookPage.sections.field.stream_block
    blank = question("open", "", "Mitä työssämme tapahtuu?")
    again = question("list", "", "Mitä työssämme tapahtuu?")
    raw = [{"type": "section", "value": {"title": "A", "intro": "", "questions": [blank, again]}}]
    cleaned = block.clean(block.to_python(raw))
    keys = [q.value["key"] for q in cleaned[0].value["questions"]]
    assert keys == ["mita-tyossamme-tapahtuu", "mita-tyossamme-tapahtuu-2"]


def test_session_and_previous_with_answers_in_two_queries(demo_site, django_assert_num_queries):
    space, first = start_session()
    second = services.workbook_session_start(space=space)
    other, _ = start_session("Toinen")
    WorkbookAnswer.objects.create(session=first, question_key="ilmio", text="Ensimmäinen")
    WorkbookAnswer.objects.create(session=second, question_key="ilmio", text="Toinen")
    with django_assert_num_queries(2):
        session, previous = services.workbook_session_and_previous(space=space, number=2)
        answers, previous_answers = services.workbook_answers_of(session, previous)
    assert (session, previous) == (second, first)
    assert (answers["ilmio"].text, previous_answers["ilmio"].text) == ("Toinen", "Ensimmäinen")
    assert services.workbook_session_and_previous(space=space, number=1) == (first, None)
    assert services.workbook_answers_of(first, None)[1] == {}
    for missing_in, number in ((space, 3), (other, 2), (space, 0)):
        with pytest.raises(Http404):
            services.workbook_session_and_previous(space=missing_in, number=number)
