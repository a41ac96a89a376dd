"""The consensus presentation (…/arviointi/<round>/esitys/<n>/): order, links, secret-link rules, caching and
queries (toolkit/assessment/presentation.py)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from toolkit.assessment import services
from toolkit.assessment.presentation import theme_slides
from toolkit.team.services import team_space_create

pytestmark = pytest.mark.django_db


def url(space, assessment_round, n):
    return f"/tiimi/{space.token}/arviointi/{assessment_round.pk}/esitys/{n}/"


@pytest.fixture
def revealed(space, anonymous_round, keys):
    """Three members; the team agrees on everything but the last statement (1, 1, 3)."""
    for n, split in enumerate((1, 1, 3)):
        ratings = dict.fromkeys(keys, 2) | {keys[-1]: split}
        services.response_save(assessment_round=anonymous_round, respondent=f"r{n}", ratings=ratings)
    services.round_reveal(assessment_round=anonymous_round)
    return anonymous_round


def test_results_page_links_to_the_presentation(client, space, revealed):
    html = client.get(f"/tiimi/{space.token}/arviointi/{revealed.pk}/tulokset/").content.decode()
    assert f'href="{url(space, revealed, 1)}">Näytä esityksenä' in html


def test_overview_then_themes_flagged_first(client, space, revealed, team_page):
    groups = team_page.statement_groups()
    response = client.get(url(space, revealed, 1))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="consensus__title" id="consensus-title">Kokonaistulos</h1>' in html
    assert "Keskustelkaa tästä ensin" in html and groups[-1].statements[-1].text in html
    # One view per theme after the overview; the theme with the split statement first.
    listing = html[html.index('<ol class="consensus__themes">') :]
    themes = re.findall(r'/esitys/(\d+)/">([^<]+)</a>', listing[: listing.index("</ol>")])
    assert [int(n) for n, _ in themes] == list(range(2, len(groups) + 2))
    assert themes[0][1] == groups[-1].heading
    assert [h for _, h in themes[1:]] == [g.heading for g in groups[:-1]]
    assert f'rel="next" href="{url(space, revealed, 2)}"' in html and 'rel="prev"' not in html

    theme = client.get(url(space, revealed, 2)).content.decode()
    assert f'id="consensus-title">{groups[-1].heading}</h1>' in theme
    items = re.findall(r'<li value="(\d+)"( class="is-discuss")?>', theme)
    last = groups[-1].statements
    assert [int(n) for n, _ in items] == [last[-1].number, *[s.number for s in last[:-1]]]
    assert items[0][1] and not any(flag for _, flag in items[1:])
    # The chart with its text alternative, narrowed to the theme's statements.
    assert theme.count('<svg class="chart"') == 1
    desc = re.search(r'<desc id="consensus-chart-desc">(.*?)</desc>', theme).group(1)
    assert desc.count("Väittämä") == len(last)
    assert f'rel="prev" href="{url(space, revealed, 1)}"' in theme

    end = client.get(url(space, revealed, len(groups) + 1)).content.decode()
    assert 'rel="next"' not in end and "Takaisin tuloksiin" in end


def test_theme_slides_keep_order_without_flags(team_page):
    page = team_page
    results = services.self_assessment_results(
        page=page, ratings={s.key: 2 for g in page.statement_groups() for s in g.statements}
    )
    slides = theme_slides(results)
    assert [s.heading for s in slides] == [g.heading for g in page.statement_groups()]
    assert all(s.discuss_count == 0 for s in slides)


def test_secret_link_rules(client, space, revealed, team_page):
    n = len(team_page.statement_groups()) + 1
    assert client.get(url(space, revealed, n + 1)).status_code == 404
    assert client.get(url(space, revealed, 0)).status_code == 404
    assert client.get(f"/tiimi/{'x' * 43}/arviointi/{revealed.pk}/esitys/1/").status_code == 404
    other = team_space_create(name="Toinen")
    assert client.get(url(other, revealed, 1)).status_code == 404  # a round of another space
    assert client.get(f"/tiimi/{space.token}/arviointi/999999/esitys/1/").status_code == 404
    response = client.get(url(space, revealed, 1))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert 'name="robots" content="noindex, nofollow"' in response.content.decode()


def test_hidden_results_are_403(client, space, anonymous_round):
    assert client.get(url(space, anonymous_round, 1)).status_code == 403


def test_presentation_queries_do_not_grow_with_responses(client, team_page, keys):
    def measure(n):
        space = team_space_create()
        assessment_round = services.round_open(space=space, page=team_page, mode="anonymous")
        for i in range(n):
            ratings = {key: (i + j) % 3 + 1 for j, key in enumerate(keys)}
            services.response_save(assessment_round=assessment_round, respondent=f"q{i}", ratings=ratings)
        services.round_reveal(assessment_round=assessment_round)
        client.get(url(space, assessment_round, 2))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url(space, assessment_round, 2)).status_code == 200
        return len(ctx.captured_queries)

    assert measure(3) == measure(30) <= 8
