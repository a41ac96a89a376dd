"""Consensus mode: the team agrees one rating per statement, saved statement by statement (progressively).

A save is a compare-and-set on the one rating (docs/team-space.md, "Progressive saving"): the page sends the
rating it last saw; if another device changed it meanwhile nothing is written and the caller gets the rating
that is saved now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from toolkit.assessment.models import AssessmentRating, AssessmentRound
from toolkit.assessment.services.rounds import (
    CONSENSUS_RESPONDENT,
    ratings_upsert,
    response_open,
)


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
        response = response_open(assessment_round=assessment_round, respondent=CONSENSUS_RESPONDENT)
        now = response.updated_at
        ratings = dict(
            AssessmentRating.objects.filter(response=response).values_list("statement_key", "value")
        )
        current = ratings.get(statement_key)
        if current != base and current != value:
            return ConsensusSave(
                value=current, attempted=value, conflict=True, saved_at=now, rated=len(ratings)
            )
        ratings_upsert(response=response, ratings={statement_key: value})
        ratings[statement_key] = value
    return ConsensusSave(value=value, attempted=value, conflict=False, saved_at=now, rated=len(ratings))
