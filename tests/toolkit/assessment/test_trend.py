"""The trend of a team's rounds (issue 26): each round labelled with its date, time and mode, consensus and
anonymous rounds shown apart and compared only with their own kind, consensus results worded as the agreed
rating; and the team space's home naming the phase of the latest completed round."""

import datetime as dt
import re
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from toolkit.assessment import services
from toolkit.models import AssessmentRound

from .conftest import all_ratings

pytestmark = pytest.mark.django_db

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def started(assessment_round, *args):
    AssessmentRound.objects.filter(pk=assessment_round.pk).update(
        created_at=dt.datetime(*args, tzinfo=HELSINKI)
    )


def consensus(space, page, keys, value, when, **overrides):
    assessment_round = services.round_open(space=space, page=page, mode="consensus")
    ratings = all_ratings(keys, value) | overrides
    services.response_save(
        assessment_round=assessment_round, respondent=services.CONSENSUS_RESPONDENT, ratings=ratings
    )
    started(assessment_round, *when)
    return assessment_round


def anonymous(space, page, keys, values, when, *, reveal=True):
    assessment_round = services.round_open(space=space, page=page, mode="anonymous")
    for i, value in enumerate(values):
        services.response_save(
            assessment_round=assessment_round, respondent=f"r{i}", ratings=all_ratings(keys, value)
        )
    if reveal:
        services.round_reveal(assessment_round=assessment_round)
    started(assessment_round, *when)
    return assessment_round


def results_url(assessment_round):
    return reverse(
        "toolkit:assessment_results",
        kwargs={"token": assessment_round.space.token, "round_id": assessment_round.pk},
    )


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def three_rounds(space, team_page, keys):
    """Consensus 2 on 1.12., anonymous 1 on 2.12., consensus 3 (statement 1 kept at 2) on 3.12.2026."""
    first = consensus(space, team_page, keys, 2, (2026, 12, 1, 9, 0))
    middle = anonymous(space, team_page, keys, [1, 1, 1], (2026, 12, 2, 13, 30))
    last = consensus(space, team_page, keys, 3, (2026, 12, 3, 9, 0), **{keys[1]: 2})
    return first, middle, last


def test_a_round_compares_with_the_previous_round_of_its_own_mode(three_rounds, keys):
    first, middle, last = three_rounds
    results = services.round_results(assessment_round=last)
    assert results.previous.pk == first.pk  # not the anonymous round in between
    by_key = {r.statement.key: r for r in results.statements}
    assert by_key[keys[0]].trend == "up" and by_key[keys[0]].previous_mean == 2
    assert by_key[keys[1]].trend == "same"
    series = {s.mode: [p.assessment_round.pk for p in s.points] for s in results.trend_series}
    assert series == {"consensus": [first.pk, last.pk], "anonymous": [middle.pk]}
    consensus_points = results.trend_series[0].points
    assert consensus_points[0].trend is None
    assert consensus_points[1].trend == "up" and consensus_points[1].previous_score == pytest.approx(2)
    # The anonymous round has no consensus round before it to compare with.
    assert results.trend_series[1].points[0].trend is None
    anonymous_results = services.round_results(assessment_round=middle)
    assert anonymous_results.previous is None
    assert all(r.trend is None for r in anonymous_results.statements)


def test_the_trend_reads_date_time_and_mode_and_words_consensus_as_the_agreed_rating(client, three_rounds):
    *_, last = three_rounds
    page = text(client.get(results_url(last)))
    assert "Yhdessä sopien · torstai 3.12.2026 klo 9.00" in page
    # One table per mode, each round named by its date, time and mode.
    assert "Yhdessä sovitut arviot" in page and "Nimettömät arvioinnit" in page
    assert "1. tiistai 1.12.2026 klo 9.00, yhdessä sopien" in page
    assert "2. torstai 3.12.2026 klo 9.00, yhdessä sopien tämä kierros" in page
    assert "1. keskiviikko 2.12.2026 klo 13.30, nimettömästi" in page
    consensus_part = page[page.index("Yhdessä sovitut arviot") : page.index("Nimettömät arvioinnit")]
    assert "nimettömästi" not in consensus_part  # never a consensus row in the anonymous series
    assert "Sovittu arvio keskimäärin" in consensus_part
    assert "nousi (2,00 → 2,92)" in consensus_part
    # Statement by statement, the agreed rating itself, not a mean with decimals.
    assert "nousi (sovittu arvio 2 → 3)" in page
    assert "ennallaan (sovittu arvio 2 → 2)" in page
    assert "Väittämä 1: sovittu arvio 3." in page  # the chart's description
    assert "keskiarvo 3,00" not in page


def test_the_trend_charts_are_svg_with_the_tables_data(client, three_rounds):
    *_, last = three_rounds
    html = client.get(results_url(last)).content.decode()
    for mode in ("consensus", "anonymous"):
        svg = re.search(
            rf'<svg class="chart chart--trend" id="trend-{mode}"[^>]*role="img".*?</svg>', html, re.S
        )
        assert svg, mode
    consensus_desc = re.search(r'id="trend-consensus-desc">(.*?)</desc>', html).group(1)
    assert "Kierros 1, tiistai 1.12.2026 klo 9.00, yhdessä sopien: sovittu arvio keskimäärin 2,00" in (
        consensus_desc
    )
    assert "Kierros 2, torstai 3.12.2026 klo 9.00, yhdessä sopien: sovittu arvio keskimäärin 2,92" in (
        consensus_desc
    )
    anonymous_desc = re.search(r'id="trend-anonymous-desc">(.*?)</desc>', html).group(1)
    assert anonymous_desc.startswith(
        "Kierros 1, keskiviikko 2.12.2026 klo 13.30, nimettömästi: keskiarvo 1,00"
    )


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("sv", "torsdag 3.12.2026 kl. 9.00"),
        ("en", "Thursday 3 December 2026, 9:00"),
    ],
)
def test_round_labels_follow_the_language(three_rounds, language, label):
    from toolkit.templatetags.assessment_tags import round_when

    *_, last = three_rounds
    last.refresh_from_db()
    with translation.override(language):
        assert round_when(last.created_at) == label


# The team space's home ---------------------------------------------------------------------------------


def space_page(client, space):
    return client.get(space.get_absolute_url())


def test_the_space_home_names_the_latest_completed_rounds_phase(client, space, team_page, keys):
    last = consensus(space, team_page, keys, 3, (2026, 12, 3, 9, 0))
    anonymous(space, team_page, keys, [1, 1, 1], (2026, 12, 1, 9, 0))
    # A newer anonymous round still open (its results hidden) is not where the team is yet.
    anonymous(space, team_page, keys, [1, 1, 1], (2026, 12, 4, 9, 0), reveal=False)
    response = space_page(client, space)
    results = services.round_results(assessment_round=last)
    html = response.content.decode()
    line = re.search(r'<p class="space-rounds__phase">(.*?)</p>', html, re.S).group(1)
    assert f'href="{results_url(last)}"' in line
    assert (
        re.sub(r"<[^>]+>", "", line) == f"Viimeisin vaihe: {results.phase.name} (yhdessä sopien, 3.12.2026)"
    )


def test_the_space_home_shows_no_phase_before_a_round_is_completed(client, space, team_page, keys):
    anonymous(space, team_page, keys, [3, 3, 3], (2026, 12, 4, 9, 0), reveal=False)
    assert "Viimeisin vaihe" not in space_page(client, space).content.decode()
    # Revealed through the team's own button, as a facilitator does (the space's cached page follows the change).
    assessment_round = AssessmentRound.objects.get(space=space)
    client.post(
        reverse("toolkit:assessment_state", kwargs={"token": space.token, "round_id": assessment_round.pk}),
        {"action": "reveal"},
    )
    assert "Viimeisin vaihe" in space_page(client, space).content.decode()


def test_the_latest_phase_is_the_one_its_results_show(space, team_page, keys):
    consensus(space, team_page, keys, 1, (2026, 12, 3, 9, 0))
    fi = services.space_latest_phase(rounds=services.space_rounds(space=space))
    assert fi.phase.slug == "pysahtyminen"
    assert fi.phase == services.round_results(assessment_round=fi.assessment_round).phase


def test_the_latest_phase_costs_two_queries_whatever_the_number_of_rounds(space, team_page, keys):
    for day in range(1, 4):
        consensus(space, team_page, keys, 2, (2026, 12, day, 9, 0))
    rounds = services.space_rounds(space=space)
    with CaptureQueriesContext(connection) as queries:
        assert services.space_latest_phase(rounds=rounds) is not None
    assert len(queries) == 2
    for day in range(4, 8):
        anonymous(space, team_page, keys, [2, 2, 3], (2026, 12, day, 9, 0))
    rounds = services.space_rounds(space=space)
    with CaptureQueriesContext(connection) as queries:
        assert services.space_latest_phase(rounds=rounds) is not None
    assert len(queries) == 2


def test_the_consensus_presentation_words_the_agreed_rating(client, three_rounds):
    *_, last = three_rounds
    kwargs = {"token": last.space.token, "round_id": last.pk}
    overview = text(client.get(reverse("toolkit:assessment_present", kwargs={**kwargs, "position": 1})))
    assert "sovittu arvio keskimäärin" in overview and "keskiarvo" not in overview
    theme = text(client.get(reverse("toolkit:assessment_present", kwargs={**kwargs, "position": 2})))
    assert "Teeman sovittu arvio keskimäärin" in theme
    assert "(sovittu arvio 3)" in theme and "keskiarvo" not in theme
