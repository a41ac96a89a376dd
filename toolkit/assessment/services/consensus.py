"""Consensus mode: the team agrees one rating per statement, saved statement by statement (progressively).

A save is a compare-and-set on the one rating (docs/team-space.md, "Progressive saving"): the page sends the
rating it last saw; if another device changed it meanwhile nothing is written and the caller gets the rating
that is saved now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toolkit.assessment.models import AssessmentRating, AssessmentResponse, AssessmentRound
from toolkit.assessment.services.rounds import CONSENSUS_RESPONDENT, round_state_shared


class RoundClosed(ValidationError):
    """The round is closed: nothing can be saved in it any more."""


@dataclass
class ConsensusSave:
    value: int | None  # what is saved now
    attempted: int
    conflict: bool
    saved_at: datetime
    rated: int  # statements rated so far


def consensus_save(
    *, assessment_round: AssessmentRound, statement_key: str, value: int, base: int | None
) -> ConsensusSave:
    """Save the agreed `value` of one statement if its rating is still `base` (None: not rated yet).

    The statement key and value are validated by the caller's form (ConsensusRatingForm). Two saves of the same
    round run one after the other (the consensus response's row lock), so the comparison holds.
    """
    with transaction.atomic():
        if round_state_shared(assessment_round.pk) == AssessmentRound.State.CLOSED:
            raise RoundClosed(_("Arviointikierros on suljettu, eikä vastauksia voi enää muuttaa."))
        now = timezone.now()
        response, _created = AssessmentResponse.objects.get_or_create(
            round_id=assessment_round.pk,
            respondent=CONSENSUS_RESPONDENT,
            defaults={"created_at": now, "updated_at": now},
        )
        # The UPDATE locks the response row until the end: the round's consensus saves queue here.
        AssessmentResponse.objects.filter(pk=response.pk).update(updated_at=now)
        ratings = dict(
            AssessmentRating.objects.filter(response=response).values_list("statement_key", "value")
        )
        current = ratings.get(statement_key)
        if current != base and current != value:
            return ConsensusSave(
                value=current, attempted=value, conflict=True, saved_at=now, rated=len(ratings)
            )
        AssessmentRating.objects.bulk_create(
            [
                AssessmentRating(
                    response=response, round_id=assessment_round.pk, statement_key=statement_key, value=value
                )
            ],
            update_conflicts=True,
            unique_fields=["response", "statement_key"],
            update_fields=["value"],
        )
        ratings[statement_key] = value
    return ConsensusSave(value=value, attempted=value, conflict=False, saved_at=now, rated=len(ratings))
