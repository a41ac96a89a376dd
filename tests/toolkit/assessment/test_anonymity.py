"""Nothing the site shows below the threshold depends on anyone else's answers.

A participant (with the respondent link and even the team link) fetches every page and file of the round;
then the other members change their answers and the participant fetches everything again. Below the
threshold, and before the reveal, the two snapshots are byte for byte the same (CSRF tokens aside): no
page carries any information about the others' answers.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from toolkit.assessment import services

from .conftest import all_ratings

pytestmark = pytest.mark.django_db

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def snapshot(client, assessment_round):
    kwargs = {"token": assessment_round.space.token, "round_id": assessment_round.pk}
    urls = [
        reverse("toolkit:assessment_respond", kwargs={"round_token": assessment_round.token}),
        reverse("toolkit:assessment_respond_results", kwargs={"round_token": assessment_round.token}),
        reverse("toolkit:assessment_round", kwargs=kwargs),
        reverse("toolkit:assessment_results", kwargs=kwargs),
        reverse("toolkit:assessment_results_csv", kwargs=kwargs),
        reverse("toolkit:assessment_rounds", kwargs={"token": assessment_round.space.token}),
    ]
    out = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 403), url
        out[url] = (response.status_code, CSRF.sub(b"", response.content))
    return out


@pytest.mark.parametrize(("threshold", "others"), [(3, 1), (4, 2), (3, 5)])
def test_participant_cannot_infer_others_answers_before_results_are_shown(
    anonymous_round, keys, threshold, others
):
    anonymous_round.threshold = threshold
    anonymous_round.save()
    me = Client()
    respond = reverse("toolkit:assessment_respond", kwargs={"round_token": anonymous_round.token})
    me.get(respond)
    me.post(respond, {f"s-{key}": "2" for key in keys})
    assert b"Kiitos!" in me.get(respond).content  # the one-off thank-you message, shown once
    for i in range(others):
        services.response_save(
            assessment_round=anonymous_round, respondent=f"o{i}", ratings=all_ratings(keys, 1)
        )
    before = snapshot(me, anonymous_round)
    for i in range(others):
        services.response_save(
            assessment_round=anonymous_round, respondent=f"o{i}", ratings=all_ratings(keys, 3)
        )
    after = snapshot(me, anonymous_round)
    assert before == after
    # And no page holds a mean, a distribution or a chart.
    for _status, body in after.values():
        assert b"Keskiarvo" not in body and b"<table" not in body
        assert b'role="img"' not in body


def test_reveal_is_refused_below_the_threshold_even_when_forced(client, anonymous_round, keys):
    services.response_save(assessment_round=anonymous_round, respondent="a", ratings=all_ratings(keys, 1))
    services.response_save(assessment_round=anonymous_round, respondent="b", ratings=all_ratings(keys, 3))
    kwargs = {"token": anonymous_round.space.token, "round_id": anonymous_round.pk}
    response = client.post(reverse("toolkit:assessment_state", kwargs=kwargs), {"action": "reveal"})
    assert response.status_code == 400
    assert "vähintään 3" in response.content.decode()
    # The threshold cannot be lowered under three in the database either.
    from django.db import IntegrityError, transaction

    from toolkit.models import AssessmentRound

    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentRound.objects.filter(pk=anonymous_round.pk).update(threshold=2)
