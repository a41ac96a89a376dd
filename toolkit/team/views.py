"""Thin views of the team space and the workbook under /tiimi/<token>/. The rules are in toolkit.workbook.services.

The token is the team's secret: it is never logged here, and TeamPrivacyMiddleware keeps every
/tiimi/ response out of caches, search engines and Referer headers.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import parse_etags, quote_etag
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from toolkit.assessment import services as assessment_services
from toolkit.team.forms import AnswerForm, DeleteSpaceForm, TeamNameForm
from toolkit.team.models import TeamSpace, WorkbookSession
from toolkit.team.secret_links import get_space
from toolkit.workbook import services

CREATED_SESSION_KEY = "toolkit_team_space_created"
MAX_DB_INT = 2**31 - 1


def team_view(view):
    """Unknown tokens, sessions and questions get the team's friendly 404, never a 500."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return TemplateResponse(request, "toolkit/team/not_found.html", status=404)

    return wrapper


def get_session(space: TeamSpace, number: int) -> WorkbookSession:
    if number > MAX_DB_INT:
        raise Http404
    return services.workbook_session_get(space=space, number=number)


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


# --- The space -------------------------------------------------------------------------------------------


@require_POST
@ratelimit(key="ip", rate=lambda group, request: settings.TEAM_SPACE_CREATE_RATE, block=True)
def space_create(request):
    form = TeamNameForm(request.POST)
    name = form.cleaned_data["name"] if form.is_valid() else ""
    space = services.team_space_create(name=name)
    # Shown once, on the next page: the link itself is the team's key.
    request.session[CREATED_SESSION_KEY] = space.token
    return redirect(space.get_absolute_url(), permanent=False)


def _space_context(request, space: TeamSpace, **extra) -> dict:
    sessions = list(space.workbook_sessions.order_by("-number"))
    for session in sessions:
        session.space = space
    context = {
        "space": space,
        "sessions": sessions,
        "share_url": request.build_absolute_uri(space.get_absolute_url()),
        "name_form": TeamNameForm(initial={"name": space.name}),
        "retention_months": settings.TEAM_SPACE_RETENTION_MONTHS,
        "rounds": assessment_services.space_rounds(space=space),
    }
    context.update(extra)
    return context


@require_GET
@team_view
def space_detail(request, token: str):
    space = get_space(request, token)
    services.team_space_touch(space=space)
    just_created = request.session.get(CREATED_SESSION_KEY) == space.token
    if just_created:
        del request.session[CREATED_SESSION_KEY]
    return TemplateResponse(
        request, "toolkit/team/space.html", _space_context(request, space, just_created=just_created)
    )


@require_POST
@team_view
def space_rename(request, token: str):
    space = get_space(request, token)
    form = TeamNameForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request, "toolkit/team/space.html", _space_context(request, space, name_form=form), status=400
        )
    services.team_space_rename(space=space, name=form.cleaned_data["name"])
    return redirect(space.get_absolute_url())


@require_http_methods(["GET", "POST"])
@team_view
def space_delete(request, token: str):
    space = get_space(request, token)
    form = DeleteSpaceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.team_space_delete(space=space)
        return redirect("toolkit:team_space_deleted")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "toolkit/team/delete.html", {"space": space, "form": form}, status=status
    )


@require_GET
def space_deleted(request):
    return TemplateResponse(request, "toolkit/team/deleted.html")


# --- Workbook sessions -----------------------------------------------------------------------------------


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
def session_detail(request, token: str, number: int):
    space = get_space(request, token)
    data = _session_data(space, number)
    return TemplateResponse(request, "toolkit/workbook/session.html", data)


@require_POST
@team_view
def answer_save(request, token: str, number: int):
    space = get_space(request, token)
    session = get_session(space, number)
    workbook = services.workbook_get()
    form = AnswerForm(request.POST)
    question = workbook.by_key.get(request.POST.get("key", ""))
    if question is None:
        raise Http404
    context = {"space": space, "session": session, "question": question}
    if not form.is_valid():
        errors = [error for field_errors in form.errors.values() for error in field_errors]
        return _answer_invalid(request, context, errors, request.POST.get("answer", ""))
    try:
        result = services.workbook_answer_save(
            session=session,
            question=question,
            text=form.cleaned_data["answer"],
            base_version=form.cleaned_data["version"],
        )
    except ValidationError as error:
        return _answer_invalid(request, context, error.messages, form.cleaned_data["answer"])
    answer = result.answer
    if result.conflict:
        if wants_json(request):
            return JsonResponse(
                {
                    "status": "conflict",
                    "version": answer.version,
                    "theirs": answer.text,
                    "mine": result.attempted_text,
                },
                status=409,
            )
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
    if wants_json(request):
        answered, total = services.workbook_progress(
            workbook=workbook, answers=services.workbook_answers(session=session)
        )
        return JsonResponse(
            {
                "status": "saved",
                "version": answer.version,
                "text": answer.text,
                "saved_at": timezone.localtime(answer.updated_at).strftime("%H.%M"),
                "answered": answered,
                "total": total,
            }
        )
    return redirect(f"{session.get_absolute_url()}#kysymys-{question.key}")


@require_GET
@team_view
def session_answers(request, token: str, number: int):
    """The session's saved answers as JSON, for the open workbook pages of the other members.

    The pages poll every few seconds with If-None-Match: while nobody saves, the answer is a 304 after one
    small aggregate query, with no answers read or sent.
    """
    space = get_space(request, token)
    session = get_session(space, number)
    etag = quote_etag(str(services.workbook_session_revision(session=session)))
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
        response.headers["ETag"] = etag
        return response
    answers = services.workbook_answers(session=session)
    answered, total = services.workbook_progress(workbook=services.workbook_get(), answers=answers)
    revision = services.workbook_revision(answers=answers)  # of exactly what is sent
    response = JsonResponse(
        {
            "revision": revision,
            "answers": {
                key: {
                    "text": answer.text,
                    "version": answer.version,
                    "saved_at": timezone.localtime(answer.updated_at).strftime("%H.%M"),
                }
                for key, answer in answers.items()
            },
            "answered": answered,
            "total": total,
        }
    )
    response.headers["ETag"] = quote_etag(str(revision))
    return response


def _answer_invalid(request, context, errors, value):
    if wants_json(request):
        return JsonResponse({"status": "invalid", "errors": [str(e) for e in errors]}, status=400)
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
    workbook = services.workbook_get()
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
def session_summary(request, token: str, number: int):
    space = get_space(request, token)
    data = _session_data(space, number)
    return TemplateResponse(request, "toolkit/workbook/summary.html", data)


@require_GET
@team_view
def session_csv(request, token: str, number: int):
    space = get_space(request, token)
    session = get_session(space, number)
    content = services.workbook_session_csv(session=session, workbook=services.workbook_get())
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    filename = f"valoa-tyokirjakierros-{session.number}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
