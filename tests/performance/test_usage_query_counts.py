"""The Käyttö view's queries do not grow with the number of team spaces: 200 and 2,000 spaces made with the
benchmark's generator of assessment rounds (tests/bench/apps/toolkit.py), each space with a meeting plan."""

from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.bench.apps import toolkit as toolkit_bench
from toolkit.models import MeetingPlan, TeamSpace, ToolPage
from toolkit.tools.usage import tool_usage_count

pytestmark = pytest.mark.django_db

URL = "/admin/kaytto/"
# The admin's own (session, user, groups and permissions, the menu's checks: 10) and the figures (11): tool
# counts and titles (2), rounds per month by mode and in all (2), the ratings' means per round and statement,
# the phase bands, the phases' names, the assessments' statements, the rounds followed by a plan, and the
# feedback per month and per kind (2).
PINNED = 21


def make_spaces(n: int, seed: int) -> None:
    ctx = SimpleNamespace(rng=random.Random(seed), log=lambda message: None)
    spaces = TeamSpace.objects.bulk_create([TeamSpace(name=f"Tilasto {seed}-{i}") for i in range(n)])
    toolkit_bench._assessment_rounds(ctx, spaces)
    MeetingPlan.objects.bulk_create(
        [
            MeetingPlan(
                space=space,
                title="Palaveri",
                date=dt.date(2026, 12, 3),
                start_time=dt.time(9),
                minutes_available=60,
            )
            for space in spaces
        ]
    )


def count_queries(client) -> int:
    client.get(URL)  # warm per-process caches (content types, the admin's menu)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL)
    assert response.status_code == 200
    assert "Yhdessä sopien" in response.content.decode()
    return len(ctx.captured_queries)


@pytest.fixture
def editor_client(client, demo_site):
    user = factories.UserFactory(username="toimittaja")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    tool_usage_count(tool_ids=ToolPage.objects.live().values_list("pk", flat=True), event="view")
    return client


def test_the_view_has_a_fixed_number_of_queries_with_200_spaces(editor_client):
    make_spaces(200, seed=1)
    assert count_queries(editor_client) == PINNED


@pytest.mark.slow
def test_the_view_has_the_same_number_of_queries_with_2000_spaces(editor_client):
    make_spaces(200, seed=1)
    small = count_queries(editor_client)
    make_spaces(1800, seed=2)
    assert TeamSpace.objects.count() >= 2000
    assert count_queries(editor_client) == small
