"""The rules of the assessment tools: rounds, responses, threshold, reveal, close, results and trend."""

import pytest
from django.core.exceptions import ValidationError

from toolkit.assessment import services
from toolkit.models import AssessmentRating, AssessmentResponse, AssessmentRound

from .conftest import all_ratings

pytestmark = pytest.mark.django_db


def answer(assessment_round, keys, values_by_person):
    for i, value in enumerate(values_by_person):
        ratings = value if isinstance(value, dict) else all_ratings(keys, value)
        services.response_save(assessment_round=assessment_round, respondent=f"r{i}", ratings=ratings)


def test_threshold_is_never_below_three(space, team_page):
    with pytest.raises(ValidationError):
        services.round_open(space=space, page=team_page, mode="anonymous", threshold=2)
    assert services.round_open(space=space, page=team_page, mode="anonymous").threshold == 3


def test_self_assessment_page_cannot_open_a_team_round(space, employee_page):
    with pytest.raises(ValidationError):
        services.round_open(space=space, page=employee_page, mode="anonymous")


def test_results_hidden_until_threshold_and_reveal(anonymous_round, keys):
    answer(anonymous_round, keys, [1, 2])
    with pytest.raises(ValidationError):
        services.round_reveal(assessment_round=anonymous_round)
    assert services.round_results(assessment_round=anonymous_round) is None
    answer(anonymous_round, keys, [1, 2, 3])  # r0, r1 change nothing; r2 is new
    assert services.round_response_count(assessment_round=anonymous_round) == 3
    assert services.round_results(assessment_round=anonymous_round) is None  # not revealed yet
    services.round_reveal(assessment_round=anonymous_round)
    results = services.round_results(assessment_round=anonymous_round)
    assert results is not None
    first = results.statements[0]
    assert [level.count for level in first.stats.levels] == [1, 1, 1]
    assert first.stats.mean == pytest.approx(2.0)
    assert first.stats.spread == pytest.approx(0.8165, abs=1e-3)
    assert first.stats.discuss is True
    assert results.score == pytest.approx(2.0)
    assert results.phase.slug == "kokeileminen"


def test_closed_below_threshold_never_shows_results(anonymous_round, keys):
    answer(anonymous_round, keys, [1, 3])
    services.round_close(assessment_round=anonymous_round)
    assert services.round_results(assessment_round=anonymous_round) is None


def test_changing_a_response_keeps_one_response(anonymous_round, keys):
    services.response_save(assessment_round=anonymous_round, respondent="a", ratings=all_ratings(keys, 1))
    services.response_save(assessment_round=anonymous_round, respondent="a", ratings=all_ratings(keys, 3))
    assert AssessmentResponse.objects.filter(round=anonymous_round).count() == 1
    assert set(AssessmentRating.objects.filter(round=anonymous_round).values_list("value", flat=True)) == {3}
    assert AssessmentRating.objects.filter(round=anonymous_round).count() == len(keys)


def test_closed_round_refuses_changes(anonymous_round, keys):
    answer(anonymous_round, keys, [1, 2, 3])
    services.round_reveal(assessment_round=anonymous_round)
    # Still changeable after the reveal ...
    services.response_save(assessment_round=anonymous_round, respondent="r0", ratings=all_ratings(keys, 2))
    services.round_close(assessment_round=anonymous_round)
    with pytest.raises(ValidationError):
        services.response_save(
            assessment_round=anonymous_round, respondent="r0", ratings=all_ratings(keys, 3)
        )
    with pytest.raises(ValidationError):
        services.round_close(assessment_round=anonymous_round)
    anonymous_round.refresh_from_db()
    assert anonymous_round.state == AssessmentRound.State.CLOSED
    assert services.round_results(assessment_round=anonymous_round) is not None


@pytest.mark.parametrize(
    "ratings",
    [{"tuntematon": 1}, {"kuuntelemme": 4}, {"kuuntelemme": 0}, {"kuuntelemme": "2"}, {}],
)
def test_invalid_ratings_are_refused(anonymous_round, ratings):
    with pytest.raises(ValidationError):
        services.response_save(
            assessment_round=anonymous_round, respondent="x", ratings=ratings, complete=False
        )
    assert not AssessmentResponse.objects.filter(round=anonymous_round).exists()


def test_incomplete_anonymous_response_is_refused(anonymous_round, keys):
    with pytest.raises(ValidationError) as error:
        services.response_save(assessment_round=anonymous_round, respondent="x", ratings={keys[0]: 2})
    assert set(error.value.message_dict) == set(keys[1:])


def test_consensus_saves_progressively_and_shows_at_once(space, team_page, keys):
    assessment_round = services.round_open(space=space, page=team_page, mode="consensus")
    for key in keys[:3]:
        services.response_save(
            assessment_round=assessment_round,
            respondent=services.CONSENSUS_RESPONDENT,
            ratings={key: 3},
            complete=False,
        )
    services.response_save(
        assessment_round=assessment_round,
        respondent=services.CONSENSUS_RESPONDENT,
        ratings={keys[0]: 1},
        complete=False,
    )
    results = services.round_results(assessment_round=assessment_round)
    assert results.response_count == 1
    means = {r.statement.key: r.stats.mean for r in results.statements}
    assert means[keys[0]] == 1 and means[keys[1]] == 3 and means[keys[5]] is None
    with pytest.raises(ValidationError):
        services.round_reveal(assessment_round=assessment_round)


def test_trend_against_previous_round_and_phase_over_time(space, team_page, keys):
    first = services.round_open(space=space, page=team_page, mode="anonymous")
    answer(first, keys, [1, 1, 2])
    services.round_reveal(assessment_round=first)
    services.round_close(assessment_round=first)
    second = services.round_open(space=space, page=team_page, mode="anonymous")
    people = []
    for value_of_third in (1, 1, 2):
        ratings = all_ratings(keys, 3)
        ratings[keys[1]] = 1  # down from 4/3 to 1
        ratings[keys[2]] = value_of_third  # 4/3 again: same
        people.append(ratings)
    answer(second, keys, people)
    services.round_reveal(assessment_round=second)
    results = services.round_results(assessment_round=second)
    assert results.previous.pk == first.pk
    by_key = {r.statement.key: r for r in results.statements}
    assert by_key[keys[0]].trend == "up"
    assert by_key[keys[0]].previous_mean == pytest.approx(4 / 3)
    assert by_key[keys[0]].delta == pytest.approx(3 - 4 / 3)
    assert by_key[keys[1]].trend == "down"
    assert by_key[keys[2]].trend == "same"
    assert by_key[keys[2]].delta == pytest.approx(0)
    assert [p.phase.slug for p in results.history] == ["pysahtyminen", "vakiinnuttaminen"]
