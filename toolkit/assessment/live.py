"""The respondents' live channel: an anonymous round's respondent page learns when the results are revealed.

Respondents hold the round's respondent link, not the team link, so they join the round's own group, which is
told only what a respondent may see (that the round was revealed or closed), never a count or an answer.
"""

from __future__ import annotations

from django.http import HttpRequest

from toolkit.assessment.models import AssessmentRound
from toolkit.assessment.services.rounds import round_get_by_token
from toolkit.team.secret_links import find
from valoa.live.consumers import LiveConsumer
from valoa.live.publishing import publish


def round_group(round_id: int) -> str:
    return f"round.{round_id}"


def publish_to_respondents(assessment_round: AssessmentRound, event: str) -> None:
    publish(round_group(assessment_round.pk), f"round:{assessment_round.pk}", event, {})


class RespondentConsumer(LiveConsumer):
    """/live/vastaa/<round_token>/: the respondent link's rules (anonymous rounds only, guessing limit)."""

    def groups_for(self, request: HttpRequest, round_token: str) -> list[str]:
        return [round_group(find(request, lambda: round_get_by_token(token=round_token)).pk)]
