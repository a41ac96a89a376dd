"""The plan pages run the same number of queries for 3 and 30 blocks."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.team import team_pages_changed
from tests.toolkit.meetings.support import make_plan, plan_url, tools, url
from toolkit.meetings import services

pytestmark = pytest.mark.django_db

# Plan page: space, plan, blocks with their tools and the tools' steps (one
# join), the tools of the "Lisää työkalu" select. The finder's address comes from the cached chrome (its menu
# section), no longer from a query of its own, and the blocks' tool links from Wagtail's `Page.url` (the cached
# site root paths), not `{% pageurl %}`, whose site lookup was a query of its own on a view outside Wagtail's.
# Agenda and .ics: space, plan, blocks; the agenda has no site chrome. List: space, plans, chrome.
# The site chrome (menu, footer) comes from the cache (valoa/pages/chrome.py, decision 011).
# Counted as rendered after a change (the plan and the agenda are then read from the cache until the next one:
# tests/toolkit/team/test_page_cache.py pins that view).
PINNED = {"plan": 4, "agenda": 3, "plans": 2, "ics": 3}


def count(client, address):
    client.get(address)
    team_pages_changed()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def measure(client, n):
    space, plan = make_plan(minutes=480)
    tool_list = tools(3)
    for i in range(n):
        if i % 3 == 0:
            tool = tool_list[i % len(tool_list)]
            services.block_add(plan=plan, kind="tyokalu", tool=tool, minutes=tool.duration_minutes)
        else:
            services.block_add(plan=plan, kind="aihe", title=f"Aihe {i}", minutes=5, note="Muistiinpano")
    return {
        "plan": count(client, plan_url(space, plan)),
        "agenda": count(client, plan_url(space, plan, "meeting_agenda")),
        "plans": count(client, url("meeting_plans", space)),
        "ics": count(client, plan_url(space, plan, "meeting_ics")),
    }


def test_plan_pages_queries_do_not_grow_with_blocks(client, demo_site):
    small = measure(client, 3)
    large = measure(client, 30)
    assert small == large
    assert small == PINNED


def test_the_benchmark_plan_page_is_a_generated_plan_a_team_can_open(client, demo_site):
    from tests.bench.apps import toolkit as toolkit_bench
    from tests.performance.test_query_counts import generate

    generate(0.01, seed=7)
    address = toolkit_bench._meeting_plan_url(None)
    response = client.get(address)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Viikkopalaveri" in html and "Siirrä alas" in html
    assert count(client, address) == PINNED["plan"]
