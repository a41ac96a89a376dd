"""Thin views of a team's workbook sessions under /tiimi/<token>/tyokirja/. The rules are in
toolkit.workbook.services; the team's secret link is checked by toolkit.team (get_space)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import parse_etags, quote_etag
from django.views.decorators.http import require_GET, require_POST

from toolkit.team import autosave
from toolkit.team.autosave import saved_time, wants_json
from toolkit.team.live import publish_to_space
from toolkit.team.models import TeamSpace
from toolkit.team.page_cache import cached_team_page
from toolkit.team.secret_links import find, get_space
from toolkit.team.views import team_view
from toolkit.workbook import exports, services
from toolkit.workbook.forms import AnswerForm
from toolkit.workbook.models import WorkbookSession

MAX_DB_INT = 2**31 - 1
# The workbook's experiment part: its questions' keys start so (toolkit/demo/workbook.py); its answers prefill a
# team experiment (toolkit.meetings.services.experiments.WORKBOOK_PREFILL).
EXPERIMENT_KEY_PREFIX = "kokeilu-"


def get_session(space: TeamSpace, number: int) -> WorkbookSession:
    if number > MAX_DB_INT:
        raise Http404
    return services.workbook_session_get(space=space, number=number)


def get_space_session(request, token: str, number: int) -> WorkbookSession:
    """get_space() and get_session() in one query (`session.space` is the space), under the same guessing limit:
    an unknown token counts against the client, a known one without this session is only a 404."""
    if number > MAX_DB_INT:
        raise Http404
    session = find(request, lambda: services.workbook_session_of_token(token=token, number=number))
    if session is None:
        raise Http404
    return session


@require_POST
@team_view
def session_start(request, token: str):
    space = get_space(request, token)
    session = services.workbook_session_start(space=space)
    session.space = space
    return redirect(session.get_absolute_url())


def _session_data(space: TeamSpace, number: int) -> dict:
    if number > MAX_DB_INT:
        raise Http404
    # The session and the one before it in one query, both sessions' answers in another.
    session, previous = services.workbook_session_and_previous(space=space, number=number)
    workbook = services.workbook_get()
    answers, previous_answers = services.workbook_answers_of(session, previous)
    answered, total = services.workbook_progress(workbook=workbook, answers=answers)
    return {
        "space": space,
        "session": session,
        "workbook": workbook,
        "answers": answers,
        "previous": previous,
        "previous_answers": previous_answers,
        "answered": answered,
        "total": total,
        "rows": _rows(workbook, answers, previous_answers),
        "revision": services.workbook_revision(answers=answers),
    }


def _rows(workbook, answers, previous_answers) -> list[dict]:
    """Per section, its questions with this and the previous session's answers, for the templates."""
    return [
        {
            "section": section,
            # The experiment part (its questions' keys start "kokeilu-"): offers recording the experiment.
            "experiment": any(
                question.key.startswith(EXPERIMENT_KEY_PREFIX) for question in section.questions
            ),
            "items": [
                {
                    "question": question,
                    "answer": answers.get(question.key),
                    "previous": previous_answers.get(question.key),
                }
                for question in section.questions
            ],
        }
        for section in workbook.sections
    ]


@require_GET
@team_view
@cached_team_page
def session_page(request, token: str, number: int, template_name: str):
    """A session's answers with the previous session's beside them: the form to answer (session.html) or the
    printable summary (summary.html); the URL names the template (toolkit/workbook/urls.py)."""
    space = get_space(request, token)
    return TemplateResponse(request, template_name, _session_data(space, number))


@require_POST
@team_view
def answer_save(request, token: str, number: int):
    session = get_space_session(request, token, number)
    space = session.space
    workbook = services.workbook_questions()
    form = AnswerForm(request.POST)
    question = workbook.by_key.get(request.POST.get("key", ""))
    if question is None:
        raise Http404
    context = {"space": space, "session": session, "question": question}
    if not form.is_valid():
        return _answer_invalid(request, context, form, request.POST.get("answer", ""))
    text = form.cleaned_data["answer"]
    try:
        result = services.workbook_answer_save(
            session=session, question=question, text=text, base_version=form.cleaned_data["version"]
        )
    except ValidationError as error:
        form.add_error("answer", error)
        return _answer_invalid(request, context, form, text)
    answer = result.answer
    if result.conflict:
        if wants_json(request):
            return autosave.conflict(version=answer.version, value=answer.text, mine=result.attempted_text)
        return TemplateResponse(
            request,
            "toolkit/workbook/answer.html",
            {
                **context,
                "conflict": True,
                "answer": answer,
                "mine": result.attempted_text,
                "merged": "\n\n".join(t for t in (result.attempted_text, answer.text) if t),
            },
            status=409,
        )
    # The space's other screens fetch the answer from session_answers (team link): the message says which.
    publish_to_space(
        space, f"session:{session.pk}", "answer", {"key": question.key, "version": answer.version}
    )
    if wants_json(request):
        answered, total = services.workbook_progress(
            workbook=workbook, answers=services.workbook_answers(session=session)
        )
        return autosave.saved(
            version=answer.version, value=answer.text, saved_at=answer.updated_at, done=answered, total=total
        )
    return redirect(f"{session.get_absolute_url()}#kysymys-{question.key}")


@require_GET
@team_view
def session_answers(request, token: str, number: int):
    """The session's saved answers as JSON, for the open workbook pages of the other members.

    The pages poll every few seconds with If-None-Match: while nobody saves, the answer is a 304 after one
    small aggregate query, with no answers read or sent.
    """
    session = get_space_session(request, token, number)
    etag = quote_etag(str(services.workbook_session_revision(session=session)))
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
        response.headers["ETag"] = etag
        return response
    answers = services.workbook_answers(session=session)
    answered, total = services.workbook_progress(workbook=services.workbook_questions(), answers=answers)
    revision = services.workbook_revision(answers=answers)  # of exactly what is sent
    response = JsonResponse(
        {
            "revision": revision,
            "answers": {
                key: {
                    "text": answer.text,
                    "version": answer.version,
                    "saved_at": saved_time(answer.updated_at),
                }
                for key, answer in answers.items()
            },
            "answered": answered,
            "total": total,
        }
    )
    response.headers["ETag"] = quote_etag(str(revision))
    return response


def _answer_invalid(request, context, form, value):
    if wants_json(request):
        return autosave.invalid(form.errors)
    errors = [error for field_errors in form.errors.values() for error in field_errors]
    answer = context["session"].answers.filter(question_key=context["question"].key).first()
    return TemplateResponse(
        request,
        "toolkit/workbook/answer.html",
        {**context, "errors": errors, "answer": answer, "value": value},
        status=400,
    )


@require_GET
@team_view
def session_present(request, token: str, number: int, position: int):
    space = get_space(request, token)
    session = get_session(space, number)
    workbook = services.workbook_questions()
    questions = workbook.questions
    if not 1 <= position <= len(questions):
        raise Http404
    question = questions[position - 1]
    section = next(s for s in workbook.sections if question in s.questions)
    answer = session.answers.filter(question_key=question.key).first()
    return TemplateResponse(
        request,
        "toolkit/workbook/present.html",
        {
            "space": space,
            "session": session,
            "section": section,
            "question": question,
            "answer": answer,
            "position": position,
            "total": len(questions),
            "previous_position": position - 1 if position > 1 else None,
            "next_position": position + 1 if position < len(questions) else None,
        },
    )


@require_GET
@team_view
def session_csv(request, token: str, number: int):
    space = get_space(request, token)
    session = get_session(space, number)
    content = exports.workbook_session_csv(session=session, workbook=services.workbook_questions())
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"valoa-tyokirjakierros-{session.number}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
