"""One language at a time in a team space (docs/languages.md): a space read in Finnish offers the Finnish
assessment only, a round reads in the language it is read in (its ratings keyed by the statements' stable
keys), and the switcher on every team and respondent page keeps the page and its query string."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from toolkit.assessment import services
from toolkit.models import AssessmentPage, AssessmentRound
from toolkit.team.services import team_space_create

pytestmark = pytest.mark.django_db

PREFIXES = {"fi": "", "sv": "/sv", "en": "/en"}


@pytest.fixture
def translated(translated_once, demo_site):
    """Every test here reads the translated demo: built once for the module (tests/conftest.py)."""
    return demo_site


@pytest.fixture
def team_pages(translated):
    finnish = AssessmentPage.objects.get(slug="tiimin-arviointi", locale__language_code="fi")
    pages = AssessmentPage.objects.filter(translation_key=finnish.translation_key)
    return {page.locale.language_code: page for page in pages.select_related("locale")}


def switcher(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav)
    }


def start_headings(html: str) -> list[str]:
    return re.findall(r'<h2 id="start-\d+">([^<]*)</h2>', html)


def test_a_space_offers_one_team_assessment_in_the_language_read(client, team_pages):
    assert set(team_pages) == {"fi", "sv", "en"}
    space = team_space_create(name="Kielitiimi")
    for language, prefix in PREFIXES.items():
        html = client.get(f"{prefix}/tiimi/{space.token}/arviointi/").content.decode()
        headings = start_headings(html)
        assert len(headings) == 1, (language, headings)
        assert team_pages[language].title in headings[0]
        assert f'action="{prefix}/tiimi/arviointi/aloita/{team_pages[language].pk}/"' in html

    # A language without a (live) translation falls back to the assessment in the language it has.
    team_pages["en"].unpublish()
    html = client.get(f"/en/tiimi/{space.token}/arviointi/").content.decode()
    headings = start_headings(html)
    assert len(headings) == 1 and team_pages["fi"].title in headings[0]


def test_a_round_reads_in_the_language_it_is_read_in(client, team_pages):
    finnish, swedish = team_pages["fi"], team_pages["sv"]
    finnish_statements = [s for g in finnish.statement_groups() for s in g.statements]
    swedish_statements = [s for g in swedish.statement_groups() for s in g.statements]
    assert [s.key for s in swedish_statements] == [s.key for s in finnish_statements]
    assert swedish_statements[0].text != finnish_statements[0].text

    space = team_space_create(name="Kielitiimi")
    assessment_round = services.round_open(space=space, page=finnish, mode=AssessmentRound.Mode.ANONYMOUS)
    respond = f"/tiimi/vastaa/{assessment_round.token}/"
    member = Client()
    in_swedish = member.get(f"/sv{respond}").content.decode()
    assert swedish.title in in_swedish and swedish_statements[0].text in in_swedish
    assert finnish_statements[0].text not in in_swedish
    # An answer given in Swedish is the same answer in Finnish: keyed by the statement's stable key.
    ratings = {f"s-{s.key}": "2" for s in swedish_statements}
    assert member.post(f"/sv{respond}", ratings).status_code == 302
    in_finnish = member.get(respond).content.decode()
    assert finnish_statements[0].text in in_finnish
    assert re.search(rf'name="s-{finnish_statements[0].key}" value="2" checked', in_finnish)

    # The team's pages name the round in the language read; the facilitator's page shows its statements.
    space_html = client.get(f"/sv/tiimi/{space.token}/").content.decode()
    assert f">{swedish.title}</a>" in space_html and f">{finnish.title}</a>" not in space_html
    facilitator = client.get(f"/sv/tiimi/{space.token}/arviointi/{assessment_round.pk}/").content.decode()
    assert swedish.title in facilitator and "1 svar" in facilitator

    # A later round started from the Swedish page compares with the one started from the Finnish page.
    for respondent in ("toinen", "kolmas"):
        services.response_save(
            assessment_round=assessment_round,
            respondent=respondent,
            ratings={s.key: 2 for s in finnish_statements},
        )
    services.round_reveal(assessment_round=assessment_round)
    later = services.round_open(space=space, page=swedish, mode=AssessmentRound.Mode.CONSENSUS)
    services.response_save(
        assessment_round=later,
        respondent=services.CONSENSUS_RESPONDENT,
        ratings={s.key: 3 for s in swedish_statements},
    )
    results = services.round_results(assessment_round=later)
    assert [point.assessment_round.pk for point in results.history] == [assessment_round.pk, later.pk]


def test_the_switcher_on_team_and_respondent_pages_keeps_the_page(client, team_pages):
    space = team_space_create(name="Kielitiimi")
    assessment_round = services.round_open(
        space=space, page=team_pages["fi"], mode=AssessmentRound.Mode.ANONYMOUS
    )
    paths = [
        f"/tiimi/{space.token}/",
        f"/tiimi/{space.token}/arviointi/",
        f"/tiimi/{space.token}/arviointi/{assessment_round.pk}/",
        f"/tiimi/{space.token}/arviointi/{assessment_round.pk}/tulokset/",  # hidden: 403, still a team page
        f"/tiimi/vastaa/{assessment_round.token}/",
        f"/tiimi/vastaa/{assessment_round.token}/tulokset/",
    ]
    for path in paths:
        for prefix in PREFIXES.values():
            response = client.get(f"{prefix}{path}?nakyma=1")
            assert response.status_code in (200, 403), (prefix, path)
            links = switcher(response.content.decode())
            assert links == {code: f"{PREFIXES[code]}{path}?nakyma=1" for code in PREFIXES}, (prefix, path)
