"""The results are computed by the database: the same number of queries for 3 and for 40 responses."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from toolkit.assessment import services

pytestmark = pytest.mark.django_db


def fill(assessment_round, keys, n):
    for i in range(n):
        ratings = {key: (i + j) % 3 + 1 for j, key in enumerate(keys)}
        services.response_save(assessment_round=assessment_round, respondent=f"q{i}", ratings=ratings)


def count(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def counts_for(space, team_page, keys, n):
    first = services.round_open(space=space, page=team_page, mode="anonymous")
    fill(first, keys, n)
    services.round_reveal(assessment_round=first)
    second = services.round_open(space=space, page=team_page, mode="anonymous")
    fill(second, keys, n)
    services.round_reveal(assessment_round=second)
    client = Client()
    kwargs = {"token": space.token, "round_id": second.pk}
    return {
        "results": count(client, reverse("toolkit:assessment_results", kwargs=kwargs)),
        "csv": count(client, reverse("toolkit:assessment_results_csv", kwargs=kwargs)),
        "round": count(client, reverse("toolkit:assessment_round", kwargs=kwargs)),
        "respond": count(client, reverse("toolkit:assessment_respond", kwargs={"round_token": second.token})),
        "rounds": count(client, reverse("toolkit:assessment_rounds", kwargs={"token": space.token})),
    }


def test_query_counts_do_not_grow_with_responses(team_page, keys):
    from toolkit.team.services import team_space_create

    small = counts_for(team_space_create(), team_page, keys, 3)
    large = counts_for(team_space_create(), team_page, keys, 40)
    assert small == large
    print(small)
    assert small["results"] <= 16


def test_assessment_pages_have_constant_queries(client, team_page, employee_page):
    for page in (team_page, employee_page):
        assert count(client, page.url) == count(client, page.url)
