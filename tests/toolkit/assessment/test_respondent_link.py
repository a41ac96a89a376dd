"""The respondent link: a copy button beside it for the facilitator; the respondent page stops promising the
results for later once they are revealed."""

import pytest
from django.urls import reverse

from tests.toolkit.meetings.support import revealed_round
from toolkit.assessment import services as assessment_services
from toolkit.models import AssessmentPage, AssessmentRound
from toolkit.team import services as team_services

pytestmark = pytest.mark.django_db

PROMISE = "Tulokset näytetään vasta, kun vastauksia on riittävästi."


def test_the_facilitator_gets_a_copy_button_and_the_promise_goes_once_revealed(client, demo_site):
    page = AssessmentPage.objects.get(locale__language_code="fi", slug="tiimin-arviointi")
    space = team_services.team_space_create(name="Tiimi")
    open_round = assessment_services.round_open(space=space, page=page, mode=AssessmentRound.Mode.ANONYMOUS)
    facilitator = client.get(
        reverse("toolkit:assessment_round", kwargs={"token": space.token, "round_id": open_round.pk})
    ).content.decode()
    assert "Kopioi vastauslinkki" in facilitator and "data-copy-value=" in facilitator
    respond = reverse("toolkit:assessment_respond", kwargs={"round_token": open_round.token})
    assert PROMISE in client.get(respond).content.decode()

    _space, shown = revealed_round()
    html = client.get(
        reverse("toolkit:assessment_respond", kwargs={"round_token": shown.token})
    ).content.decode()
    assert PROMISE not in html and "Katso tiimin tulokset" in html
