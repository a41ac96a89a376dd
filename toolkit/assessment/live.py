"""The assessment's live messages: a round's count, reveal, consensus ratings and presented slide.

Two groups hear of a round. The team space's group (`toolkit.team.live`, every screen opened through the team
link) hears what the facilitator's page already shows every member: the response count and whether the reveal
is offered, the state changes, each consensus rating as it is set, and the slide the presenter shows. Nothing
of anonymous respondents goes out before the reveal except that count, and never a rating of an anonymous
respondent: a screen that shows results fetches them from its page, under the page's rules.

Respondents hold the round's respondent link, not the team link, so they join the round's own group, which is
told only what a respondent may see (that the round was revealed or closed), never a count or an answer.

A screen told of a change fetches its page again, and those pages are shared per revision of the space
(toolkit/team/page_cache.py): each announcement raises the round's space's revision first, so that the message
(sent when the change commits, at once in autocommit) never reaches a screen before the page it fetches has
been forgotten. The request's own raise follows after the view, as for every write.
"""

from __future__ import annotations

from django.http import HttpRequest

from toolkit.assessment.models import AssessmentRound
from toolkit.assessment.services.rounds import round_get_by_token
from toolkit.team.live import publish_to_space
from toolkit.team.secret_links import find
from toolkit.team.services import team_spaces_revise
from valoa.live.consumers import LiveConsumer
from valoa.live.publishing import publish


def round_group(round_id: int) -> str:
    return f"round.{round_id}"


def round_topic(assessment_round: AssessmentRound) -> str:
    return f"round:{assessment_round.pk}"


def publish_to_respondents(assessment_round: AssessmentRound, event: str) -> None:
    publish(round_group(assessment_round.pk), round_topic(assessment_round), event, {})


def _pages_forgotten(assessment_round: AssessmentRound) -> None:
    team_spaces_revise(space_ids={assessment_round.space_id})


def announce_count(assessment_round: AssessmentRound, *, count: int) -> None:
    """An anonymous round's response count, to the team's screens only (the facilitator's page shows it)."""
    _pages_forgotten(assessment_round)
    can_reveal = assessment_round.state == AssessmentRound.State.OPEN and count >= assessment_round.threshold
    publish_to_space(
        assessment_round.space_id,
        round_topic(assessment_round),
        "count",
        {"count": count, "can_reveal": can_reveal},
    )


def announce_state(assessment_round: AssessmentRound, event: str) -> None:
    """ "revealed" or "closed": to the team's screens and to the respondents' pages."""
    _pages_forgotten(assessment_round)
    publish_to_space(assessment_round.space_id, round_topic(assessment_round), event, {})
    publish_to_respondents(assessment_round, event)


def announce_rating(
    assessment_round: AssessmentRound, *, statement: str, value: int | None, done: int
) -> None:
    """A consensus rating as it is set: the team's joint answer, shown on the facilitator's page to everyone."""
    _pages_forgotten(assessment_round)
    publish_to_space(
        assessment_round.space_id,
        round_topic(assessment_round),
        "rating",
        {"statement": statement, "value": value, "done": done},
    )


def announce_slide(assessment_round: AssessmentRound, *, position: int) -> None:
    """The presenter's slide, for the follower screens of the results presentation."""
    _pages_forgotten(assessment_round)
    publish_to_space(
        assessment_round.space_id, round_topic(assessment_round), "slide", {"position": position}
    )


class RespondentConsumer(LiveConsumer):
    """/live/vastaa/<round_token>/: the respondent link's rules (anonymous rounds only, guessing limit)."""

    def groups_for(self, request: HttpRequest, round_token: str) -> list[str]:
        return [round_group(find(request, lambda: round_get_by_token(token=round_token)).pk)]
