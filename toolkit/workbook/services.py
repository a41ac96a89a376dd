"""The rules of the workbook: its questions, a team's sessions and the saving of answers. Views call these;
nothing else changes workbook data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.team.models import TeamSpace
from toolkit.team.services import TOUCH_INTERVAL, team_space_get, team_space_touch, token_shape_ok
from toolkit.workbook.models import ANSWER_MAX_LENGTH, WorkbookAnswer, WorkbookPage, WorkbookSession
from valoa.languages.locales import active_language_first


@dataclass(frozen=True)
class WorkbookQuestion:
    key: str
    kind: str  # "text", "list", "scale" or "choice"
    text: str
    help_text: str = ""
    choices: tuple[str, ...] = ()
    steps: int = 0
    minimum_label: str = ""
    maximum_label: str = ""
    number: int = 0  # 1-based position in the whole workbook

    @property
    def scale_values(self) -> list[str]:
        return [str(value) for value in range(1, self.steps + 1)]

    def clean_answer(self, text: str) -> str:
        """The answer as stored, or ValidationError with a Finnish message."""
        text = (text or "").replace("\x00", "").replace("\r\n", "\n").strip()
        if len(text) > ANSWER_MAX_LENGTH:
            raise ValidationError(
                _("Vastaus on liian pitkä: enintään %(max)s merkkiä.") % {"max": ANSWER_MAX_LENGTH}
            )
        if text and self.kind == "scale" and text not in self.scale_values:
            raise ValidationError(_("Valitse arvo asteikolta 1–%(max)s.") % {"max": self.steps})
        if text and self.kind == "choice" and text not in self.choices:
            raise ValidationError(_("Valitse yksi annetuista vaihtoehdoista."))
        if self.kind == "list":
            text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
        return text


@dataclass(frozen=True)
class WorkbookSection:
    title: str
    intro: str
    questions: tuple[WorkbookQuestion, ...]


@dataclass(frozen=True)
class Workbook:
    page: WorkbookPage | None
    sections: tuple[WorkbookSection, ...] = ()

    @cached_property
    def questions(self) -> list[WorkbookQuestion]:
        return [question for section in self.sections for question in section.questions]

    @cached_property
    def by_key(self) -> dict[str, WorkbookQuestion]:
        return {question.key: question for question in self.questions}


def workbook_get() -> Workbook:
    """The live workbook as editors defined it, in the language being read when it is translated (one query), or
    an empty one. Answers are keyed by the questions' stable keys, the same in every translation."""
    page = _live_workbooks().first()
    if page is None:
        return Workbook(page=None)
    return workbook_from_page(page=page)


def _live_workbooks():
    """The live workbook pages, the one in the language being read first (there is one workbook)."""
    return active_language_first(WorkbookPage.objects.live())


def workbook_questions() -> Workbook:
    """workbook_get() without the page (`page` is None): its id and questions only, for what reads nothing else
    of it (saving an answer, the answers' poll, the presentation, the CSV). A page object with Wagtail's columns
    was a third of an answer save's CPU."""
    row = _live_workbooks().values_list("pk", "sections").first()
    if row is None:
        return Workbook(page=None)
    pk, sections = row
    return Workbook(page=None, sections=_sections_of(pk, sections))


# Parsed workbooks by (page id, the stored JSON of its questions): turning the StreamField into blocks is most
# of a save's CPU (~5 ms), and the workbook changes only when an editor publishes. Keyed on the content itself,
# so any change (a publish, a preview, a direct save) parses afresh; per process, bounded.
_PARSED_SECTIONS: dict[tuple[int | None, str], tuple[WorkbookSection, ...]] = {}
_PARSED_SECTIONS_MAX = 16


def workbook_from_page(*, page: WorkbookPage) -> Workbook:
    return Workbook(page=page, sections=_sections_of(page.pk, page.sections))


def _sections_of(pk: int | None, stream) -> tuple[WorkbookSection, ...]:
    key = (pk, json.dumps(list(stream.raw_data), sort_keys=True, default=str))
    sections = _PARSED_SECTIONS.get(key)
    if sections is None:
        sections = _parse_sections(stream)
        if len(_PARSED_SECTIONS) >= _PARSED_SECTIONS_MAX:
            _PARSED_SECTIONS.clear()
        _PARSED_SECTIONS[key] = sections
    return sections


def _parse_sections(stream) -> tuple[WorkbookSection, ...]:
    sections = []
    number = 0
    seen: set[str] = set()
    for block in stream:
        if block.block_type != "section":
            continue
        questions = []
        for child in block.value["questions"]:
            value = child.value
            key = value["key"]
            if key in seen:  # the editor's validation prevents this; never let one answer show twice
                continue
            seen.add(key)
            number += 1
            questions.append(
                WorkbookQuestion(
                    key=key,
                    kind=child.block.kind,
                    text=value["question"],
                    help_text=value.get("help_text") or "",
                    choices=tuple(str(c) for c in value.get("choices") or ()),
                    steps=value.get("steps") or 0,
                    minimum_label=value.get("minimum_label") or "",
                    maximum_label=value.get("maximum_label") or "",
                    number=number,
                )
            )
        sections.append(
            WorkbookSection(
                title=block.value["title"], intro=block.value["intro"] or "", questions=tuple(questions)
            )
        )
    return tuple(sections)


@transaction.atomic
def workbook_session_start(*, space: TeamSpace) -> WorkbookSession:
    # Lock the space row so two members pressing "start" at once get numbers 1 and 2, not a crash.
    TeamSpace.objects.select_for_update().filter(pk=space.pk).first()
    last = space.workbook_sessions.aggregate(last=Max("number"))["last"] or 0
    session = WorkbookSession(space=space, number=last + 1)
    session.full_clean()
    session.save()
    team_space_touch(space=space)
    return session


def workbook_session_get(*, space: TeamSpace, number: int) -> WorkbookSession:
    try:
        session = WorkbookSession.objects.get(space=space, number=number)
    except (WorkbookSession.DoesNotExist, ValueError, OverflowError):
        raise Http404 from None
    session.space = space  # the caller's instance: saves a query for get_absolute_url
    return session


def workbook_session_of_token(*, token: str, number: int) -> WorkbookSession | None:
    """The session `number` of the space behind `token` with its space, in one query (the answer save and the
    answers' poll: the hottest team requests). Http404 when the token is no space's, None when the space has no
    such session: only the first is a guess at a link (toolkit/team/secret_links.py counts it)."""
    if not token_shape_ok(token):
        raise Http404
    try:
        return WorkbookSession.objects.select_related("space").get(space__token=token, number=number)
    except (WorkbookSession.DoesNotExist, ValueError, OverflowError):
        team_space_get(token=token)  # Http404 for an unknown token
        return None


def workbook_session_previous(*, session: WorkbookSession) -> WorkbookSession | None:
    return (
        WorkbookSession.objects.filter(space_id=session.space_id, number__lt=session.number)
        .order_by("-number")
        .first()
    )


def workbook_session_and_previous(
    *, space: TeamSpace, number: int
) -> tuple[WorkbookSession, WorkbookSession | None]:
    """Session `number` of the space and the one before it (or None), in one query; 404 if it is missing."""
    try:
        pair = list(WorkbookSession.objects.filter(space=space, number__lte=number).order_by("-number")[:2])
    except (ValueError, OverflowError):
        raise Http404 from None
    if not pair or pair[0].number != number:
        raise Http404
    for session in pair:
        session.space = space  # the caller's instance: saves a query for get_absolute_url
    return pair[0], pair[1] if len(pair) > 1 else None


def workbook_answers_of(*sessions: WorkbookSession | None) -> list[dict[str, WorkbookAnswer]]:
    """workbook_answers() for several sessions in one query, in the same order (empty for None)."""
    ids = [session.pk for session in sessions if session is not None]
    by_session: dict[int, dict[str, WorkbookAnswer]] = {pk: {} for pk in ids}
    if ids:
        for answer in WorkbookAnswer.objects.filter(session_id__in=ids):
            by_session[answer.session_id][answer.question_key] = answer
    return [by_session[session.pk] if session is not None else {} for session in sessions]


def workbook_answers(*, session: WorkbookSession | None) -> dict[str, WorkbookAnswer]:
    if session is None:
        return {}
    return {answer.question_key: answer for answer in session.answers.all()}


def workbook_revision(*, answers: dict[str, WorkbookAnswer]) -> int:
    """A number that grows with every saved answer of a session: each save adds one to some answer's version
    and answers are never deleted one by one, so the sum of the versions changes exactly when an answer does.
    The workbook page polls with it (an ETag) to see the others' answers."""
    return sum(answer.version for answer in answers.values())


def workbook_session_revision(*, session: WorkbookSession) -> int:
    """workbook_revision() computed in the database: one small aggregate instead of reading the answers."""
    return session.answers.aggregate(revision=Sum("version"))["revision"] or 0


def workbook_progress(*, workbook: Workbook, answers: dict[str, WorkbookAnswer]) -> tuple[int, int]:
    """(answered, total) over the questions the workbook has now: removed questions do not count."""
    answered = sum(1 for q in workbook.questions if q.key in answers and answers[q.key].text)
    return answered, len(workbook.questions)


@dataclass(frozen=True)
class AnswerSaveResult:
    answer: WorkbookAnswer
    conflict: bool = False
    # On a conflict: the text this member tried to save. answer holds the newer saved one ("theirs").
    attempted_text: str = ""


def workbook_answer_save(
    *, session: WorkbookSession, question: WorkbookQuestion, text: str, base_version: int
) -> AnswerSaveResult:
    """Save an answer if nobody else saved it since `base_version` (0 = no answer yet).

    Never overwrites silently: when the stored version is newer, nothing is written and the result
    carries both texts so that the member can choose or merge. The version check is a single
    conditional UPDATE (or INSERT guarded by the unique constraint), so it holds under concurrency.
    """
    text = question.clean_answer(text)
    now = timezone.now()
    if base_version > 0:
        updated = WorkbookAnswer.objects.filter(
            session=session, question_key=question.key, version=base_version
        ).update(text=text, version=F("version") + 1, updated_at=now)
        if updated:
            _session_touch(session=session)
            # Exactly what the conditional UPDATE wrote: no need to read it back.
            return AnswerSaveResult(
                answer=WorkbookAnswer(
                    session=session,
                    question_key=question.key,
                    text=text,
                    version=base_version + 1,
                    updated_at=now,
                )
            )
    else:
        try:
            with transaction.atomic():
                answer = WorkbookAnswer.objects.create(
                    session=session,
                    question_key=question.key,
                    text=text,
                    version=1,
                    created_at=now,
                    updated_at=now,
                )
            _session_touch(session=session)
            return AnswerSaveResult(answer=answer)
        except IntegrityError:
            pass
    current = WorkbookAnswer.objects.filter(session=session, question_key=question.key).first()
    if current is None:
        # The base version names an answer that does not exist (a forged or stale form): start afresh.
        return workbook_answer_save(session=session, question=question, text=text, base_version=0)
    if current.text == text:
        # Both members wrote the same thing: nothing to choose between.
        return AnswerSaveResult(answer=current)
    return AnswerSaveResult(answer=current, conflict=True, attempted_text=text)


def _session_touch(*, session: WorkbookSession) -> None:
    now = timezone.now()
    space = session.space if WorkbookSession.space.is_cached(session) else None
    if space is not None and space.last_active_at > now - TOUCH_INTERVAL:
        return
    TeamSpace.objects.filter(pk=session.space_id).update(last_active_at=now)
    if space is not None:
        space.last_active_at = now
