"""Rounds and responses: opening, revealing and closing a round, saving a browser's response, and the
self-assessment a person chose to store.

Nothing here ever returns one respondent's answers to anyone else (see results.py for what is shown).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from toolkit.assessment.models import (
    MIN_THRESHOLD,
    ROUND_TOKEN_LENGTH,
    AssessmentPage,
    AssessmentRating,
    AssessmentResponse,
    AssessmentRound,
)
from toolkit.team.models import TeamSpace
from toolkit.team.services import token_shape_ok
from valoa.languages.locales import locale_id_of_language, one_per_translation, prefer_active_language

CONSENSUS_RESPONDENT = "consensus"
SELF_RESPONDENT = "self"

Mode = AssessmentRound.Mode
State = AssessmentRound.State


# Rounds -------------------------------------------------------------------------------------------------


def round_open(
    *, space: TeamSpace, page: AssessmentPage, mode: str, threshold: int = MIN_THRESHOLD
) -> AssessmentRound:
    if mode not in (Mode.CONSENSUS, Mode.ANONYMOUS):
        raise ValidationError({"mode": _("Valitse arviointitapa.")})
    if not page.is_team:
        raise ValidationError(_("Itsearvioinnista ei avata kierrosta tiimille."))
    if page.scale_id is None or not page.statement_groups():
        raise ValidationError(_("Arvioinnilla ei ole vielä asteikkoa tai väittämiä."))
    assessment_round = AssessmentRound(space=space, page=page, mode=mode, threshold=threshold)
    assessment_round.full_clean()
    assessment_round.save()
    return assessment_round


def round_get(*, space: TeamSpace, round_id: int) -> AssessmentRound:
    try:
        return AssessmentRound.objects.select_related("page").get(space=space, pk=round_id)
    except AssessmentRound.DoesNotExist:
        raise Http404 from None


def round_get_by_token(*, token: str, with_page: bool = True) -> AssessmentRound:
    """The round behind a respondent link, or Http404 for anything else.

    With its page and space in the same query; `with_page=False` for a caller that reads only the space (the
    answer form reads the page in the language being read itself, and the space's revision for its cached
    page): a page row is a good part of the query's time.
    """
    if not token_shape_ok(token, length=ROUND_TOKEN_LENGTH):
        raise Http404
    rounds = (
        AssessmentRound.objects.select_related("page", "space")
        if with_page
        else AssessmentRound.objects.select_related("space")
    )
    try:
        return rounds.get(token=token, mode=Mode.ANONYMOUS)
    except AssessmentRound.DoesNotExist:
        raise Http404 from None


def round_response_count(*, assessment_round: AssessmentRound) -> int:
    return AssessmentResponse.objects.filter(round=assessment_round).count()


@transaction.atomic
def round_reveal(*, assessment_round: AssessmentRound) -> AssessmentRound:
    locked = AssessmentRound.objects.select_for_update().get(pk=assessment_round.pk)
    if locked.mode != Mode.ANONYMOUS:
        raise ValidationError(_("Vain nimettömän arvioinnin tulokset avataan erikseen."))
    if locked.state != State.OPEN:
        raise ValidationError(_("Tulokset on jo avattu tai kierros on suljettu."))
    count = round_response_count(assessment_round=locked)
    if count < locked.threshold:
        raise ValidationError(
            _("Tulokset voi avata, kun vastauksia on vähintään %(threshold)s. Nyt niitä on %(count)s.")
            % {"threshold": locked.threshold, "count": count}
        )
    locked.state = State.REVEALED
    locked.revealed_at = timezone.now()
    locked.save(update_fields=["state", "revealed_at"])
    return locked


@transaction.atomic
def round_close(*, assessment_round: AssessmentRound) -> AssessmentRound:
    locked = AssessmentRound.objects.select_for_update().get(pk=assessment_round.pk)
    if locked.state == State.CLOSED:
        raise ValidationError(_("Kierros on jo suljettu."))
    locked.state = State.CLOSED
    locked.closed_at = timezone.now()
    locked.save(update_fields=["state", "closed_at"])
    return locked


def round_present(*, assessment_round: AssessmentRound, position: int) -> None:
    """Remember the presentation's slide the presenter shows (last write wins; no lock needed)."""
    AssessmentRound.objects.filter(pk=assessment_round.pk).update(presented_position=position)
    assessment_round.presented_position = position


def results_visible(*, assessment_round: AssessmentRound, response_count: int) -> bool:
    """The one rule for showing results: consensus and self are the team's own; anonymous needs both."""
    if assessment_round.mode != Mode.ANONYMOUS:
        return response_count > 0
    return assessment_round.state != State.OPEN and response_count >= max(
        assessment_round.threshold, MIN_THRESHOLD
    )


# Responses ----------------------------------------------------------------------------------------------


def respondent_key(*, assessment_round: AssessmentRound, cookie: str) -> str:
    """A per-round hash of the browser's random cookie: rounds cannot be linked, the cookie is not stored."""
    return hashlib.sha256(f"{assessment_round.token}:{cookie}".encode()).hexdigest()


def ratings_validate(*, page: AssessmentPage, ratings: Mapping[str, int], complete: bool) -> dict[str, int]:
    """Ratings keyed by statement key, each a level of the page's scale; ValidationError otherwise."""
    keys = [statement.key for group in page.statement_groups() for statement in group.statements]
    values = {level.value for level in page.scale.levels.all()} if page.scale_id else set()
    clean: dict[str, int] = {}
    for key, value in ratings.items():
        if key not in keys:
            raise ValidationError(_("Tuntematon väittämä."))
        if not isinstance(value, int) or isinstance(value, bool) or value not in values:
            raise ValidationError(_("Arvio ei ole asteikon arvo."))
        clean[key] = value
    if not clean:
        raise ValidationError(_("Anna vähintään yksi arvio."))
    missing = [key for key in keys if key not in clean]
    if complete and missing:
        # The error summary lists these one after another: each names its statement.
        numbers = {
            statement.key: statement.number
            for group in page.statement_groups()
            for statement in group.statements
        }
        raise ValidationError(
            {key: _("Väittämä %(number)s: valitse arvio.") % {"number": numbers[key]} for key in missing},
        )
    return clean


def response_save(
    *,
    assessment_round: AssessmentRound,
    respondent: str,
    ratings: Mapping[str, int],
    complete: bool = True,
) -> AssessmentResponse:
    """Create or change this browser's response. Changeable until the round is closed."""
    page = assessment_page_for_results(page_id=assessment_round.page_id)
    clean = ratings_validate(page=page, ratings=ratings, complete=complete)
    with transaction.atomic():
        response = response_open(assessment_round=assessment_round, respondent=respondent)
        ratings_upsert(response=response, ratings=clean)
    return response


class RoundClosed(ValidationError):
    """The round is closed: nothing can be saved in it any more."""


def response_open(*, assessment_round: AssessmentRound, respondent: str) -> AssessmentResponse:
    """Inside a transaction: the respondent's response, created or touched; RoundClosed once the round is closed.

    The UPDATE (or the INSERT) holds the response's row until the transaction ends, so saves of one response
    (e.g. the consensus, from several devices) run one after the other.
    """
    if round_state_shared(assessment_round.pk) == State.CLOSED:
        raise RoundClosed(_("Arviointikierros on suljettu, eikä vastauksia voi enää muuttaa."))
    now = timezone.now()
    response, created = AssessmentResponse.objects.get_or_create(
        round_id=assessment_round.pk,
        respondent=respondent,
        defaults={"created_at": now, "updated_at": now},
    )
    if not created:
        AssessmentResponse.objects.filter(pk=response.pk).update(updated_at=now)
        response.updated_at = now
    return response


def ratings_upsert(*, response: AssessmentResponse, ratings: Mapping[str, int]) -> None:
    """Insert or change the response's ratings in one statement."""
    AssessmentRating.objects.bulk_create(
        [
            AssessmentRating(response=response, round_id=response.round_id, statement_key=key, value=value)
            for key, value in ratings.items()
        ],
        update_conflicts=True,
        unique_fields=["response", "statement_key"],
        update_fields=["value"],
    )


def round_state_shared(round_id: int) -> str:
    """The round's state under a shared row lock (PostgreSQL FOR SHARE).

    Saves hold shared locks, so any number of them run side by side; closing takes FOR UPDATE, so it waits
    for the saves in flight, and a save that starts after the close sees "closed".
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT state FROM {AssessmentRound._meta.db_table} WHERE id = %s FOR SHARE",  # noqa: S608
                [round_id],
            )
            row = cursor.fetchone()
    else:
        row = AssessmentRound.objects.filter(pk=round_id).values_list("state").first()
    if row is None:
        raise Http404
    return row[0]


def response_ratings(*, assessment_round: AssessmentRound, respondent: str) -> dict[str, int]:
    """This browser's own ratings (to show them back to the one who gave them, and to no one else)."""
    return dict(
        AssessmentRating.objects.filter(round=assessment_round, response__respondent=respondent).values_list(
            "statement_key", "value"
        )
    )


def assessment_page_for_results(*, page_id: int) -> AssessmentPage:
    # The round's page in the language being read when it is translated: ratings are keyed by the statements'
    # stable keys, the same in every translation, so one round reads the same in every language.
    page = prefer_active_language(
        AssessmentPage.objects.select_related("scale").prefetch_related("scale__levels"), page_id
    ).first()
    if page is None:
        raise AssessmentPage.DoesNotExist
    return page


@transaction.atomic
def self_assessment_save(
    *, page: AssessmentPage, space: TeamSpace, ratings: Mapping[str, int]
) -> AssessmentRound:
    """Store a self-assessment in a space, only because the person chose to."""
    if page.is_team:
        raise ValidationError(_("Tämä ei ole itsearviointi."))
    clean = ratings_validate(page=page, ratings=ratings, complete=True)
    now = timezone.now()
    assessment_round = AssessmentRound(space=space, page=page, mode=Mode.SELF)
    assessment_round.full_clean()
    assessment_round.save()
    response_save(assessment_round=assessment_round, respondent=SELF_RESPONDENT, ratings=clean, complete=True)
    assessment_round.state = State.CLOSED
    assessment_round.closed_at = now
    assessment_round.save(update_fields=["state", "closed_at"])
    return assessment_round


def space_rounds(*, space: TeamSpace) -> list[AssessmentRound]:
    """A space's rounds, newest first, with their response counts and `page_title`, the title of their assessment
    in the language being read when it has a live translation, else the round's own page's (one query)."""
    translated_title = AssessmentPage.objects.live().filter(
        translation_key=OuterRef("page__translation_key"),
        locale_id=locale_id_of_language(get_language()),
    )
    # The page's title only, through the annotation: the list shows nothing else of the page (no page object).
    return list(
        AssessmentRound.objects.filter(space=space)
        .annotate(
            response_count=Count("responses"),
            page_title=Coalesce(Subquery(translated_title.values("title")[:1]), "page__title"),
        )
        .order_by("-created_at", "-pk")
    )


def team_assessment_pages() -> list[AssessmentPage]:
    """The team assessments a space offers to start: one of each (one per translation group), in the language
    being read, or in another language only when that assessment has no translation in it (one query)."""
    return one_per_translation(
        AssessmentPage.objects.live().public().filter(kind=AssessmentPage.Kind.TEAM).exclude(scale=None)
    )
