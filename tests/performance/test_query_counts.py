"""Queries per page type stay the same when the benchmark's generator adds ten times more content.

The generator itself is exercised too: its bulk-built pages form a valid Wagtail tree and are served.
"""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from valoa.bench.context import BenchContext
from valoa.bench.scenarios import all_scenarios, app_modules

pytestmark = pytest.mark.django_db

# Scenario name → pinned queries for an anonymous visitor, page cache off. The benchmark prints these too.
PINNED = {
    "Etusivu": 10,  # + recommended tools per phase (3)
    "Sisältösivu": 6,
    "Haku": 6,
    "Aloita": 11,  # + recommended tools per phase (3)
    "Työkalut (hakemisto)": 12,  # the finder: phases, themes, count, results' phases
    "Työkalu": 14,  # the tool card's relations, stories that used it, approved experiences
    "Innostu (sivu 1)": 16,  # filter choices, count, organisations, images with renditions
    # One less in production, where Wagtail's "renditions" cache answers the picture tag; the tests have none.
    "Tarina": 20,
}


def generate(scale, seed):
    from valoa.models import HomePage, Phase, Theme

    ctx = BenchContext(
        home=HomePage.objects.get(),
        phases=list(Phase.objects.all()),
        themes=list(Theme.objects.all()),
        rng=random.Random(seed),
        log=lambda msg: None,
    )
    for module in app_modules():
        if hasattr(module, "generate"):
            module.generate(ctx, scale)


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths, renditions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def measure(client):
    return {s.name: count_queries(client, s.url(None)) for s in all_scenarios() if s.name in PINNED}


def test_generated_content_is_a_valid_tree_and_is_served(client, demo_site):
    from inspire.models import CaseStudyPage
    from toolkit.models import ToolPage

    tools, stories = ToolPage.objects.count(), CaseStudyPage.objects.count()
    generate(0.01, seed=1)
    assert ToolPage.objects.count() == tools + 3
    assert CaseStudyPage.objects.count() > stories
    assert all(not problems for problems in Page.find_problems())
    tool = ToolPage.objects.order_by("-pk").first()
    assert tool.live and tool.phases.exists()
    assert client.get(tool.url).status_code == 200
    assert tool.title in client.get(tool.url).content.decode()
    assert tool.title in client.get("/tyokalut/", {"q": tool.title}).content.decode()


def test_queries_per_page_type_are_pinned_and_do_not_grow_with_content(client, demo_site):
    generate(0.002, seed=1)
    small = measure(client)
    assert small == PINNED, small
    generate(0.02, seed=2)
    assert measure(client) == small
